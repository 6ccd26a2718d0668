import 'server-only';
import { TsbError } from './errors';

// Reading a TSB answer without trusting it: bounded in size and in time, and only JSON.

/** The largest answer CertDesk reads; a status with its certificate is a few KiB, a long request list < 1 MiB. */
export const maxReplyBytes = 4 * 1024 * 1024;

const tooLarge = (status: number) =>
  new TsbError('malformed', `The TSB's answer is larger than ${maxReplyBytes} bytes`, status);

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The body's bytes, up to `maxReplyBytes`; stops reading (and fails) when `signal` aborts. */
async function readBytes(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxReplyBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response.status);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  // A cancelled reader ends its pending read, so an answer that drips stops at the deadline.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > maxReplyBytes) {
        stop();
        throw tooLarge(response.status);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof TsbError) throw error;
    if (signal.aborted) throw new TsbError('timeout', 'The TSB did not finish its answer in time');
    throw new TsbError('network', 'The connection to the TSB broke during its answer', response.status);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) throw new TsbError('timeout', 'The TSB did not finish its answer in time');
  return Buffer.concat(chunks);
}

/**
 * The answer's JSON (undefined when empty), read within `signal` and `maxReplyBytes`. A body that is not
 * JSON, or is labelled as something else, is `malformed`; a body cut off is `network`.
 */
export async function readReply(response: Response, signal: AbortSignal): Promise<unknown> {
  const bytes = await readBytes(response, signal);
  if (bytes.byteLength === 0) return undefined;
  if (!isJson(response.headers.get('content-type'))) {
    throw new TsbError('malformed', 'The TSB answered with a body that is not JSON', response.status);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new TsbError('malformed', 'The TSB answered with a body that is not JSON', response.status);
  }
}
