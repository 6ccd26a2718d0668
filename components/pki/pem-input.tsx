'use client';

import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { readPemFile } from './read-pem-file';

type PemInputProps = {
  id: string;
  label: string;
  /** Accessible name of the hidden file input (for the file picker and tests). */
  fileLabel: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  placeholder?: string;
};

const maxFileBytes = 16 * 1024;

/**
 * A PEM text area that also takes a dropped or chosen file (PEM or DER). A DER file is shown as PEM so
 * that what will be sent is always visible and editable.
 */
export function PemInput({
  id,
  label,
  fileLabel,
  value,
  onChange,
  onBlur,
  error,
  hint,
  placeholder,
}: PemInputProps) {
  const [fileError, setFileError] = useState<string | null>(null);

  async function acceptFiles(files: File[], rejections: FileRejection[]) {
    const rejected = rejections[0];
    if (rejected) {
      setFileError(
        rejected.errors.some((e) => e.code === 'file-too-large')
          ? `${rejected.file.name} is larger than 16 KiB`
          : `${rejected.file.name} cannot be read: drop one PEM or DER file`,
      );
      return;
    }
    const file = files[0];
    if (!file) return;
    const read = await readPemFile(new Uint8Array(await file.arrayBuffer()));
    if (read.ok) {
      setFileError(null);
      onChange(read.pem);
    } else {
      setFileError(`${file.name}: ${read.error}`);
    }
  }

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (files, rejections) => void acceptFiles(files, rejections),
    multiple: false,
    maxSize: maxFileBytes,
    // Typing and clicking in the text area must keep working; the file dialog opens from its own button.
    noClick: true,
    noKeyboard: true,
  });

  return (
    <div
      {...getRootProps({
        className: cn(
          'flex flex-col gap-3 rounded-lg border-2 border-dashed border-transparent p-1 transition-colors',
          isDragActive && 'border-brand bg-brand-muted/40',
        ),
      })}
    >
      <Field id={id} label={label} hint={hint} error={error ?? fileError ?? undefined}>
        <Textarea
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          rows={10}
          spellCheck={false}
          autoComplete="off"
          placeholder={placeholder}
          className="font-mono text-xs"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <input {...getInputProps({ 'aria-label': fileLabel })} />
        <Button variant="secondary" size="sm" onClick={open}>
          Choose a file…
        </Button>
        <span>{isDragActive ? 'Drop the file to read it' : 'or drop a PEM or DER file here'}</span>
      </div>
    </div>
  );
}
