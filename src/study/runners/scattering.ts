/** xrd and pdf: stick patterns of candidate phases (with an optional measured pattern) and the X-ray PDF of a model. */
import { speciesCounts } from '../../atoms/composition.js';
import { RdfAccumulator } from '../../atoms/rdf.js';
import { cellVolume } from '../../atoms/structure.js';
import { InputError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { readXY } from '../../formats/pattern/xy.js';
import { readStructure, readTrajectory } from '../../formats/structure/read.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { amorphousPattern } from '../../scattering/amorphous.js';
import type { PartialPdfInput } from '../../scattering/partials.js';
import { xrayPdf } from '../../scattering/pdf.js';
import { WAVELENGTHS, xrdPattern } from '../../scattering/xrd.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, StudyIssue } from '../types.js';
import { arr } from './common.js';

type Xrd = Extract<Analysis, { type: 'xrd' }>;
type Pdf = Extract<Analysis, { type: 'pdf' }>;

/** Partial g_ab(r) of every species pair of a structure/trajectory (frames averaged), in the form scattering/ takes. */
async function partialsOf(traj: Trajectory, rMax: number, dr: number): Promise<PartialPdfInput & { frames: number }> {
    const s = traj.structure;
    const species = speciesCounts(s.numbers);
    const pairs: { a: number; b: number }[] = [];
    const single: { a: number; b: number }[] = [];
    for (let i = 0; i < species.length; i++)
      for (let j = i; j < species.length; j++) (i === j && species[i]![1] < 2 ? single : pairs).push({ a: species[i]![0], b: species[j]![0] });
    const acc = new RdfAccumulator(s.numbers, pairs, rMax, dr, s.pbc);
    let volume = 0;
    for await (const f of traj.frames()) {
      acc.addFrame(f.positions, f.cell);
      volume += cellVolume(f.cell);
    }
    const res = acc.result();
    return {
      r: res.r,
      dr: res.dr,
      counts: new Map(species),
      volume: volume / res.frames,
      partials: [...res.pairs.map((p) => ({ a: p.a, b: p.b, g: p.g })), ...single.map((p) => ({ ...p, g: new Float64Array(res.r.length) }))],
      frames: res.frames,
    };
}

export const xrdRunner: AnalysisRunner<Xrd> = {
  type: 'xrd',
  version: 1,
  built: true,
  title: () => 'Powder X-ray diffraction',
  dependencies: (a, ctx) => {
    const files = a.phases.map((p) => p.structure);
    const pattern = a.pattern ? ctx.measurement(a.pattern) : undefined;
    const model = a.model ? ctx.simulation(a.model) : undefined;
    const modelFile = model ? (model.structure ?? model.trajectory) : undefined;
    return { files: [...files, ...(pattern ? [pattern.file] : []), ...(modelFile ? [modelFile] : [])], entries: [pattern ?? null, model ?? null], upstream: [] };
  },
  async run(a, ctx) {
    const errors: StudyIssue[] = [];
    const wavelength = a.wavelength === undefined || a.wavelength === 'CuKa' ? WAVELENGTHS.CuKa! : a.wavelength;
    let measured: { twoTheta: number[]; intensity: number[] } | undefined;
    let range: [number, number] = [10, 90];
    if (a.pattern) {
      const m = ctx.measurement(a.pattern);
      try {
        const p = readXY(ctx.read(m.file), m.file);
        measured = { twoTheta: arr(p.x), intensity: arr(p.y) };
        // A loop, not Math.min(...x): a fine-step synchrotron scan (> ~10⁵ points) overflows the call stack.
        let lo = Infinity;
        let hi = -Infinity;
        for (const t of p.x) {
          if (t < lo) lo = t;
          if (t > hi) hi = t;
        }
        range = [lo, hi];
      } catch (e) {
        errors.push({ file: m.file, message: (e as Error).message });
      }
    }
    let modelPattern: { label: string; twoTheta: number[]; intensity: number[]; maxima: unknown } | undefined;
    if (a.model) {
      const sim = ctx.simulation(a.model);
      const file = sim.structure ?? sim.trajectory;
      try {
        if (!file) throw new InputError('study.json', `simulations.${sim.id}`, 'needs a structure or trajectory file');
        const input = await partialsOf(readTrajectory(ctx.read(file), file).trajectory, 12, 0.02);
        const lo = Math.max(range[0], 5);
        const p = amorphousPattern(input, { wavelength, twoThetaMin: lo, twoThetaMax: range[1], step: 0.1 });
        modelPattern = { label: `${ctx.sample(sim.sample)?.id ?? sim.id} model (Debye)`, twoTheta: arr(p.twoTheta), intensity: arr(p.intensity), maxima: p.maxima };
      } catch (e) {
        errors.push({ file, message: (e as Error).message });
      }
    }
    const phases: unknown[] = [];
    for (const ph of a.phases) {
      try {
        const s = readStructure(ctx.read(ph.structure), ph.structure);
        const pat = xrdPattern(s, { wavelength, twoThetaRange: range });
        phases.push({ name: ph.name, file: ph.structure, peaks: pat.peaks.map((p) => ({ twoTheta: p.twoTheta, d: p.d, hkl: p.hkl, intensity: p.intensity })) });
      } catch (e) {
        errors.push({ file: ph.structure, message: (e as Error).message });
      }
    }
    const results: Record<string, unknown> = phases.length || measured || modelPattern ? { wavelength: quantity(wavelength, 'Å'), phases } : {};
    if (measured) results.pattern = measured;
    if (modelPattern) results.model = modelPattern;
    return { results, errors };
  },
  methods: () =>
    'Reflection positions from Bragg\'s law and intensities |F(hkl)|²·multiplicity·Lorentz-polarisation (1 + cos²2θ)/(sin²θ cos θ) with X-ray atomic form factors, as pymatgen\'s XRDCalculator computes them; strongest peak scaled to 100; Cu Kα = 1.54184 Å (weighted mean). The pattern of an amorphous model is computed by the Debye/S(Q) route from its partial g(r) (self + distinct terms with Q-dependent form factors, polarisation factor, no Lorentz factor), not as Bragg peaks of its periodic cell.',
};

export const pdfRunner: AnalysisRunner<Pdf> = {
  type: 'pdf',
  version: 1,
  built: true,
  title: () => 'X-ray pair distribution function',
  dependencies: (a, ctx) => {
    const s = ctx.simulation(a.simulation);
    const f = s.structure ?? s.trajectory;
    return { files: f ? [f] : [], entries: [s], upstream: [] };
  },
  async run(a, ctx) {
    const sim = ctx.simulation(a.simulation);
    const file = sim.structure ?? sim.trajectory;
    if (!file) throw new InputError('study.json', `simulations.${sim.id}`, 'needs a structure or trajectory file');
    const input = await partialsOf(readTrajectory(ctx.read(file), file).trajectory, a.rMaxA ?? 12, a.binA ?? 0.02);
    const pdf = xrayPdf(input, a.qMaxInvA !== undefined ? { qMax: a.qMaxInvA } : {});
    return { results: { r: arr(pdf.r), G: arr(pdf.G), weights: pdf.weights, frames: input.frames, qMax: a.qMaxInvA ?? null }, errors: [] };
  },
  methods: (a) =>
    `G(r) = 4πrρ0[g_X(r) − 1] with g_X = Σ w_ab g_ab, Faber–Ziman X-ray weights w_ab = c_a c_b f_a f_b/(Σ c f)² at f(0) = Z, partials as in the g(r) analysis${a.qMaxInvA ? `; terminated at Q_max = ${a.qMaxInvA} Å⁻¹ with a Lorch window through S(Q)` : ' (real-space route, no termination)'}.`,
};
