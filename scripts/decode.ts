// `npm run -s decode -- [--text] FILE`: decodes a certificate or CSR (PEM or DER; "-" reads stdin). With
// --text it prints what `openssl x509|req -noout -text` prints; without, the view model with its warnings
// and lint findings as JSON. Exit code 1, with the reason on stderr, when the input cannot be decoded.
import { readFileSync } from 'node:fs';
import {
  checkCsr,
  decodeAny,
  lintCertificate,
  renderOpensslText,
  type Decoded,
  type Finding,
} from '@/lib/pki';

const usage = 'usage: npm run -s decode -- [--text] FILE   (PEM or DER certificate or CSR; "-" reads stdin)';

function fail(message: string): never {
  process.stderr.write(`decode: ${message}\n`);
  process.exit(1);
}

function read(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path === '-' ? 0 : path));
  } catch (error) {
    return fail(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function print<T>(
  kind: string,
  result: Decoded<T>,
  lint: (view: T) => Finding[],
  render: (view: T) => string,
  text: boolean,
) {
  if (!result.ok) return fail(result.error);
  if (text) return process.stdout.write(render(result.view));
  const json = { kind, warnings: result.warnings, findings: lint(result.view), view: result.view };
  return process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
}

const args = process.argv.slice(2);
const text = args.includes('--text');
const files = args.filter((arg) => arg !== '--text');
if (files.length !== 1 || files[0]?.startsWith('--')) fail(usage);
const path = files[0] ?? '-';
const decoded = await decodeAny(read(path));
if (decoded.kind === 'unknown') fail(`${path}: ${decoded.error}`);
else if (decoded.kind === 'csr') print('csr', decoded.result, checkCsr, renderOpensslText, text);
else print('certificate', decoded.result, (view) => lintCertificate(view), renderOpensslText, text);
