// The one shape of time for jobs: a clock. A job that acts at one instant reads it once; delivery,
// which paces and backs off, reads it as it goes. `--now` replays through a shifted clock.

export type Clock = () => Date;

/** A clock that starts at `start` and runs in real time, so replayed cycles pace and back off consistently. */
export function shiftedClock(start: Date, real: () => number = Date.now): Clock {
  const offset = start.getTime() - real();
  return () => new Date(real() + offset);
}

/** A clock that always reads `at` (tests, and jobs that must see one instant throughout). */
export function fixedClock(at: Date): Clock {
  return () => new Date(at.getTime());
}
