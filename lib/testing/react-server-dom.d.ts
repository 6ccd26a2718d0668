// The Flight renderer Next.js ships, as lib/testing/render-scope.ts uses it (it has no types of its own).
declare module 'next/dist/compiled/react-server-dom-webpack/server.node' {
  import type { ReactNode } from 'react';
  import type { Writable } from 'node:stream';

  export function renderToPipeableStream(
    model: ReactNode,
    webpackMap: unknown,
    options?: { onError?: (error: unknown) => void },
  ): { pipe<T extends Writable>(destination: T): T; abort(reason?: unknown): void };
}
