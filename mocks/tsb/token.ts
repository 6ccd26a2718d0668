// approvalToBeSigned: the bytes an approver signs to approve one task. The TSB's own token is a
// little-endian TLV blob (tsb-api.md §6.3); this one follows that layout with the simulator's own tags,
// binding task, request and key to a random nonce so that a signature fits exactly one task.

const magic = [0x43, 0x44, 0x41, 0x31]; // "CDA1"
const tags = { taskId: 1, requestId: 2, keyLabel: 3, nonce: 4 } as const;

export interface ApprovalToken {
  taskId: string;
  requestId: string;
  keyLabel: string;
  nonce: Uint8Array;
}

export function encodeApprovalToken(token: ApprovalToken): Uint8Array {
  const text = new TextEncoder();
  const fields: [number, Uint8Array][] = [
    [tags.taskId, text.encode(token.taskId)],
    [tags.requestId, text.encode(token.requestId)],
    [tags.keyLabel, text.encode(token.keyLabel)],
    [tags.nonce, token.nonce],
  ];
  const out = [...magic];
  for (const [tag, value] of fields) out.push(tag, value.length & 0xff, value.length >> 8, ...value);
  return Uint8Array.from(out);
}

/** The fields of a token, or null when the bytes are not one. */
export function decodeApprovalToken(bytes: Uint8Array): ApprovalToken | null {
  if (bytes.length < magic.length || magic.some((byte, i) => bytes[i] !== byte)) return null;
  const values = new Map<number, Uint8Array>();
  let at = magic.length;
  while (at + 3 <= bytes.length) {
    const tag = bytes[at] ?? 0;
    const length = (bytes[at + 1] ?? 0) | ((bytes[at + 2] ?? 0) << 8);
    values.set(tag, bytes.subarray(at + 3, at + 3 + length));
    at += 3 + length;
  }
  const text = new TextDecoder('utf-8', { fatal: true });
  const taskId = values.get(tags.taskId);
  const requestId = values.get(tags.requestId);
  const keyLabel = values.get(tags.keyLabel);
  const nonce = values.get(tags.nonce);
  if (at !== bytes.length || !taskId || !requestId || !keyLabel || !nonce) return null;
  try {
    return {
      taskId: text.decode(taskId),
      requestId: text.decode(requestId),
      keyLabel: text.decode(keyLabel),
      nonce,
    };
  } catch {
    return null;
  }
}

export function newNonce(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}
