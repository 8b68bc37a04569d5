/**
 * CONTRACT §3–4 through the CLI: `arrhenius`, `polarization`, `cycling summary`, `cycling rate`,
 * `gitt`, `window`. Real cycler files from ../shared/data where the contract's numbers can be
 * read off them, small CSV files written here where a known answer is needed (GITT pulses,
 * DC polarisation steps, an Arrhenius line).
 */
import { describe, expect, it } from 'vitest';
import { BOLTZMANN_EV_PER_K } from '../../src/core/constants.js';
import { fixture, sharedData } from '../helpers/paths.js';
import { expectBadInput, expectBatch, expectQuantity, expectUsage, jsonOk, scratchFile } from './contract-helpers.js';

const GCPL = sharedData('cycling', 'biologic', 'navani_jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr');
const RATE = sharedData('cycling', 'biologic', 'cheminfo_jdb11-4.mpr');
const CV = sharedData('cycling', 'biologic', 'ixdat_Pt_poly_cv_CUT.mpt');
const CV_GAMRY = sharedData('cycling', 'gamry', 'gamryparser_cv_data.DTA');
const ARRHENIUS = fixture('fixtures', 'transport', 'arrhenius_nhoc.csv');

/** A cycler CSV (time/s, Ewe/V, I/mA) from segments of constant current, 1 s per point. */
function cyclerCsv(name: string, segments: { currentA: number; points: number; voltage: (k: number) => number }[]): string {
  const rows = ['time/s,Ewe/V,I/mA'];
  let t = 0;
  for (const s of segments) for (let k = 0; k < s.points; k++) rows.push(`${t++},${s.voltage(k)},${s.currentA * 1000}`);
  return scratchFile(name, rows.join('\n') + '\n');
}

describe('arrhenius (CONTRACT §3)', () => {
  it('ln(σT) = ln σ0 − Ea/(kB T) by default: Ea in eV and σ(25 °C) in S/cm recovered from an exact line', async () => {
    const Ea = 0.36;
    const s25 = 5.2e-4;
    const A = s25 * 298.15 * Math.exp(Ea / (BOLTZMANN_EV_PER_K * 298.15));
    const rows = [25, 45, 65, 85, 105].map((c) => `${c},${(A / (c + 273.15)) * Math.exp(-Ea / (BOLTZMANN_EV_PER_K * (c + 273.15)))}`);
    const f = scratchFile('arrhenius-exact.csv', ['T_C,sigma_S_cm', ...rows].join('\n') + '\n');
    const doc = await jsonOk(['arrhenius', f, '--json']);
    expectQuantity(doc.activationEnergy, 'eV', 'activationEnergy');
    expectQuantity(doc.prefactor, /\S/, 'prefactor');
    expectQuantity(doc.conductivityAt25C, 'S/cm', 'conductivityAt25C');
    expect(doc.activationEnergy.value).toBeCloseTo(Ea, 10);
    expect(doc.conductivityAt25C.value / s25).toBeCloseTo(1, 10);
    expect(doc.prefactor.value / A).toBeCloseTo(1, 8);
    expect(doc.r2).toBeCloseTo(1, 12);
    expect(doc.points).toBe(5);
    // the same data in kelvin give the same fit
    const k = scratchFile('arrhenius-exact-K.csv', ['T_K,sigma_S_cm', ...rows.map((r) => r.replace(/^(\d+),/, (_, c) => `${Number(c) + 273.15},`))].join('\n') + '\n');
    const dk = await jsonOk(['arrhenius', k, '--json']);
    expect(dk.activationEnergy.value).toBeCloseTo(Ea, 10);
  });

  it('--form sigma fits ln σ against 1/T (a different Ea on the same data)', async () => {
    const a = await jsonOk(['arrhenius', ARRHENIUS, '--form', 'sigmaT', '--json']);
    const b = await jsonOk(['arrhenius', ARRHENIUS, '--form', 'sigma', '--json']);
    expectQuantity(b.activationEnergy, 'eV', 'activationEnergy');
    expect(b.activationEnergy.value).toBeLessThan(a.activationEnergy.value); // ln σ = ln(σT) − ln T: slope lower by ~kB·T̄
    expect(a.activationEnergy.value - b.activationEnergy.value).toBeGreaterThan(0.01);
  });

  it('several files → one array in order; bad input exit 1 with the line; usage exit 2', async () => {
    await expectBatch(['arrhenius'], [ARRHENIUS, scratchFile('arr-2.csv', 'T_K,sigma_S_cm\n300,1e-4\n350,5e-4\n400,2e-3\n')], ['--json']);
    const bad = scratchFile('arr-bad.csv', 'T_K,sigma_S_cm\n300,1e-4\n350,oops\n400,2e-3\n');
    await expectBadInput(['arrhenius', bad, '--json'], bad, /arr-bad\.csv:3: /);
    const noT = scratchFile('arr-noT.csv', 'x,sigma_S_cm\n300,1e-4\n350,5e-4\n');
    await expectBadInput(['arrhenius', noT, '--json'], noT);
    await expectUsage(['arrhenius', ARRHENIUS, '--form', 'log']);
  });
});

describe('polarization (CONTRACT §3)', () => {
  const Re = 2e6; // Ohm, electronic resistance of the pellet
  const steps = [0.1, 0.2, 0.3];
  const f = cyclerCsv(
    'dc-steps.csv',
    steps.map((V) => ({ currentA: V / Re, points: 300, voltage: () => V })),
  );

  it('σe = L/(A·R) in S/cm and the steps as Quantities in V and A', async () => {
    const doc = await jsonOk(['polarization', f, '--thickness-cm', '0.05', '--diameter-cm', '1.0', '--json']);
    expectQuantity(doc.electronicConductivity, 'S/cm', 'electronicConductivity');
    expect(doc.electronicConductivity.value / (0.05 / ((Math.PI / 4) * Re))).toBeCloseTo(1, 6);
    expect(doc.steps).toHaveLength(3);
    doc.steps.forEach((s: any, i: number) => {
      expectQuantity(s.voltage, 'V', `steps[${i}].voltage`);
      expectQuantity(s.current, 'A', `steps[${i}].current`);
      expect(s.voltage.value).toBeCloseTo(steps[i]!, 9);
      expect(s.current.value / (steps[i]! / Re)).toBeCloseTo(1, 6);
    });
    const byArea = await jsonOk(['polarization', f, '--thickness-cm', '0.05', '--area-cm2', '0.5', '--json']);
    expect(byArea.electronicConductivity.value / (0.05 / (0.5 * Re))).toBeCloseTo(1, 6);
  });

  it('several files → one array; usage errors exit 2', async () => {
    await expectBatch(['polarization'], [f, f], ['--thickness-cm', '0.05', '--area-cm2', '1', '--json']);
    await expectUsage(['polarization', f, '--area-cm2', '1']);
    await expectUsage(['polarization', f, '--thickness-cm', '0.05']);
    await expectUsage(['polarization', f, '--thickness-cm', '0.05', '--area-cm2', '1', '--diameter-cm', '1']);
  });
});

describe('cycling summary and rate (CONTRACT §4)', () => {
  it('summary: cycles with charge/discharge Quantities in mAh, CE = discharge/charge, retention', async () => {
    const doc = await jsonOk(['cycling', 'summary', GCPL, '--json']);
    expect(doc.cycles.length).toBeGreaterThanOrEqual(5);
    for (const c of doc.cycles) {
      expect(Number.isInteger(c.cycle)).toBe(true);
      expectQuantity(c.charge, 'mAh', `cycle ${c.cycle}.charge`);
      expectQuantity(c.discharge, 'mAh', `cycle ${c.cycle}.discharge`);
      expect(c.coulombicEfficiency).toBeCloseTo(c.discharge.value / c.charge.value, 12);
    }
    // PROVENANCE-cycling.md: cycle 1 of jdb11-1, EC-Lab's Q discharge 0.852855 mAh
    expect(doc.cycles[0].cycle).toBe(1);
    expect(doc.cycles[0].discharge.value).toBeCloseTo(0.852855, 5);
    const last = doc.cycles.find((c: any) => c.cycle === doc.retention.last);
    const ref = doc.cycles.find((c: any) => c.cycle === doc.retention.reference);
    expect(doc.retention.value).toBeCloseTo(last.discharge.value / ref.discharge.value, 12);
  });

  it('summary with --mass-mg gives mAh/g (capacity / mass)', async () => {
    const a = await jsonOk(['cycling', 'summary', GCPL, '--json']);
    const b = await jsonOk(['cycling', 'summary', GCPL, '--mass-mg', '2.5', '--json']);
    expectQuantity(b.cycles[0].charge, 'mAh/g', 'charge');
    expectQuantity(b.cycles[0].discharge, 'mAh/g', 'discharge');
    expect(b.cycles[0].discharge.value).toBeCloseTo(a.cycles[0].discharge.value / 2.5e-3, 9);
  });

  it('rate: steps with cRate, integer cycles and a mean discharge in mAh/g, and recovery', async () => {
    const doc = await jsonOk(['cycling', 'rate', RATE, '--mass-mg', '4.97', '--json']);
    expect(doc.steps).toHaveLength(5);
    for (const [i, s] of doc.steps.entries()) {
      expect(typeof s.cRate).toBe('number');
      expect(s.cycles.every((c: unknown) => Number.isInteger(c))).toBe(true);
      expectQuantity(s.discharge, 'mAh/g', `steps[${i}].discharge`);
    }
    expect(doc.steps.map((s: any) => s.cycles.length)).toEqual([6, 6, 6, 6, 6]);
    expect(doc.steps[0].discharge.value).toBeCloseTo(1.256273 / 4.97e-3, 1); // PROVENANCE-cycling.md
    expect(doc.recovery).toBeCloseTo(0.946, 3);
    // --one-c-ma-g scales the C-rate inversely
    const half = await jsonOk(['cycling', 'rate', RATE, '--mass-mg', '4.97', '--one-c-ma-g', '60', '--json']);
    expect(half.steps[0].cRate).toBeCloseTo(2 * doc.steps[0].cRate, 12);
  });

  it('several files → one array in order; bad input exit 1; usage exit 2', async () => {
    const csv = cyclerCsv('two-cycles.csv', [
      { currentA: 1e-3, points: 360, voltage: (k) => 3 + k / 360 },
      { currentA: -1e-3, points: 324, voltage: (k) => 4 - k / 324 },
      { currentA: 1e-3, points: 360, voltage: (k) => 3 + k / 360 },
      { currentA: -1e-3, points: 288, voltage: (k) => 4 - k / 288 },
    ]);
    const docs = await expectBatch(['cycling', 'summary'], [csv, GCPL], ['--json']);
    expect(docs[0].cycles.map((c: any) => c.discharge.value)).toEqual([expect.closeTo(0.09, 9), expect.closeTo(0.08, 9)]);
    const bad = scratchFile('cyc-bad.csv', 'time/s,Ewe/V,I/mA\n0,3.0,1\n1,3.1,1\n2,3.2\n');
    await expectBadInput(['cycling', 'summary', bad, '--json'], bad, /cyc-bad\.csv:4: /);
    await expectBadInput(['cycling', 'rate', bad, '--mass-mg', '1', '--json'], bad);
    await expectUsage(['cycling', 'summary', GCPL, '--mass-mg', 'heavy']);
    await expectUsage(['cycling']);
  });
});

describe('gitt (CONTRACT §4)', () => {
  // Rest, then two pulses of 100 s at 0.1 mA each followed by a 300 s rest; during a pulse
  // E = E0 + 0.02 + 0.001·√t, after it the cell relaxes 10 mV above where it started.
  const segments = [{ currentA: 0, points: 30, voltage: () => 3 }];
  for (let p = 0; p < 2; p++) {
    const E0 = 3 + 0.01 * p;
    segments.push({ currentA: 1e-4, points: 100, voltage: (k: number) => E0 + 0.02 + 0.001 * Math.sqrt(k + 1) } as never);
    segments.push({ currentA: 0, points: 300, voltage: () => E0 + 0.01 });
  }
  const f = cyclerCsv('gitt.csv', segments);
  const args = ['--mass-mg', '5', '--molar-mass', '100', '--molar-volume', '30', '--area-cm2', '1', '--json'];

  it('pulses with index, relaxed voltage in V and D in cm2/s (Weppner–Huggins)', async () => {
    const doc = await jsonOk(['gitt', f, ...args]);
    expect(doc.pulses).toHaveLength(2);
    const L = (5e-3 * 30) / 100; // m·V_M/(M·S), cm
    for (const [i, p] of doc.pulses.entries()) {
      expect(Number.isInteger(p.index)).toBe(true);
      expectQuantity(p.voltage, 'V', `pulses[${i}].voltage`);
      expectQuantity(p.diffusionCoefficient, 'cm2/s', `pulses[${i}].diffusionCoefficient`);
      // D = 4/(πτ)·L²·(ΔEs/ΔEτ)², ΔEs = 10 mV, ΔEτ = 0.001·√100 V without the IR jump (~1 % from the sampling)
      const D = (4 / (Math.PI * 100)) * L * L * (0.01 / 0.01) ** 2;
      expect(p.diffusionCoefficient.value / D).toBeGreaterThan(0.9);
      expect(p.diffusionCoefficient.value / D).toBeLessThan(1.1);
    }
    expect(doc.pulses[1].voltage.value).toBeCloseTo(3.02, 9);
  });

  it('several files → one array; bad input exit 1; usage exit 2', async () => {
    await expectBatch(['gitt'], [f, f], args);
    const bad = scratchFile('gitt-bad.csv', 'nothing here\n');
    await expectBadInput(['gitt', bad, ...args], bad);
    await expectUsage(['gitt', f, '--mass-mg', 'x', '--json']);
  });
});

describe('window (CONTRACT §4)', () => {
  it('oxidation and reduction onsets as Quantities in V (or null), and the method', async () => {
    const doc = await jsonOk(['window', CV, '--json']);
    expect(doc.method).toBe('threshold');
    for (const k of ['oxidation', 'reduction']) {
      expect(k in doc, k).toBe(true);
      if (doc[k] !== null) expectQuantity(doc[k], 'V', k);
    }
    const t = await jsonOk(['window', CV, '--method', 'tangent', '--json']);
    expect(t.method).toBe('tangent');
  });

  it('an LSV that never oxidises gives null, and --area-cm2 with --threshold-ma-cm2 scales the criterion', async () => {
    const v = Array.from({ length: 1001 }, (_, i) => 3 + i * 0.002);
    const rows = v.map((x, i) => `${i},${x},${x > 4.5 ? 10 * (x - 4.5) : 0}`); // mA
    const f = scratchFile('lsv.csv', ['time/s,Ewe/V,I/mA', ...rows].join('\n') + '\n');
    const a = await jsonOk(['window', f, '--area-cm2', '2', '--threshold-ma-cm2', '0.5', '--json']);
    expect(a.oxidation.value).toBeCloseTo(4.6, 6); // j = 10(V − 4.5)/2 mA/cm² reaches 0.5 at 4.6 V
    expect(a.reduction).toBeNull();
    const never = await jsonOk(['window', f, '--area-cm2', '2', '--threshold-ma-cm2', '100', '--json']);
    expect(never.oxidation).toBeNull();
  });

  it('several files → one array in order; usage exit 2', async () => {
    await expectBatch(['window'], [CV, CV_GAMRY], ['--json']);
    await expectUsage(['window', CV, '--threshold-ma-cm2', '0.1', '--method', 'tangent']);
    await expectUsage(['window', CV, '--method', 'eyeball']);
  });
});
