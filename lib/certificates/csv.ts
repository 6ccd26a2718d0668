// CSV as RFC 4180 writes it (CRLF, quotes doubled, fields quoted when they must be), with cells that a
// spreadsheet would run as a formula defused by a leading apostrophe (OWASP CSV injection).

const formulaStart = /^[=+\-@\t\r]/;

/** One cell: guarded against formula injection, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one line per record. */
export function toCsv<T>(
  columns: { header: string; value: (record: T) => string | number | boolean | null }[],
  records: T[],
): string {
  const lines = [
    columns.map((c) => csvCell(c.header)),
    ...records.map((r) => columns.map((c) => csvCell(c.value(r)))),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
