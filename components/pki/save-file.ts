/** Bytes or text handed to the browser as a file download, through a short-lived object URL. */
export function saveFile(name: string, content: Uint8Array<ArrayBuffer> | string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later rather than at once: some browsers read the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A name safe for a file: the common name or subject with anything unusual replaced. */
export function fileBaseName(name: string | null | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[^\w.-]+/g, '_').replace(/^[_.]+|_+$/g, '');
  return cleaned.slice(0, 80) || fallback;
}
