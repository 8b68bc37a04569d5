/**
 * A progress bar on stderr, drawn only when stderr is a terminal and --json is off; otherwise
 * a no-op. Redraws at most ten times a second.
 */
import type { ProgressCallback } from '../core/progress.js';
import type { CliContext } from './context.js';

export function progressBar(ctx: CliContext, json: boolean): ProgressCallback & { done(): void } {
  const active = ctx.io.stderrIsTTY && !json;
  let last = 0;
  let drawn = false;
  const cb = ((done: number, total: number, label?: string) => {
    if (!active) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const filled = Math.round(frac * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    ctx.io.stderr(`\r${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${label ?? ''}\x1b[K`);
    drawn = true;
  }) as ProgressCallback & { done(): void };
  cb.done = () => {
    if (active && drawn) ctx.io.stderr('\r\x1b[K');
  };
  return cb;
}
