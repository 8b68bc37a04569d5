/**
 * Powder XRD stick patterns (Cu Kα, 2θ 0–90°) of the shared CIFs with our xrdPattern, side by side
 * with pymatgen's XRDCalculator on the same files (timed inside Python, structure parsing
 * excluded on both sides) when /usr/bin/python3 has pymatgen. Also: the Debye/S(Q) pattern of
 * the 288-atom amorphous NHOC cell (g(r) + transform) and phase identification of the measured
 * Mn2O3 + LiF pattern against four candidates.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, report } from './util.js';
import { readCif } from '../src/formats/cif/index.js';
import { readXY } from '../src/formats/pattern/xy.js';
import { readTrajectory } from '../src/formats/structure/read.js';
import { xrdPattern } from '../src/scattering/xrd.js';
import { identifyPhases } from '../src/scattering/identify.js';
import { amorphousPattern } from '../src/scattering/amorphous.js';
import { PartialPdfAccumulator } from '../src/scattering/partials.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.SUPERIONIC_SHARED ?? resolve(here, '../../shared');
const FILES = ['data/structure/nacl_rocksalt.cif', 'data/structure/na2hfcl6_k2ptcl6.cif', 'data/xrd/Mn2O3_206.cif'];

function pymatgenMs(path: string): number | undefined {
  const code = `
import timeit, warnings; warnings.filterwarnings("ignore")
from pymatgen.core import Structure
from pymatgen.analysis.diffraction.xrd import XRDCalculator
s = Structure.from_file(${JSON.stringify(path)}); c = XRDCalculator("CuKa")
t = sorted(timeit.repeat(lambda: c.get_pattern(s, two_theta_range=(0, 90)), number=1, repeat=5))
print(t[2] * 1000)`;
  const r = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' });
  const x = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(x) ? x : undefined;
}

export function run(): void {
  for (const f of FILES) {
    const path = resolve(shared, f);
    const s = readCif(readFileSync(path), path);
    const ours = medianMs(() => xrdPattern(s), 9, 2);
    report(`XRD sticks ${f.split('/').pop()} (${s.numbers.length} atoms)`, ours, pymatgenMs(path), 'pymatgen XRDCalculator');
  }
  const glass = resolve(shared, 'data/structure/nhoc_32fu.extxyz');
  const s = readTrajectory(readFileSync(glass), glass).trajectory.structure;
  const debye = medianMs(() => {
    const acc = new PartialPdfAccumulator(s.numbers, s.cell[0][0] / 2, 0.01);
    acc.addFrame(s.positions, s.cell);
    return amorphousPattern(acc.result(), { wavelength: 1.54184, twoThetaMin: 10, twoThetaMax: 90 });
  }, 5, 1);
  report('Debye/S(Q) halo, 288-atom NHOC cell (10–90°, 0.05°)', debye, 1500, 'pymatgen XRDCalculator comb of 259 supercell sticks (quoted, research notes)');
  const xy = readXY(readFileSync(resolve(shared, 'data/xrd/Mn2O3_plus_LiF_measured_CuKa.xy')), 'mix');
  const cands = ['MnO_225', 'LiF_225', 'Mn2O3_206', 'NaCl_225'].map((n) => {
    const p = resolve(shared, `data/xrd/${n}.cif`);
    return { name: n, structure: readCif(readFileSync(p), p) };
  });
  report('phase ID Mn2O3+LiF vs 4 candidates', medianMs(() => identifyPhases(xy.x, xy.y, cands), 5, 1), undefined, 'reference');
}
