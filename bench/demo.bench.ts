/**
 * `superionic demo` end to end (14 analyses, 23 figures as SVG + PNG, report.html): cold (no
 * cache) and warm (every analysis from the content-hash cache). Target: cold < 120 s on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../test/helpers/cli.js';

export async function run(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'superionic-demo-bench-'));
  try {
    const t0 = performance.now();
    const cold = await runCli(['demo', '--out', out]);
    const t1 = performance.now();
    const warm = await runCli(['demo', '--out', out]);
    const t2 = performance.now();
    if (cold.code !== 0 || warm.code !== 0) throw new Error(`demo failed: ${cold.stderr}${warm.stderr}`);
    const coldS = (t1 - t0) / 1000;
    console.log(`demo cold: ${coldS.toFixed(1)} s (target < 120 s on 2 cores → ${coldS < 120 ? 'met' : 'NOT met'}); ${cold.stderr.trim()}`);
    console.log(`demo warm (all analyses cached, figures and report redrawn): ${((t2 - t1) / 1000).toFixed(1)} s; ${warm.stderr.trim()}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
