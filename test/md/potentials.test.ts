/**
 * The shipped literature potentials (potentials/*.json) parse, are charge-neutral per formula
 * unit, evaluate like LAMMPS (including σ ≠ 0 Fumi–Tosi terms and the peroxide Morse bond),
 * and relax a random peroxide cell without blowing up.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { requireEngine } from '../helpers/engines.js';
import { parsePotential } from '../../src/md/potential.js';
import { createSystem } from '../../src/md/system.js';
import { ForceField } from '../../src/md/forcefield.js';
import { fire } from '../../src/md/fire.js';
import { lammpsEnergy } from '../../src/engines/lammps/energy.js';
import { randomNhoc } from './cells.js';

const files = [
  { file: 'na2o2-hfcl4-lit-v0.json', metal: 'Hf', cl: 4 },
  { file: 'na2o2-zrcl4-lit-v0.json', metal: 'Zr', cl: 4 },
  { file: 'na2o2-tacl5-lit-v0.json', metal: 'Ta', cl: 5 },
];
const lmp = requireEngine('LAMMPS', 'lmp');

describe.each(files)('$file', ({ file, metal, cl }) => {
  const text = readFileSync(join(repoRoot, 'potentials', file), 'utf8');
  const pot = parsePotential(text, file);
  const raw = JSON.parse(text);

  it('cites a source or says "estimate" for every pair and bond', () => {
    for (const p of [...raw.pairs, ...raw.bonds]) {
      expect(['published', 'estimate']).toContain(p.status);
      expect(p.source.length).toBeGreaterThan(20);
      if (p.status === 'estimate') expect(p.source).toMatch(/^estimate/);
    }
  });

  it('is neutral for Na2O2·MCl_y', () => {
    const q = pot.charges;
    expect(2 * q.Na! + q[metal]! + 2 * q.O! + cl * q.Cl!).toBeCloseTo(0, 12);
  });

  it.runIf(lmp)('energy and forces equal LAMMPS on a peroxide cell', async () => {
    const sys = createSystem(randomNhoc(8, 21, 3.0, [1, 1, 1], true, metal, cl), pot);
    const ff = new ForceField(sys, pot);
    const e = ff.compute();
    expect(ff.bonds!.kind.length).toBe(8);
    const ref = await lammpsEnergy(sys, pot, ff.bonds);
    expect(Math.abs(e.pe / ref.pe - 1)).toBeLessThan(1e-6);
    let maxdf = 0;
    for (let k = 0; k < 3 * sys.n; k++) maxdf = Math.max(maxdf, Math.abs(sys.forces[k]! - ref.forces[k]!));
    expect(maxdf).toBeLessThan(1e-4);
  });

  it('FIRE relaxes a random cell and peroxide bonds stay near r0', () => {
    const sys = createSystem(randomNhoc(8, 22, 3.0, [1, 1, 1], true, metal, cl), pot);
    const ff = new ForceField(sys, pot);
    const r = fire(sys, ff, { fmax: 0.5, maxSteps: 1500 });
    expect(r.converged).toBe(true);
    const b = ff.bonds!;
    for (let k = 0; k < b.kind.length; k++) {
      const i = b.atoms[2 * k]!, j = b.atoms[2 * k + 1]!;
      let d2 = 0;
      for (let a = 0; a < 3; a++) {
        let d = sys.positions[3 * i + a]! - sys.positions[3 * j + a]!;
        d -= sys.box[a]! * Math.round(d / sys.box[a]!);
        d2 += d * d;
      }
      expect(Math.sqrt(d2)).toBeGreaterThan(1.2);
      expect(Math.sqrt(d2)).toBeLessThan(1.8);
    }
  });
});
