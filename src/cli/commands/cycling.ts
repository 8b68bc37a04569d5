/** `superionic cycling summary|rate` (CONTRACT §4). */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { number, oneOf, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readCycler } from '../../formats/cycling/read.js';
import { quantity } from '../../core/quantity.js';
import { InputError } from '../../core/errors.js';
import { segmentHalfCycles } from '../../cycling/segment.js';
import { pairCycles, retention, type CycleOrder, type RetentionReference } from '../../cycling/cycles.js';
import { rateTable } from '../../cycling/rate.js';
import { halfCycleProfile } from '../../cycling/profile.js';
import { differentialCapacity } from '../../cycling/dqdv.js';
import type { HalfCycle } from '../../cycling/segment.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { capacityQuantity, massG } from './cycling-common.js';

interface SummaryOptions {
  massMg?: number;
  oneCMaG: number;
  order: CycleOrder;
  reference: string;
  restCurrentA?: number;
  json?: boolean;
}

const CONVENTIONS = `
Half cycles come from the sign of the current (never from the instrument's half-cycle
counter): a change of sign starts a new half cycle; rests inside one do not end it. Capacity per
half cycle = Σ I·Δt (the current logged at a point flows over the interval ending there), or the
instrument's own per-point charge (BioLogic dq) when the file has it. Energy = Σ V·I·Δt; average
voltage = energy / capacity.

Cycles (--order): charge-first (cathode-first cells, default): cycle n = charge n + the following
discharge, CE = Q_dis/Q_ch; a discharge before the first charge is cycle 0 ("initial") and not
counted. discharge-first (anode-first half cells): CE = Q_ch/Q_dis.
Capacities in mAh/g of active material with --mass-mg, else mAh.`;

export function register(cycling: Command, ctx: CliContext): void {
  cycling
    .command('summary')
    .description('capacity, coulombic efficiency and retention per cycle')
    .argument('<files...>', 'cycler files (any supported format, recognised by content)')
    .option('--mass-mg <mg>', 'active-material mass in mg (capacities in mAh/g)', number)
    .option('--order <order>', 'cycle pairing: charge-first (cathode) or discharge-first (anode)', oneOf('charge-first', 'discharge-first'), 'charge-first')
    .option('--reference <cycle>', 'retention reference: a cycle number, "first" or "max"', 'first')
    .option('--one-c-ma-g <mA_g>', 'specific current that defines 1C, mA/g (for cRate with --mass-mg)', positive, 120)
    .option('--rest-current-a <A>', '|I| at or below this is rest (default 1e-4 × max |I|)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `${CONVENTIONS}
Retention = Q_dis(last cycle) / Q_dis(reference cycle); cycleLife = first cycle after the
reference below 80 % of it (null if none).

JSON: {"cycles": [{"cycle", "charge": Quantity, "discharge": Quantity, "coulombicEfficiency",
"energyCharge", "energyDischarge" (mWh or mWh/g), "energyEfficiency" (same pairing as CE),
"averageVoltageCharge",
"averageVoltageDischarge" (V), "current" (mA), "cRate" (with --mass-mg)}], "retention": {"reference", "last", "value",
"cycleLife", "threshold"}, "order", "initial"}`,
    )
    .action(async (files: string[], opts: SummaryOptions) => {
      const mass = massG(opts.massMg, false);
      const ref = parseReference(opts.reference);
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => summary(file, mass, opts.order, ref, opts.restCurrentA, opts.oneCMaG), humanSummary);
    });

  registerCurves(cycling, ctx);
  cycling
    .command('rate')
    .description('rate capability grouped by C-rate, with recovery')
    .argument('<files...>', 'cycler files')
    .option('--mass-mg <mg>', 'active-material mass in mg (required)', number)
    .option('--one-c-ma-g <mA_g>', 'specific current that defines 1C, mA/g', positive, 120)
    .option('--order <order>', 'cycle pairing: charge-first or discharge-first', oneOf('charge-first', 'discharge-first'), 'charge-first')
    .option('--rest-current-a <A>', '|I| at or below this is rest (default 1e-4 × max |I|)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `${CONVENTIONS}
Rate steps: consecutive cycles whose discharge currents agree within 5 %. C-rate =
|I_dis| / (oneC · m) with 1C = --one-c-ma-g mA/g (default 120, as in the reference study).
Recovery = mean Q_dis of the last step back at the first step's current / mean Q_dis of the
first step (null if the test never returns to it).

JSON: {"steps": [{"cRate", "cycles": [int], "discharge": Quantity (mean, mAh/g),
"lastDischarge", "current" (mA), "coulombicEfficiency"}], "recovery"}`,
    )
    .action(async (files: string[], opts: SummaryOptions & { oneCMaG: number }) => {
      const mass = massG(opts.massMg, true)!;
      const json = Boolean(opts.json);
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          const r = readCycler(readInputFile(file), file);
          const table = pairCycles(segmentHalfCycles(r, restOpts(opts.restCurrentA)), opts.order);
          if (!table.cycles.length) throw new InputError(file, undefined, 'no current-carrying cycles found');
          const rt = rateTable(table, { massG: mass, oneCmAg: opts.oneCMaG });
          return {
            file,
            format: r.meta.format,
            oneC: quantity(opts.oneCMaG, 'mA/g'),
            steps: rt.steps.map((s) => ({
              cRate: s.cRate,
              cycles: s.cycles,
              discharge: capacityQuantity(s.meanDischarge, mass),
              lastDischarge: capacityQuantity(s.lastDischarge, mass),
              current: quantity(s.current * 1000, 'mA'),
              coulombicEfficiency: s.meanCoulombicEfficiency,
            })),
            recovery: rt.recovery,
          };
        },
        (d) =>
          [
            'C-rate  cycles      Q_dis mean (mAh/g)  CE',
            ...d.steps.map(
              (s) =>
                `${(s.cRate ?? NaN).toFixed(3).padStart(6)}  ${`${s.cycles[0]}–${s.cycles[s.cycles.length - 1]}`.padEnd(10)}  ${s.discharge.value.toFixed(2).padStart(18)}  ${s.coulombicEfficiency === null ? '—' : s.coulombicEfficiency.toFixed(4)}`,
            ),
            `recovery ${d.recovery === null ? '— (never returns to the first rate)' : d.recovery.toFixed(4)}`,
          ].join('\n'),
      );
    });
}

interface CurveOptions {
  massMg?: number;
  order: CycleOrder;
  cycles?: number[];
  /** dqdv only */
  binV?: number;
  /** dqdv only */
  window?: number;
  restCurrentA?: number;
  json?: boolean;
}

function registerCurves(cycling: Command, ctx: CliContext): void {
  const common = (c: Command) =>
    c
      .argument('<files...>', 'cycler files')
      .option('--mass-mg <mg>', 'active-material mass in mg (capacities per gram)', number)
      .option('--order <order>', 'cycle pairing: charge-first or discharge-first', oneOf('charge-first', 'discharge-first'), 'charge-first')
      .option('--cycles <list>', 'cycles to include, e.g. "1,2,10" (default: all)', cycleList)
      .option('--rest-current-a <A>', '|I| at or below this is rest (default 1e-4 × max |I|)', positive)
      .option('--json', 'print JSON');
  common(
    cycling
      .command('profiles')
      .description('voltage profiles (capacity passed vs voltage) per half cycle')
      .addHelpText('after', `
Capacity counts from 0 at the start of each half cycle (mAh, or mAh/g with --mass-mg); rests
inside a half cycle are left out. Same segmentation and pairing as \`cycling summary\`.

JSON: {"cycles": [{"cycle", "charge": {"capacity": [], "voltage": [V]} | null, "discharge": …}],
"capacityUnit"}`),
  )
    .action(async (files: string[], opts: CurveOptions) => {
      const mass = massG(opts.massMg, false);
      await forEachFile(ctx, files, Boolean(opts.json), (file) => curves(file, opts, mass, false), (d) => `${d.cycles.length} cycles (JSON only: use --json)`);
    });
  common(
    cycling
      .command('dqdv')
      .description('smoothed differential capacity dQ/dV per half cycle')
      .addHelpText('after', `
The charge passed is binned on a uniform voltage grid (--bin-v, default 5 mV), divided by the bin
width and smoothed with a Savitzky–Golay filter (--window bins, default 9, quadratic; 1 = raw).
Values are positive for both directions, in mAh/V (mAh/(g·V) with --mass-mg).

JSON: {"cycles": [{"cycle", "charge": {"voltage": [V], "dqdv": []} | null, "discharge": …}],
"unit"}`),
  )
    .option('--bin-v <V>', 'voltage bin width, V', positive, 0.005)
    .option('--window <n>', 'Savitzky–Golay window in bins (odd)', positive, 9)
    .action(async (files: string[], opts: CurveOptions) => {
      const mass = massG(opts.massMg, false);
      await forEachFile(ctx, files, Boolean(opts.json), (file) => curves(file, opts, mass, true), (d) => `${d.cycles.length} cycles (JSON only: use --json)`);
    });
}

function curves(file: string, opts: CurveOptions, mass: number | undefined, dqdv: boolean) {
  const r = readCycler(readInputFile(file), file);
  const table = pairCycles(segmentHalfCycles(r, restOpts(opts.restCurrentA)), opts.order);
  const wanted = opts.cycles ? new Set(opts.cycles) : undefined;
  const k = mass ? 1000 / mass : 1000; // Ah → mAh or mAh/g
  const one = (rec: CyclerRecord, h: HalfCycle | undefined) => {
    if (!h) return null;
    const p = halfCycleProfile(rec, h);
    if (!dqdv) return { capacity: Array.from(p.capacity, (x) => x * k), voltage: p.voltage };
    const d = differentialCapacity(p, { binV: opts.binV, window: opts.window && Math.round(opts.window) });
    return { voltage: d.voltage, dqdv: Array.from(d.dqdv, (x) => x * k) };
  };
  return {
    file,
    format: r.meta.format,
    ...(dqdv ? { unit: mass ? 'mAh/(g·V)' : 'mAh/V' } : { capacityUnit: mass ? 'mAh/g' : 'mAh' }),
    cycles: table.cycles
      .filter((c) => !wanted || wanted.has(c.cycle))
      .map((c) => ({ cycle: c.cycle, charge: one(r, c.charge), discharge: one(r, c.discharge) })),
  };
}

/** `--cycles 1,2,10` → [1, 2, 10]; anything but cycle numbers ≥ 1 is refused (it would select nothing, silently). */
function cycleList(value: string): number[] {
  const parts = value.split(',').map((x) => x.trim());
  const bad = parts.find((x) => !/^\d+$/.test(x) || Number(x) < 1);
  if (bad !== undefined) throw new InvalidArgumentError(`expected cycle numbers ≥ 1 separated by commas, got "${bad}" in "${value}"`);
  return parts.map(Number);
}

function restOpts(a: number | undefined) {
  return a === undefined ? {} : { restCurrent: a };
}

function parseReference(s: string): RetentionReference {
  if (s === 'first' || s === 'max') return s;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new InputError('--reference', undefined, `expected a cycle number ≥ 1, "first" or "max"; got "${s}"`);
  return n;
}

function summary(file: string, mass: number | undefined, order: CycleOrder, ref: RetentionReference, rest: number | undefined, oneC = 120) {
  const r = readCycler(readInputFile(file), file);
  const table = pairCycles(segmentHalfCycles(r, restOpts(rest)), order);
  if (!table.cycles.length && !table.initial) throw new InputError(file, undefined, 'no current flows in this file (is it a cycling file?)');
  const ret = retention(table, ref);
  if (!ret && typeof ref === 'number') throw new InputError('--reference', undefined, `cycle ${ref} has no discharge in ${file}`);
  const energy = (wh: number) => (mass ? quantity((wh * 1000) / mass, 'mWh/g') : quantity(wh * 1000, 'mWh'));
  return {
    file,
    format: r.meta.format,
    order: table.order,
    initial: table.initial ? { direction: table.initial.direction, capacity: capacityQuantity(table.initial.capacity, mass) } : null,
    cycles: table.cycles.map((c) => ({
      cycle: c.cycle,
      charge: c.charge ? capacityQuantity(c.charge.capacity, mass) : null,
      discharge: c.discharge ? capacityQuantity(c.discharge.capacity, mass) : null,
      coulombicEfficiency: c.coulombicEfficiency,
      energyCharge: c.charge ? energy(c.charge.energy) : null,
      energyDischarge: c.discharge ? energy(c.discharge.energy) : null,
      energyEfficiency:
        c.charge && c.discharge && c.charge.energy > 0 && c.discharge.energy > 0
          ? table.order === 'charge-first'
            ? c.discharge.energy / c.charge.energy
            : c.charge.energy / c.discharge.energy
          : null,
      averageVoltageCharge: c.charge ? quantity(c.charge.averageVoltage, 'V') : null,
      averageVoltageDischarge: c.discharge ? quantity(c.discharge.averageVoltage, 'V') : null,
      current: quantity(((c.discharge ?? c.charge)!.current) * 1000, 'mA'),
      ...(mass ? { cRate: ((c.discharge ?? c.charge)!.current * 1000) / (oneC * mass) } : {}),
    })),
    retention: ret
      ? { reference: ret.reference, last: ret.last, value: ret.value, cycleLife: ret.cycleLife, threshold: ret.threshold }
      : null,
  };
}

function humanSummary(d: ReturnType<typeof summary>): string {
  const unit = d.cycles[0]?.charge?.unit ?? d.cycles[0]?.discharge?.unit ?? 'mAh';
  const f = (q: { value: number } | null) => (q ? q.value.toFixed(4) : '—').padStart(12);
  const lines = [`cycle  ${'Q_ch'.padStart(12)}  ${'Q_dis'.padStart(12)}  CE        (${unit}, ${d.order})`];
  if (d.initial) lines.push(`    0  ${d.initial.direction === 'charge' ? f(d.initial.capacity) : f(null)}  ${d.initial.direction === 'discharge' ? f(d.initial.capacity) : f(null)}  (initial half cycle, not counted)`);
  for (const c of d.cycles) {
    lines.push(`${String(c.cycle).padStart(5)}  ${f(c.charge)}  ${f(c.discharge)}  ${c.coulombicEfficiency === null ? '—' : c.coulombicEfficiency.toFixed(4)}`);
  }
  if (d.retention) {
    lines.push(
      `retention ${(d.retention.value * 100).toFixed(1)} % (cycle ${d.retention.last} vs ${d.retention.reference}); cycle life to 80 %: ${d.retention.cycleLife ?? 'not reached'}`,
    );
  }
  return lines.join('\n');
}
