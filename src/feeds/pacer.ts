// Spaces requests to one host (page bodies, statement details: many small reads after one poll).
// Real time, not the cycle's clock: it is about not hammering a server now. Parliament publishes no
// rate limit and asks for restraint, so its API is held to one request a second (SOURCES.md §1).

export interface Pacer {
  /** Resolves when a request to `url`'s host may be sent. */
  wait(url: string): Promise<void>;
}

const hostCaps: Record<string, number> = { 'questions-statements-api.parliament.uk': 1 };

export function createPacer(
  requestsPerSecond: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => number = () => performance.now(),
): Pacer {
  const next = new Map<string, number>();
  return {
    async wait(url) {
      const host = new URL(url).host.toLowerCase();
      const rate = Math.min(requestsPerSecond, hostCaps[host] ?? Infinity);
      const gap = 1000 / rate;
      const at = Math.max(now(), next.get(host) ?? 0);
      next.set(host, at + gap);
      const delay = at - now();
      if (delay > 0) await sleep(delay);
    },
  };
}
