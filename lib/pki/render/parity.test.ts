import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAny, renderOpensslText } from '../index';

// renderOpensslText against what OpenSSL 3.0 printed, stored by mocks/fixtures/openssl/generate.sh: every
// Mozilla root of Debian's ca-certificates (mozilla-roots.txt, one block per root) and every fixture (its
// .openssl.txt). No openssl process runs here.

const rootsDir = '/usr/share/ca-certificates/mozilla';
const fixtureDirs = ['mocks/fixtures', 'mocks/fixtures/openssl'];

/**
 * Inputs whose rendering is known to differ from OpenSSL's, with the reason. None among the roots and
 * fixtures; the constructs the renderer does not reproduce are listed in README.md here.
 */
const knownDifferences: Record<string, string> = {};

const roots = existsSync(rootsDir)
  ? readdirSync(rootsDir)
      .filter((f) => f.endsWith('.crt'))
      .sort()
  : [];
const fixtures = fixtureDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.openssl.txt'))
    .map((f) => ({ pem: `${dir}/${f.replace('.openssl.txt', '.pem')}`, text: `${dir}/${f}` })),
);

/** The stored openssl output of each root, by file name, with the fingerprint of the root it was made from. */
function storedRoots(): Map<string, { sha256: string; text: string }> {
  const stored = new Map<string, { sha256: string; text: string }>();
  const blocks = readFileSync('mocks/fixtures/openssl/mozilla-roots.txt', 'utf8')
    .split(/^# sha256:/m)
    .slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const [sha256 = '', name = ''] = block.slice(0, newline).split(' ');
    stored.set(name, { sha256, text: block.slice(newline + 1) });
  }
  return stored;
}

async function rendered(input: string): Promise<string> {
  const decoded = await decodeAny(input);
  if (decoded.kind === 'unknown') return `unreadable: ${decoded.error}`;
  return decoded.result.ok ? renderOpensslText(decoded.result.view) : `undecodable: ${decoded.result.error}`;
}

async function parity(cases: { name: string; input: string; expected: string }[]): Promise<number> {
  let matching = 0;
  for (const { name, input, expected } of cases) {
    const text = await rendered(input);
    if (knownDifferences[name]) expect(text, name).not.toBe(expected);
    else expect(text, name).toBe(expected);
    if (text === expected) matching++;
  }
  return matching;
}

const derSha256 = (pem: string) =>
  createHash('sha256')
    .update(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
    .digest('hex');

describe('openssl text parity', () => {
  let rootsLine = `roots skipped (${rootsDir} is missing)`;

  it.skipIf(roots.length === 0)('renders every Mozilla root like `openssl x509 -noout -text`', async () => {
    const stored = storedRoots();
    const cases = roots.map((name) => {
      const input = readFileSync(`${rootsDir}/${name}`, 'utf8');
      const entry = stored.get(name);
      return { name, input, entry, current: entry?.sha256 === derSha256(input) };
    });
    // A root added or changed by a newer ca-certificates has no stored output: regenerate to compare it.
    const stale = cases.filter((c) => !c.current).map((c) => c.name);
    const matching = await parity(
      cases.filter((c) => c.current).map((c) => ({ ...c, expected: c.entry?.text ?? '' })),
    );
    rootsLine = `${matching}/${roots.length} roots${stale.length ? ` (${stale.length} without stored output: ${stale.join(', ')})` : ''}`;
  });

  it('renders every fixture like openssl', async () => {
    const cases = fixtures.map((f) => ({
      name: f.pem,
      input: readFileSync(f.pem, 'utf8'),
      expected: readFileSync(f.text, 'utf8'),
    }));
    const matching = await parity(cases);
    console.log(`openssl text parity: ${rootsLine}, ${matching}/${fixtures.length} fixtures`);
  });
});
