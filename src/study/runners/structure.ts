/** rdf and coordination: partial g(r) and polyhedra populations of a simulation's structure (all frames of a trajectory). */
import { CoordinationAccumulator } from '../../atoms/coordination.js';
import { RdfAccumulator } from '../../atoms/rdf.js';
import { atomicNumber } from '../../core/elements.js';
import { InputError } from '../../core/errors.js';
import { readTrajectory } from '../../formats/structure/read.js';
import type { Analysis, Simulation } from '../manifest.js';
import type { AnalysisRunner, RunContext, StudyIssue } from '../types.js';
import { arr } from './common.js';

type Rdf = Extract<Analysis, { type: 'rdf' }>;
type Coord = Extract<Analysis, { type: 'coordination' }>;

function fileOf(s: Simulation): string {
  const f = s.structure ?? s.trajectory;
  if (!f) throw new InputError('study.json', `simulations.${s.id}`, 'needs a structure or trajectory file');
  return f;
}

function open(ctx: RunContext, s: Simulation) {
  const f = fileOf(s);
  return readTrajectory(ctx.read(f), f).trajectory;
}

function z(symbol: string, field: string): number {
  const n = atomicNumber(symbol);
  if (!n) throw new InputError('study.json', field, `unknown element "${symbol}"`);
  return n;
}

export const rdfRunner: AnalysisRunner<Rdf> = {
  type: 'rdf',
  version: 1,
  built: true,
  title: () => 'Partial radial distribution functions',
  dependencies: (a, ctx) => {
    const s = ctx.simulation(a.simulation);
    return { files: [fileOf(s)], entries: [s], upstream: [] };
  },
  async run(a, ctx) {
    const traj = open(ctx, ctx.simulation(a.simulation));
    const names = a.pairs ?? [];
    if (names.length === 0) throw new InputError('study.json', `analyses.${a.id}.pairs`, 'list the pairs, e.g. ["Hf-O", "Na-Cl"]');
    const pairs = names.map((p) => {
      const [x, y] = p.split('-') as [string, string];
      return { a: z(x, `analyses.${a.id}.pairs`), b: z(y, `analyses.${a.id}.pairs`) };
    });
    const acc = new RdfAccumulator(traj.structure.numbers, pairs, a.rMaxA ?? 8, a.binA ?? 0.02, traj.structure.pbc);
    for await (const f of traj.frames()) acc.addFrame(f.positions, f.cell);
    const r = acc.result();
    const out: Record<string, { g: number[]; cn: number[] }> = {};
    r.pairs.forEach((p, i) => (out[names[i]!] = { g: arr(p.g), cn: arr(p.cn) }));
    return { results: { r: arr(r.r), frames: r.frames, pairs: out }, errors: [] };
  },
  methods: () =>
    'Partial g(r): bins [k·dr, (k+1)·dr), exact shell volumes 4π/3(r_hi³ − r_lo³), g_AB = V·n_AB/(N_A·N_B·shell) with N_A(N_A − 1) for A = B, averaged over frames (minimum image through a cell list, explicit images beyond half the cell); cn is the running coordination number of B around A.',
};

export const coordinationRunner: AnalysisRunner<Coord> = {
  type: 'coordination',
  version: 1,
  built: true,
  title: (a) => `${a.center}-centred coordination polyhedra`,
  dependencies: (a, ctx) => {
    const ss = a.simulations.map((id) => ctx.simulation(id));
    return { files: ss.map(fileOf), entries: ss, upstream: [] };
  },
  async run(a, ctx) {
    const errors: StudyIssue[] = [];
    const samples: unknown[] = [];
    for (const id of a.simulations) {
      const sim = ctx.simulation(id);
      try {
        const traj = open(ctx, sim);
        const ligands = Object.entries(a.ligands).map(([sym, rc]) => ({ z: z(sym, `analyses.${a.id}.ligands`), rc }));
        const acc = new CoordinationAccumulator(traj.structure.numbers, z(a.center, `analyses.${a.id}.center`), ligands, traj.structure.pbc);
        for await (const f of traj.frames()) acc.addFrame(f.positions, f.cell);
        const r = acc.result();
        samples.push({ simulation: id, label: ctx.sample(sim.sample)?.label ?? id, center: r.center, count: r.count, frames: r.frames, mean: r.mean, meanTotal: r.meanTotal, polyhedra: r.polyhedra });
      } catch (e) {
        errors.push({ file: sim.structure ?? sim.trajectory, message: (e as Error).message });
      }
    }
    return { results: samples.length ? { cutoffsA: a.ligands, samples } : {}, errors };
  },
  methods: (a) =>
    `A ligand is bonded to a ${a.center} centre when their distance is below the cutoff (${Object.entries(a.ligands)
      .map(([k, v]) => `${a.center}–${k} ${v} Å`)
      .join(', ')}; minimum image). Each centre is labelled by its ligand counts (e.g. ${a.center}O2Cl4, counts of 1 written without the digit, absent ligands omitted); populations are fractions of centre-frames.`,
};
