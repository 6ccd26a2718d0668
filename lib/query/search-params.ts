import type { z } from 'zod';

// One spelling of list filters for the browser's address bar and for /api queries, so a shared link and
// the request it makes always agree.

/** `values` as search params: lists comma-joined; empty values, and values equal to `defaults`, left out. */
export function toSearchParams(values: object, defaults: object = {}): URLSearchParams {
  const fallback = new Map<string, unknown>(Object.entries(defaults));
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    const text = asText(value);
    if (text !== '' && text !== asText(fallback.get(name))) params.set(name, text);
  }
  return params;
}

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return '';
}

/**
 * Reads search params with `schema`. A hand-edited or stale link must still open the page, so a value
 * that does not parse is dropped (and its default used) instead of failing the whole query.
 */
export function parseSearchParams<S extends z.ZodType<object>>(
  schema: S,
  params: URLSearchParams | Record<string, string>,
): z.infer<S> {
  const raw: Record<string, string> =
    params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : { ...params };
  for (;;) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const bad = parsed.error.issues.map((issue) => String(issue.path[0])).filter((name) => name in raw);
    // Nothing left to drop: the schema's defaults themselves do not parse, which is a programming error.
    if (bad.length === 0) return schema.parse({});
    for (const name of bad) delete raw[name];
  }
}
