/**
 * melt-quench: the paper's protocol (melt, quench at a fixed rate, equilibrate; NVT with the
 * CSVR thermostat) on the embedded MD engine, kept short enough for a demo. Results: the
 * temperature/energy trace, and the polyhedra of the quenched cell when a centre is given.
 */
import { CoordinationAccumulator } from '../../atoms/coordination.js';
import { density } from '../../atoms/composition.js';
import type { Structure } from '../../atoms/structure.js';
import { atomicNumber } from '../../core/elements.js';
import { InputError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { decodeText } from '../../formats/text.js';
import { readStructure } from '../../formats/structure/read.js';
import { ForceField } from '../../md/forcefield.js';
import { parsePotential } from '../../md/potential.js';
import { meltQuenchProtocol } from '../../md/protocol.js';
import { runProtocol, type ThermoRow } from '../../md/runner.js';
import { createSystem, unwrappedPositions } from '../../md/system.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, RunContext, RunnerOutput } from '../types.js';

type A = Extract<Analysis, { type: 'melt-quench' }>;

async function runMeltQuench(a: A, ctx: RunContext): Promise<RunnerOutput> {
  const s0: Structure = readStructure(ctx.read(a.structure), a.structure);
  const pot = parsePotential(decodeText(ctx.read(a.potential)), a.potential);
  let sys;
  try {
    sys = createSystem(s0, pot);
  } catch (e) {
    throw new InputError(a.structure, undefined, (e as Error).message);
  }
  const ff = new ForceField(sys, pot, { skin: 2 });
  const protocol = meltQuenchProtocol({
    structure: a.structure,
    potential: a.potential,
    targetK: a.targetK,
    ...(a.meltK !== undefined ? { meltK: a.meltK } : {}),
    ...(a.meltPs !== undefined ? { meltPs: a.meltPs } : {}),
    ...(a.quenchRateKPerFs !== undefined ? { quenchRateKPerFs: a.quenchRateKPerFs } : {}),
    ...(a.equilibratePs !== undefined ? { equilibratePs: a.equilibratePs } : {}),
    ...(a.timestepFs !== undefined ? { timestepFs: a.timestepFs } : {}),
    seed: a.seed ?? 1,
    trajectoryEveryPs: 0,
    checkpointEverySteps: 1e9,
  });
  const rows: ThermoRow[] = [];
  runProtocol(sys, ff, protocol, { onThermo: (r) => rows.push(r) });
  const final: Structure = { ...s0, positions: unwrappedPositions(sys) };
  const results: Record<string, unknown> = {
    atoms: sys.n,
    steps: rows.length ? rows[rows.length - 1]!.step : 0,
    timestepFs: protocol.timestepFs,
    thermo: {
      timePs: rows.map((r) => r.timePs),
      stage: rows.map((r) => r.stage),
      temperatureK: rows.map((r) => r.temperatureK),
      targetK: rows.map((r) => r.targetK),
      potentialEnergyEv: rows.map((r) => r.peEv),
    },
    density: quantity(density(final), 'g/cm3'),
    finalTemperatureK: rows.length ? rows[rows.length - 1]!.temperatureK : null,
  };
  if (a.center && a.ligands) {
    const ligands = Object.entries(a.ligands).map(([sym, rc]) => {
      const z = atomicNumber(sym);
      if (!z) throw new InputError('study.json', `analyses.${a.id}.ligands`, `unknown element "${sym}"`);
      return { z, rc };
    });
    const zc = atomicNumber(a.center);
    if (!zc) throw new InputError('study.json', `analyses.${a.id}.center`, `unknown element "${a.center}"`);
    const acc = new CoordinationAccumulator(final.numbers, zc, ligands, final.pbc);
    acc.addFrame(final.positions, final.cell);
    const r = acc.result();
    results.polyhedra = { center: r.center, count: r.count, mean: r.mean, polyhedra: r.polyhedra };
  }
  return { results, errors: [] };
}

export const meltQuenchRunner: AnalysisRunner<A> = {
  type: 'melt-quench',
  version: 1,
  built: true,
  title: () => 'Melt-quench molecular dynamics',
  dependencies: (a) => ({ files: [a.structure, a.potential], entries: [], upstream: [] }),
  run: runMeltQuench,
  methods: (a) =>
    `Embedded MD engine (velocity Verlet, ${a.timestepFs ?? 2} fs steps, CSVR thermostat), Born–Mayer–Huggins + Coulomb potential from ${a.potential}; FIRE relaxation of the random start, melt at ${a.meltK ?? 1200} K for ${a.meltPs ?? 5} ps, quench at ${a.quenchRateKPerFs ?? 0.1} K/fs to ${a.targetK} K, equilibrate ${a.equilibratePs ?? 10} ps (the paper: 1200 K ~5 ps, 0.1 K/fs, 10 ps; NVE). Seeded (seed ${a.seed ?? 1}): the same inputs give the same trajectory.`,
};

