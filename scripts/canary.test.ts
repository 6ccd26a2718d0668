import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { parseAuditKey } from '@/lib/audit/key';
import { canaryEnv, findCanaries } from './canary';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'canary-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

it('makes one distinct, unguessable value per secret', () => {
  const [a, b] = [canaryEnv(), canaryEnv()];
  expect(Object.keys(a)).toEqual(
    expect.arrayContaining(['TSB_API_KEY', 'TSB_BEARER_TOKEN', 'BETTER_AUTH_SECRET', 'AUDIT_HMAC_KEY']),
  );
  expect(new Set(Object.values(a)).size).toBe(Object.keys(a).length);
  expect(a.TSB_API_KEY).not.toBe(b.TSB_API_KEY);
  expect(a.BETTER_AUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
  expect(parseAuditKey(a.AUDIT_HMAC_KEY!)).toHaveProperty('key');
  expect(a.AUDIT_HMAC_KEY).not.toBe(b.AUDIT_HMAC_KEY);
});

it('finds a canary in client chunks, prerendered payloads and server output, but not in the build cache', () => {
  const canaries = canaryEnv();
  const dir = build({
    'static/chunks/app.js': `const k="${canaries.TSB_API_KEY}"`,
    'server/app/index.rsc': `0:["${canaries.BETTER_AUTH_SECRET}"]`,
    'server/chunks/ssr.js': 'process.env.TSB_API_KEY',
    'cache/fetch/entry': canaries.TSB_BEARER_TOKEN!,
  });
  const hits = findCanaries(dir, canaries).map((hit) => [
    hit.file.split('/').slice(-3).join('/'),
    hit.variable,
  ]);
  expect(hits).toHaveLength(2);
  expect(hits).toEqual(
    expect.arrayContaining([
      ['server/app/index.rsc', 'BETTER_AUTH_SECRET'],
      ['static/chunks/app.js', 'TSB_API_KEY'],
    ]),
  );
});
