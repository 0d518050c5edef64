// Small measuring helpers for the benchmarks: CPU time (user + system) and wall time, best of N.

export interface Measurement {
  cpuMs: number;
  wallMs: number;
}

export async function measure(fn: () => Promise<unknown> | unknown): Promise<Measurement> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const d = process.cpuUsage(cpu);
  return { cpuMs: (d.user + d.system) / 1000, wallMs };
}

/** Run `fn` `runs` times (after one warm-up) and keep the fastest, the usual guard against noise. */
export async function best(runs: number, fn: () => Promise<unknown> | unknown): Promise<Measurement> {
  await fn();
  let bestRun: Measurement | undefined;
  for (let i = 0; i < runs; i++) {
    const m = await measure(fn);
    if (!bestRun || m.cpuMs + m.wallMs < bestRun.cpuMs + bestRun.wallMs) bestRun = m;
  }
  return bestRun!;
}

export function row(label: string, ours: string, baseline: string, ratio: string): string {
  return `${label.padEnd(48)} ${ours.padStart(16)} ${baseline.padStart(16)} ${ratio.padStart(10)}`;
}

export function header(): string {
  return `${row('benchmark', 'followthrough', 'naive baseline', 'ratio')}\n${'-'.repeat(93)}`;
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
