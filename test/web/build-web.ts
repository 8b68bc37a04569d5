/**
 * Makes sure web/dist holds a build of the current sources: builds with Vite's API when the
 * folder is missing or older than any file under web/src or src (the domain code it bundles).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return t;
}

export async function ensureWebBuild(): Promise<string> {
  const dist = join(repoRoot, 'web', 'dist');
  const index = join(dist, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(join(repoRoot, 'web', 'src')), newestMtime(join(repoRoot, 'src')), statSync(join(repoRoot, 'web', 'vite.config.ts')).mtimeMs);
  if (stale) {
    const { build } = await import('vite');
    await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
  }
  return dist;
}
