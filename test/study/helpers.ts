/** Builds small study folders in a temporary directory for the pipeline tests. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE = fileURLToPath(new URL('../../examples/nhoc/', import.meta.url));

export function tinyStudy(analyses: unknown[], opts: { broken?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'superionic-study-'));
  mkdirSync(join(dir, 'eis'));
  copyFileSync(join(EXAMPLE, 'data/eis/NHOC_25C.csv'), join(dir, 'eis/a.csv'));
  copyFileSync(join(EXAMPLE, 'data/eis/NHOC_75C.csv'), join(dir, 'eis/b.csv'));
  const measurements = [
    { id: 'a', file: 'eis/a.csv', technique: 'eis', sample: 'S', temperatureC: 25 },
    { id: 'b', file: 'eis/b.csv', technique: 'eis', sample: 'S', temperatureC: 75 },
  ];
  if (opts.broken) {
    writeFileSync(join(dir, 'eis/broken.csv'), 'frequency_Hz,real_Ohm,imag_Ohm\n1000,abc,-1\n');
    measurements.push({ id: 'c', file: 'eis/broken.csv', technique: 'eis', sample: 'S', temperatureC: 45 });
  }
  const manifest = {
    name: 'tiny',
    samples: [{ id: 'S', pellet: { thicknessCm: 0.06, diameterCm: 1.0 } }],
    measurements,
    analyses,
  };
  writeFileSync(join(dir, 'study.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
