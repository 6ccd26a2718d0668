import 'server-only';

export { getActor, getSessionState, isFresh } from './actor';
export type { Actor, Role } from './types';
