import { cn } from './cn';
import { focusRing } from './focus';

// Shared look of text-like form controls; an invalid control (aria-invalid) gets a red border.
export const controlClasses = cn(
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm',
  'placeholder:text-slate-400 disabled:cursor-not-allowed disabled:bg-slate-100',
  'aria-[invalid=true]:border-danger',
  focusRing,
);
