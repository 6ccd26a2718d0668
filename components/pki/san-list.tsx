import type { SanView } from '@/lib/pki';
import { Copyable } from './copyable';
import { sanText } from './format';

/** Subject alternative names, one per line, each copyable. */
export function SanList({ sans }: { sans: SanView[] }) {
  if (sans.length === 0) return <em>none</em>;
  return (
    <ul className="flex flex-col gap-0.5">
      {sans.map((san, index) => (
        <li key={index}>
          <Copyable text={san.value} what={sanText(san)}>
            {sanText(san)}
          </Copyable>
        </li>
      ))}
    </ul>
  );
}
