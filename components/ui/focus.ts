// One visible focus ring for every interactive primitive, so keyboard users always see where they are.
export const focusRing =
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 focus-visible:ring-offset-white';
