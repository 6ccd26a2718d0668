export type FilterState = {
  /** Whether any filter is on. */
  active: boolean;
  /** Turns every filter off. */
  clear: () => void;
};

/**
 * The filters named in `names`, as read from the address bar: on when they hold a value (an empty text
 * or list is no filter), cleared all at once.
 */
export function filterState<Q extends object>(
  query: Q,
  update: (patch: Partial<Q>) => void,
  names: readonly (keyof Q)[],
): FilterState {
  const active = names.some((name) => isSet(query[name]));
  const cleared = Object.fromEntries(names.map((name) => [name, undefined])) as Partial<Q>;
  return { active, clear: () => update(cleared) };
}

function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== '';
}
