// First-load JS of the certificate and CSR pages, read from the production build in .next (run after
// `next build`): the scripts a browser fetches before the page works, gzip-compressed (level 9, as Next's
// own size report did), split into the framework every page loads, what other dashboard pages share, and
// what only this page adds. Also checks that the decoder (lib/pki and its ASN.1 decoder) is not among them and prints
// the size of the chunks it is loaded from later. Goal: certificate page ≤ 150 kB.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const dotNext = '.next';
const routes = [
  '/(dashboard)/certificates/[id]/page',
  '/(dashboard)/requests/[id]/page',
  '/(dashboard)/requests/new/page',
  '/(dashboard)/decode/page',
];
const goalKb = 150;
// Strings only the decoder's code holds: @lapo/asn1js's and asn1js's errors (the latter comes with the PKCS#7
// builder), OpenSSL's object names.
const decoderMarkers = [
  'Requesting byte offset',
  'End of input reached before message was fully decoded',
  'X509v3 Subject Alternative Name',
];

if (!existsSync(join(dotNext, 'build-manifest.json'))) {
  console.error('bench-bundle: no production build in .next; run `next build` first');
  process.exit(1);
}

const gzipCache = new Map<string, number>();
const gzipBytes = (file: string) => {
  if (!gzipCache.has(file))
    gzipCache.set(file, gzipSync(readFileSync(join(dotNext, file)), { level: 9 }).length);
  return gzipCache.get(file)!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipBytes(file), 0);
const holdsDecoder = (file: string) => {
  const text = readFileSync(join(dotNext, file), 'utf8');
  return decoderMarkers.some((marker) => text.includes(marker));
};

const buildManifest = JSON.parse(readFileSync(join(dotNext, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles: string[];
};
const framework = new Set(buildManifest.rootMainFiles.filter((file) => file.endsWith('.js')));

/** Every script the route's layouts, boundaries and page need, from its client reference manifest. */
function entryFiles(route: string): Set<string> {
  const file = join(dotNext, 'server', 'app', `${route}_client-reference-manifest.js`);
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const manifests = sandbox.self.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>;
  const entry = manifests[route];
  if (!entry) throw new Error(`no client reference manifest for ${route}`);
  return new Set(Object.values(entry.entryJSFiles).flat());
}

const entries = new Map(routes.map((route) => [route, entryFiles(route)]));
for (const [route, files] of entries) {
  const firstLoad = new Set([...framework, ...files]);
  const others = [...entries].filter(([other]) => other !== route).flatMap(([, f]) => [...f]);
  const pageOnly = [...files].filter((file) => !framework.has(file) && !others.includes(file));
  const shared = [...files].filter((file) => !framework.has(file) && others.includes(file));
  const decoderInFirstLoad = [...firstLoad].filter(holdsDecoder);
  const name = route.replace('/(dashboard)', '').replace(/\/page$/, '');
  const goal = name === '/certificates/[id]' ? `   goal ≤ ${goalKb} kB` : '';
  console.log(
    `first-load JS ${name.padEnd(18)} ${kb(sum(firstLoad)).padStart(9)} gzip` +
      `   framework ${kb(sum(framework))}   shared ${kb(sum(shared))}   page ${kb(sum(pageOnly))}` +
      `   decoder in first load: ${decoderInFirstLoad.length === 0 ? 'no' : decoderInFirstLoad.join(' ')}${goal}`,
  );
}

const chunks = readdirSync(join(dotNext, 'static', 'chunks'))
  .filter((file) => file.endsWith('.js'))
  .map((file) => `static/chunks/${file}`);
const lazy = chunks.filter(holdsDecoder);
console.log(
  `lib/pki chunks (decoder, ASN.1 tree, PKCS#7), loaded on demand: ${lazy.length} files, ${kb(sum(lazy))} gzip`,
);
