import type { Config } from 'tailwindcss';

// Theme tokens; loaded from app/globals.css with @config.
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#1d4ed8', fg: '#ffffff', muted: '#dbeafe' },
        ok: '#15803d',
        warn: '#b45309',
        danger: '#b91c1c',
      },
      fontFamily: {
        sans: ['ui-sans-serif', 'system-ui', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
      },
    },
  },
} satisfies Config;
