/** Integrator, thermostats and FIRE on small generated cells (short runs; heavy runs are in bench/md). */
import { describe, expect, it } from 'vitest';
import { randomNhoc, demoPotential } from './cells.js';
import { createSystem } from '../../src/md/system.js';
import { ForceField } from '../../src/md/forcefield.js';
import { runProtocol, type ThermoRow } from '../../src/md/runner.js';
import { fire } from '../../src/md/fire.js';
import type { Protocol } from '../../src/md/protocol.js';
import { meltQuenchProtocol, stageSteps } from '../../src/md/protocol.js';
import { olsLine } from '../../src/numerics/gls.js';

function setup(method: 'dsf' | 'ewald', fu = 16, seed = 1) {
  const pot = demoPotential(method, method === 'ewald' ? 7 : 10);
  if (method === 'ewald') pot.coulomb.accuracy = 1e-5;
  const sys = createSystem(randomNhoc(fu, seed), pot);
  return { sys, ff: new ForceField(sys, pot, { tabulate: true }) };
}

function base(stages: Protocol['stages']): Protocol {
  return { structure: '', potential: '', timestepFs: 2, seed: 7, initialTemperatureK: 1200, minimize: { fmax: 0.5, maxSteps: 300 }, thermoEverySteps: 10, checkpointEverySteps: 100000, stages };
}

describe('forces are −∇E', () => {
  it.each(['dsf', 'ewald'] as const)('%s: central differences agree to 1e-5 eV/Å', (method) => {
    const { sys, ff } = setup(method, 8, 3);
    ff.compute();
    const f0 = sys.forces.slice();
    const h = 1e-5;
    for (const k of [0, 7, 50, 3 * sys.n - 1]) {
      const x = sys.positions[k]!;
      sys.positions[k] = x + h;
      const ep = ff.compute().pe;
      sys.positions[k] = x - h;
      const em = ff.compute().pe;
      sys.positions[k] = x;
      expect(Math.abs(-(ep - em) / (2 * h) - f0[k]!)).toBeLessThan(1e-5);
    }
  });
});

describe('velocity Verlet NVE', () => {
  it('conserves energy: drift < 1e-4 eV/atom/ps at 2 fs after a melt (DSF, 144 atoms)', () => {
    const { sys, ff } = setup('dsf');
    const rows: ThermoRow[] = [];
    runProtocol(sys, ff, base([
      { name: 'melt', ensemble: 'nvt', thermostat: 'csvr', temperatureK: 1200, durationPs: 0.4 },
      { name: 'nve', ensemble: 'nve', thermostat: 'csvr', durationPs: 1 },
    ]), { onThermo: (r) => rows.push(r) });
    const nve = rows.filter((r) => r.stage === 'nve');
    // drift = least-squares slope of E_total(t), per atom
    const fit = olsLine(nve.map((r) => r.timePs), nve.map((r) => r.etotalEv));
    const drift = Math.abs(fit.slope) / sys.n;
    expect(drift).toBeLessThan(1e-4);
    // and it is really moving: temperature well above 300 K
    expect(nve.reduce((s, r) => s + r.temperatureK, 0) / nve.length).toBeGreaterThan(500);
  });
});

describe('thermostats', () => {
  it('CSVR holds ⟨T⟩ near the target and its conserved quantity stays flat', () => {
    const { sys, ff } = setup('dsf');
    const rows: ThermoRow[] = [];
    runProtocol(sys, ff, base([{ name: 'eq', ensemble: 'nvt', thermostat: 'csvr', temperatureK: 800, durationPs: 1.6, tauPs: 0.05 }]), { onThermo: (r) => rows.push(r) });
    const late = rows.slice(rows.length / 2);
    const meanT = late.reduce((s, r) => s + r.temperatureK, 0) / late.length;
    expect(Math.abs(meanT - 800)).toBeLessThan(120); // 144 atoms: σ_T ≈ T·√(2/3N) ≈ 95 K per sample
    const c0 = late[0]!.conservedEv, c1 = late[late.length - 1]!.conservedEv;
    expect(Math.abs(c1 - c0) / sys.n).toBeLessThan(2e-3);
  });

  it('Nosé–Hoover chain follows a ramp and conserves its extended energy', () => {
    const { sys, ff } = setup('dsf');
    const rows: ThermoRow[] = [];
    runProtocol(sys, ff, base([{ name: 'ramp', ensemble: 'nvt', thermostat: 'nose-hoover', temperatureK: [1200, 400], durationPs: 1.6, tauPs: 0.05 }]), { onThermo: (r) => rows.push(r) });
    const last = rows.slice(-20);
    const meanT = last.reduce((s, r) => s + r.temperatureK, 0) / last.length;
    expect(meanT).toBeLessThan(650);
    expect(meanT).toBeGreaterThan(250);
    const drift = Math.abs(rows[rows.length - 1]!.conservedEv - rows[5]!.conservedEv) / sys.n;
    expect(drift).toBeLessThan(2e-3);
  });
});

describe('FIRE', () => {
  it('removes the overlaps of a random cell', () => {
    const { sys, ff } = setup('dsf', 16, 9);
    const e0 = ff.compute().pe;
    const r = fire(sys, ff, { fmax: 0.3, maxSteps: 2000 });
    expect(r.converged).toBe(true);
    expect(r.energy).toBeLessThan(e0);
  });
});

describe('melt-quench protocol', () => {
  it("builds the paper's stages: 5 ps at 1200 K, 0.1 K/fs to 600 K, 10 ps at 600 K (2 fs steps)", () => {
    const p = meltQuenchProtocol({ structure: 's', potential: 'p', targetK: 600 });
    expect(p.stages.map((s) => s.name)).toEqual(['melt', 'quench', 'equilibrate']);
    expect(stageSteps(p)).toEqual([2500, 3000, 5000]);
    expect(p.stages[1]!.temperatureK).toEqual([1200, 600]);
  });
});

describe('smooth particle-mesh Ewald', () => {
  it('equals the Ewald sum (itself equal to LAMMPS) to the requested accuracy', () => {
    const s = randomNhoc(40, 17, 3.0, [1, 1.2, 0.9]);
    const pe = demoPotential('ewald', 8);
    pe.coulomb.accuracy = 1e-5;
    const pp = { ...pe, coulomb: { ...pe.coulomb, method: 'pme' as const } };
    const a = createSystem(s, pe), b = createSystem(s, pp);
    const fa = new ForceField(a, pe), fb = new ForceField(b, pp);
    const ea = fa.compute(), eb = fb.compute();
    expect(fb.pme).toBeDefined();
    expect(Math.abs(eb.pe - ea.pe) / Math.abs(ea.pe)).toBeLessThan(5e-5);
    let d2 = 0, f2 = 0;
    for (let k = 0; k < 3 * a.n; k++) {
      d2 += (a.forces[k]! - b.forces[k]!) ** 2;
      f2 += a.forces[k]! ** 2;
    }
    expect(Math.sqrt(d2 / f2)).toBeLessThan(3e-4);
    const tr = (v: Float64Array) => v[0]! + v[1]! + v[2]!;
    expect(Math.abs(tr(eb.virial) / tr(ea.virial) - 1)).toBeLessThan(1e-4);
  });

  it('PME forces are −∇E of the PME energy', () => {
    const pot = { ...demoPotential('ewald', 7), coulomb: { method: 'pme' as const, accuracy: 1e-5, cutoff: 7 } };
    const sys = createSystem(randomNhoc(8, 4), pot);
    const ff = new ForceField(sys, pot);
    ff.compute();
    const f0 = sys.forces.slice();
    const h = 1e-5;
    for (const k of [1, 20, 3 * sys.n - 2]) {
      const x = sys.positions[k]!;
      sys.positions[k] = x + h;
      const ep = ff.compute().pe;
      sys.positions[k] = x - h;
      const em = ff.compute().pe;
      sys.positions[k] = x;
      expect(Math.abs(-(ep - em) / (2 * h) - f0[k]!)).toBeLessThan(1e-4);
    }
  });
});

describe('tabulated pair kernel (what md run uses)', () => {
  it.each(['dsf', 'ewald'] as const)('%s: equals the exact kernel to 1e-10 in energy and 2e-5 eV/Å in forces', (method) => {
    const s = randomNhoc(16, 31);
    const pot = demoPotential(method);
    const a = createSystem(s, pot), b = createSystem(s, pot);
    const ea = new ForceField(a, pot).compute();
    const fb = new ForceField(b, pot, { tabulate: true });
    const eb = fb.compute();
    expect(fb.spline).toBeDefined();
    expect(Math.abs(eb.pe / ea.pe - 1)).toBeLessThan(1e-10);
    let mx = 0;
    for (let k = 0; k < 3 * a.n; k++) mx = Math.max(mx, Math.abs(a.forces[k]! - b.forces[k]!));
    expect(mx).toBeLessThan(2e-5);
  });
});
