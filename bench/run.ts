/**
 * `npm run bench`: runs every bench/*.bench.ts in one process, one after another, and prints
 * the side-by-side ratios each reports. Speed targets live here, never in timed tests.
 * `npm run bench -- eis` runs only the files whose name contains "eis".
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchModule {
  /** Runs the benchmark and prints its lines (what was measured, the reference, the ratio). */
  run(): Promise<void> | void;
}

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

console.log(`superionic benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
  await mod.run();
}
