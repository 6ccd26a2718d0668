import { PassThrough } from 'node:stream';
import { createElement } from 'react';
import { renderToPipeableStream } from 'next/dist/compiled/react-server-dom-webpack/server.node';

/**
 * Runs `work` inside one React Server Components render, as a page and its layout run for one request:
 * what React's cache() keeps, it keeps for this call only. Needs the react-server condition (the `rsc`
 * Vitest project); elsewhere cache() keeps nothing.
 */
export function inServerRender<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | undefined;
    async function Scope() {
      result = { value: await work() };
      return null;
    }
    const sink = new PassThrough();
    sink.resume();
    sink.on('end', () => (result ? resolve(result.value) : reject(new Error('the render did not run'))));
    renderToPipeableStream(createElement(Scope), null, { onError: reject }).pipe(sink);
  });
}
