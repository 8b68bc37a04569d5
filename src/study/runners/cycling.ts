/**
 * cycling and rate: half cycles from the current sign (not the instrument's counter), capacity
 * and coulombic efficiency per cycle (discharge/charge of the same cycle, cathode-first), voltage
 * profiles of selected cycles, and the rate table grouped by discharge current.
 */
import { pairCycles, retention } from '../../cycling/cycles.js';
import { halfCycleProfile } from '../../cycling/profile.js';
import { rateTable } from '../../cycling/rate.js';
import { segmentHalfCycles } from '../../cycling/segment.js';
import { quantity } from '../../core/quantity.js';
import { InputError } from '../../core/errors.js';
import { readCycler } from '../../formats/cycling/read.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, RunContext } from '../types.js';

type Cyc = Extract<Analysis, { type: 'cycling' }>;
type Rate = Extract<Analysis, { type: 'rate' }>;

function load(ctx: RunContext, id: string) {
  const m = ctx.measurement(id);
  const r = readCycler(ctx.read(m.file), m.file);
  const table = pairCycles(segmentHalfCycles(r));
  if (!table.cycles.length) throw new InputError(m.file, undefined, 'no current-carrying cycles found (is this a cycling file?)');
  const massMg = ctx.sample(m.sample)?.activeMassMg;
  const massG = massMg !== undefined ? massMg / 1000 : undefined;
  // Ah → mAh/g with a mass, else mAh
  const cap = (ah: number) => (massG ? (ah * 1000) / massG : ah * 1000);
  return { m, r, table, massG, cap, unit: massG ? 'mAh/g' : 'mAh' };
}

/** Up to `n` cycles spread over the run, always the first and the last. */
function pick(cycles: number[], n = 5): number[] {
  if (cycles.length <= n) return cycles;
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(cycles[Math.round((k * (cycles.length - 1)) / (n - 1))]!);
  return [...out];
}

/** Thins a profile to at most `max` points for the figure (keeps first and last). */
function thin(a: Float64Array, b: Float64Array, max = 400): { x: number[]; y: number[] } {
  const step = Math.max(1, Math.ceil(a.length / max));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i += step) {
    x.push(a[i]!);
    y.push(b[i]!);
  }
  if (a.length && (a.length - 1) % step !== 0) {
    x.push(a[a.length - 1]!);
    y.push(b[b.length - 1]!);
  }
  return { x, y };
}

export const cyclingRunner: AnalysisRunner<Cyc> = {
  type: 'cycling',
  version: 1,
  built: true,
  title: () => 'Galvanostatic cycling',
  dependencies: (a, ctx) => {
    const m = ctx.measurement(a.measurement);
    return { files: [m.file], entries: [m, ctx.sample(m.sample) ?? null], upstream: [] };
  },
  async run(a, ctx) {
    const { r, table, cap, unit } = load(ctx, a.measurement);
    const ret = retention(table, 'first');
    const cycles = table.cycles.map((c) => ({
      cycle: c.cycle,
      charge: c.charge ? quantity(cap(c.charge.capacity), unit) : null,
      discharge: c.discharge ? quantity(cap(c.discharge.capacity), unit) : null,
      coulombicEfficiency: c.coulombicEfficiency,
      averageVoltageDischarge: c.discharge ? quantity(c.discharge.averageVoltage, 'V') : null,
    }));
    const profiles: unknown[] = [];
    for (const n of pick(table.cycles.map((c) => c.cycle))) {
      const c = table.cycles[n - 1]!;
      for (const half of ['charge', 'discharge'] as const) {
        const h = c[half];
        if (!h) continue;
        const p = halfCycleProfile(r, h);
        const t = thin(p.capacity.map(cap), p.voltage);
        profiles.push({ cycle: n, half, capacity: t.x, voltage: t.y });
      }
    }
    return {
      results: {
        capacityUnit: unit,
        cycles,
        retention: ret ? { reference: ret.reference, last: ret.last, value: ret.value } : null,
        profiles,
      },
      errors: [],
    };
  },
  methods: () =>
    'Half cycles are segmented from the sign of the current (rest steps excluded), not from the instrument\'s half-cycle counter; capacity is the charge passed in each half cycle (mAh, or mAh/g of active material when the sample gives activeMassMg). Coulombic efficiency = discharge/charge of the same cycle (cathode-first cell: charge first). Retention = last discharge / first discharge.',
};

export const rateRunner: AnalysisRunner<Rate> = {
  type: 'rate',
  version: 1,
  built: true,
  title: () => 'Rate capability',
  dependencies: (a, ctx) => {
    const m = ctx.measurement(a.measurement);
    return { files: [m.file], entries: [m, ctx.sample(m.sample) ?? null], upstream: [] };
  },
  async run(a, ctx) {
    const { table, massG, cap, unit } = load(ctx, a.measurement);
    const rt = rateTable(table, { ...(massG ? { massG } : {}), oneCmAg: a.oneCmAG ?? 120 });
    const byCycle = new Map(table.cycles.map((c) => [c.cycle, c]));
    return {
      results: {
        capacityUnit: unit,
        oneC: quantity(a.oneCmAG ?? 120, 'mA/g'),
        steps: rt.steps.map((s) => ({
          cRate: s.cRate,
          current: quantity(s.current * 1000, 'mA'),
          cycles: s.cycles,
          discharge: quantity(cap(s.meanDischarge), unit),
          dischargeByCycle: s.cycles.map((n) => {
            const d = byCycle.get(n)?.discharge;
            return d ? cap(d.capacity) : null;
          }),
          coulombicEfficiency: s.meanCoulombicEfficiency,
        })),
        recovery: rt.recovery,
      },
      errors: [],
    };
  },
  methods: (a) =>
    `Cycles are grouped into steps of equal discharge current (±5 %); the C-rate is the current divided by (active mass × ${a.oneCmAG ?? 120} mA/g). Per step: mean discharge capacity and coulombic efficiency. Recovery = mean discharge of the last step at the first step's rate / that of the first step.`,
};
