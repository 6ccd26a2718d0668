import { CopyButton } from '@/components/ui/copy-button';

/** Preformatted text (OpenSSL's rendering, PEM) with one button to copy all of it; named by its tab. */
export function TextPanel({ text, copyLabel }: { text: string; copyLabel: string }) {
  return (
    <div className="flex flex-col gap-2">
      <div>
        <CopyButton text={text} label={copyLabel} />
      </div>
      <pre
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
      >
        {text}
      </pre>
    </div>
  );
}
