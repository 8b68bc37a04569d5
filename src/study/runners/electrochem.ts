/** window and gitt: stability window from LSV/CV, and GITT apparent diffusion coefficients (Weppner–Huggins). */
import { analyzeGitt } from '../../cycling/gitt.js';
import { stabilityWindow } from '../../cycling/window.js';
import { InputError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { readCycler } from '../../formats/cycling/read.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner } from '../types.js';
import { pelletArea } from './common.js';

type Win = Extract<Analysis, { type: 'window' }>;
type Gitt = Extract<Analysis, { type: 'gitt' }>;

export const windowRunner: AnalysisRunner<Win> = {
  type: 'window',
  version: 1,
  built: true,
  title: () => 'Electrochemical stability window',
  dependencies: (a, ctx) => {
    const m = ctx.measurement(a.measurement);
    return { files: [m.file], entries: [m, ctx.sample(m.sample) ?? null], upstream: [] };
  },
  async run(a, ctx) {
    const m = ctx.measurement(a.measurement);
    const r = readCycler(ctx.read(m.file), m.file);
    const area = a.areaCm2 ?? pelletArea(ctx.sample(m.sample));
    const threshold = a.thresholdMaCm2 ?? 0.01;
    const w = stabilityWindow(r, { kind: 'threshold', value: threshold }, area);
    // The curve for the figure, in mA/cm² (or mA without an area), at most ~2000 points.
    const scale = 1000 / (area ?? 1);
    const step = Math.max(1, Math.ceil(r.voltage.length / 2000));
    const voltage: number[] = [];
    const current: number[] = [];
    for (let i = 0; i < r.voltage.length; i += step) {
      voltage.push(r.voltage[i]!);
      current.push(r.current[i]! * scale);
    }
    return {
      results: {
        method: 'threshold',
        threshold: quantity(threshold, area ? 'mA/cm2' : 'mA'),
        oxidation: w.oxidation === null ? null : quantity(w.oxidation, 'V'),
        reduction: w.reduction === null ? null : quantity(w.reduction, 'V'),
        curve: { voltage, current, currentUnit: area ? 'mA/cm2' : 'mA' },
      },
      errors: [],
    };
  },
  methods: (a) =>
    `The first anodic sweep gives the oxidation onset, the first cathodic sweep the reduction onset: the potential where the current density |j| = |I|/A last crosses ${a.thresholdMaCm2 ?? 0.01} mA/cm² before the sweep's vertex (the start of the final run above the threshold, so a capacitive blip at the start of a sweep is ignored), linearly interpolated. Potentials as recorded (vs Na⁺/Na).`,
};

export const gittRunner: AnalysisRunner<Gitt> = {
  type: 'gitt',
  version: 1,
  built: true,
  title: () => 'GITT diffusion coefficients',
  dependencies: (a, ctx) => {
    const m = ctx.measurement(a.measurement);
    return { files: [m.file], entries: [m, ctx.sample(m.sample) ?? null], upstream: [] };
  },
  async run(a, ctx) {
    const m = ctx.measurement(a.measurement);
    const massMg = ctx.sample(m.sample)?.activeMassMg;
    if (massMg === undefined) throw new InputError('study.json', `samples.${m.sample ?? '?'}.activeMassMg`, 'GITT needs the active mass of the sample');
    const r = readCycler(ctx.read(m.file), m.file);
    const pulses = analyzeGitt(r, { massG: massMg / 1000, molarMass: a.molarMassGMol, molarVolume: a.molarVolumeCm3Mol, areaCm2: a.areaCm2 });
    return {
      results: {
        diffusionLengthCm: (massMg / 1000) * a.molarVolumeCm3Mol / (a.molarMassGMol * a.areaCm2),
        pulses: pulses.map((p) => ({ index: p.index, voltage: quantity(p.relaxedVoltage, 'V'), diffusionCoefficient: quantity(p.diffusionCoefficient, 'cm2/s'), tau: quantity(p.tau, 's'), irDrop: quantity(p.irDrop, 'V'), r2: p.r2, tauOverDiffusionTime: p.tauOverDiffusionTime })),
      },
      errors: [],
    };
  },
  methods: () =>
    'Weppner–Huggins: D = (4/(πτ))·(m_B·V_M/(M_B·S))²·(ΔE_s/ΔE_τ)² for each current pulse of length τ, with ΔE_s the change of the relaxed voltage and ΔE_τ the transient change without the IR jump; S is the stated electrode area, so D is an apparent coefficient.',
};
