import type { HttpHandler } from 'msw';
import type { Send } from './approver-client';
import type { Simulator } from './state';

export function approverAppHandlers(_sim: Simulator, _dispatch: Send): HttpHandler[] {
  return [];
}
