'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/components/ui/cn';

type SearchInputProps = {
  id: string;
  label: string;
  /** The applied value (from the address bar). */
  value: string;
  /** Called once typing pauses, and at once on Enter. */
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  delayMs?: number;
};

/** A text filter that applies itself once typing pauses, so each keystroke does not ask the server. */
export function SearchInput({
  id,
  label,
  value,
  onChange,
  placeholder,
  className,
  delayMs = 300,
}: SearchInputProps) {
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  // The value changed elsewhere (back button, a link, "clear filters"): show it.
  if (value !== applied) {
    setApplied(value);
    if (value !== text.trim()) setText(value);
  }

  // A parent's re-render (a refetch, a new callback) must not restart the pause.
  const apply = useEffectEvent((next: string) => onChange(next));
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => apply(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && text.trim() !== value) onChange(text.trim());
        }}
      />
    </div>
  );
}
