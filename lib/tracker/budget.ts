// The tracker's ceiling on TSB reads: at most `perSecond` reads start in any window of one second,
// however many requests are due. It remembers when each of the last `perSecond` reads started; a read
// may start once the oldest of them is a second old.

export type ReadBudget = {
  readonly perSecond: number;
  /** Takes one read if the ceiling allows it now; false when the last second's reads used it up. */
  take: () => boolean;
};

const windowMs = 1000;

/** A budget of `perSecond` reads per second on the clock `now`; Infinity for none. */
export function createReadBudget(perSecond: number, now: () => number): ReadBudget {
  if (!Number.isFinite(perSecond)) return { perSecond: Infinity, take: () => true };
  if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`a read budget of ${perSecond}/s`);
  const starts = new Array<number>(perSecond).fill(-Infinity);
  let oldest = 0;
  return {
    perSecond,
    take() {
      const at = now();
      const since = at - starts[oldest]!;
      // A clock stepped back (since < 0) must not stall the tracker until it catches up.
      if (since >= 0 && since < windowMs) return false;
      starts[oldest] = at;
      oldest = (oldest + 1) % perSecond;
      return true;
    },
  };
}
