/** Small timing helpers for the benchmarks. */
import { performance } from 'node:perf_hooks';

/** Median wall time in ms of `fn` over `repeats` runs after `warmup` runs. */
export function medianMs(fn: () => unknown, repeats = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

/** Prints one result line: what, our time, the reference's time and the speed ratio. */
export function report(what: string, oursMs: number, referenceMs: number | undefined, referenceLabel: string): void {
  const ours = `${oursMs.toPrecision(3)} ms`;
  if (referenceMs === undefined) {
    console.log(`${what}: ${ours} (no ${referenceLabel} measurement available)`);
    return;
  }
  console.log(`${what}: ${ours} vs ${referenceLabel} ${referenceMs.toPrecision(3)} ms → ${(referenceMs / oursMs).toFixed(1)}× faster`);
}
