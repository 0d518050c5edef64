// Runs jobs one at a time, in the order they were asked for. A job already waiting or running is
// not queued twice: a slow poll makes the next tick skip, never pile up (no overlapping runs).

export interface SerialQueue {
  /** Returns false when a job of that name is already waiting or running. */
  push(name: string, job: () => Promise<void>): boolean;
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void>;
  running(): string | undefined;
}

export function createSerialQueue(onError: (name: string, err: unknown) => void): SerialQueue {
  const pending = new Set<string>();
  let current: string | undefined;
  let tail: Promise<void> = Promise.resolve();
  return {
    push(name, job) {
      if (pending.has(name)) return false;
      pending.add(name);
      tail = tail.then(async () => {
        current = name;
        try {
          await job();
        } catch (err) {
          onError(name, err);
        } finally {
          current = undefined;
          pending.delete(name);
        }
      });
      return true;
    },
    idle: () => tail,
    running: () => current,
  };
}
