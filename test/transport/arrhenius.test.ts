import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitArrhenius } from '../../src/transport/arrhenius.js';
import { BOLTZMANN_EV_PER_K } from '../../src/core/constants.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import reference from '../fixtures/transport/arrhenius_reference.json' with { type: 'json' };

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Arrhenius fit', () => {
  it('recovers Ea and σ25 exactly from noise-free data (analytic case)', () => {
    const ea = 0.3;
    const s25 = 2.0e-3; // NTOC
    const sigma0 = s25 * 298.15 * Math.exp(ea / (BOLTZMANN_EV_PER_K * 298.15));
    const pts = [250, 273.15, 298.15, 320, 350, 380].map((T) => ({
      temperatureK: T,
      conductivity: (sigma0 / T) * Math.exp(-ea / (BOLTZMANN_EV_PER_K * T)),
    }));
    const r = fitArrhenius(pts);
    expect(rel(r.activationEnergy.value, ea)).toBeLessThan(1e-10);
    expect(rel(r.conductivityAt25C.value, s25)).toBeLessThan(1e-10);
    expect(r.activationEnergy.stderr!).toBeLessThan(1e-9);
    expect(r.r2).toBeCloseTo(1, 12);
  });

  it('equals scipy.stats.linregress on scattered NHOC-like data, with standard errors', async () => {
    const r = await runCli(['arrhenius', fixture('fixtures/transport/arrhenius_nhoc.csv'), '--json']);
    expect(r.code).toBe(0);
    const doc = r.json();
    const ref = reference.sigmaT;
    expect(rel(doc.activationEnergy.value, ref.activationEnergy_eV)).toBeLessThan(1e-9);
    expect(rel(doc.activationEnergy.stderr, ref.activationEnergy_stderr_eV)).toBeLessThan(1e-8);
    expect(rel(doc.prefactor.value, ref.prefactor_S_K_cm)).toBeLessThan(1e-8);
    expect(rel(doc.prefactor.stderr, ref.prefactor_stderr_S_K_cm)).toBeLessThan(1e-7);
    expect(rel(doc.conductivityAt25C.value, ref.conductivityAt25C_S_cm)).toBeLessThan(1e-9);
    expect(rel(doc.conductivityAt25C.stderr, ref.conductivityAt25C_stderr_S_cm)).toBeLessThan(1e-7);
    expect(doc.r2).toBeCloseTo(ref.r2, 12);
    expect(doc.points).toBe(8);
    expect(doc.activationEnergy.unit).toBe('eV');
    expect(doc.conductivityAt25C.unit).toBe('S/cm');
  });

  it('fits the sigma form like numpy.polyfit', async () => {
    const r = await runCli(['arrhenius', fixture('fixtures/transport/arrhenius_nhoc.csv'), '--form', 'sigma', '--json']);
    const doc = r.json();
    expect(rel(doc.activationEnergy.value, reference.sigma.activationEnergy_eV)).toBeLessThan(1e-9);
    expect(rel(doc.activationEnergy.stderr, reference.sigma.activationEnergy_stderr_eV)).toBeLessThan(1e-8);
    expect(rel(doc.prefactor.value, reference.sigma.prefactor_S_cm)).toBeLessThan(1e-8);
    expect(doc.prefactor.unit).toBe('S/cm');
  });

  it('weights points by their uncertainty when given', () => {
    const base = [300, 320, 340, 360].map((T) => ({ temperatureK: T, conductivity: Math.exp(-0.35 / (BOLTZMANN_EV_PER_K * T)) * 1e3 / T }));
    // Spoil one point but give it a huge uncertainty: the weighted fit ignores it.
    const spoiled = base.map((p, i) => ({ ...p, conductivity: i === 2 ? p.conductivity * 3 : p.conductivity, conductivityStderr: i === 2 ? p.conductivity * 1e6 : p.conductivity * 0.01 }));
    expect(fitArrhenius(spoiled).activationEnergy.value).toBeCloseTo(0.35, 6);
  });
});

describe('arrhenius command: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'superionic-arr-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cases: [string, string, RegExp][] = [
    ['empty.csv', '', /empty/],
    ['nocol.csv', 'T_K,conductivity\n300,1e-3\n310,2e-3\n', /sigma_S_cm/],
    ['notemp.csv', 'temp,sigma_S_cm\n300,1e-3\n310,2e-3\n', /T_K or T_C/],
    ['text.csv', 'T_K,sigma_S_cm\n300,1e-3\n310,abc\n', /:3: sigma_S_cm is "abc"/],
    ['nan.csv', 'T_K,sigma_S_cm\n300,1e-3\n310,NaN\n', /:3: .*finite/],
    ['neg.csv', 'T_K,sigma_S_cm\n300,1e-3\n310,-2e-3\n', /:3: conductivity must be positive/],
    ['one.csv', 'T_K,sigma_S_cm\n300,1e-3\n', /at least two/],
    ['same.csv', 'T_K,sigma_S_cm\n300,1e-3\n300,2e-3\n', /same temperature/],
    ['short.csv', 'T_K,sigma_S_cm\n300,1e-3\n310\n', /:3: expected 2 columns/],
    ['zeroerr.csv', 'T_K,sigma_S_cm,sigma_stderr_S_cm\n300,1e-3,1e-5\n310,2e-3,0\n', /:3: .*standard error must be positive/],
  ];
  for (const [name, text, pattern] of cases) {
    it(`rejects ${name} with one line and exit 1`, async () => {
      const file = write(name, text);
      const r = await runCli(['arrhenius', file, '--json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^superionic: error: /);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(pattern);
    });
  }

  it('several files → one JSON array in order, the bad one reported', async () => {
    const good = fixture('fixtures/transport/arrhenius_nhoc.csv');
    const bad = write('bad2.csv', 'T_K,sigma_S_cm\n300,x\n');
    const r = await runCli(['arrhenius', good, bad, good, '--json']);
    expect(r.code).toBe(1);
    const docs = r.json();
    expect(docs).toHaveLength(3);
    expect(docs[0].activationEnergy.unit).toBe('eV');
    expect(docs[1].file).toBe(bad);
    expect(docs[1].error).toMatch(/expected a number/);
    expect(docs[2].points).toBe(8);
  });
});
