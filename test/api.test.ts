import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as api from '../src/index.js';
import { sharedData } from './helpers/paths.js';

// The public API (src/index.ts) is what notebooks and other programs import: one read → fit →
// conductivity → Arrhenius path through it, without the CLI.
describe('public API', () => {
  it('exports each domain', () => {
    for (const name of ['readImpedance', 'fitCircuit', 'linKK', 'computeDrt', 'fitArrhenius', 'pelletConductivity', 'readCycler', 'readStructure', 'readTrajectory', 'analyzeDiffusion', 'fitDiffusionArrhenius', 'ForceField', 'parsePotential', 'meltQuenchProtocol', 'quantity', 'createRng']) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it('reads and fits a spectrum, and turns temperatures into an activation energy', () => {
    const file = sharedData('eis/impedance.py/exampleData.csv');
    const s = api.readImpedance(new Uint8Array(readFileSync(file)), file);
    expect(s.frequency.length).toBe(66);
    const r1 = 8.67655047928813e-3; // impedance.py's documented R1 for this spectrum
    // impedance.py's preprocessing: keep the capacitive points (Z'' < 0), 57 of 66.
    const keep = Array.from(s.imag.keys()).filter((i) => s.imag[i]! < 0);
    const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]!);
    const fit = api.fitCircuit({ frequency: pick(s.frequency), real: pick(s.real), imag: pick(s.imag) }, 'R0-p(R1,C1)-p(R2-Wo1,C2)', {
      initial: { R0: 0.01, R1: 0.01, C1: 100, R2: 0.01, Wo1_0: 0.05, Wo1_1: 100, C2: 1 },
      weighting: 'unit',
    });
    expect(fit.points).toBe(57);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.values[fit.names.indexOf('R1')]! - r1) / r1).toBeLessThan(1e-3);

    const kB = api.BOLTZMANN_EV_PER_K;
    const pts = [300, 330, 360].map((T) => ({ temperatureK: T, conductivity: (1e5 / T) * Math.exp(-0.33 / (kB * T)) }));
    expect(api.fitArrhenius(pts).activationEnergy.value).toBeCloseTo(0.33, 10);
  });
});
