/**
 * Column names of cycler exports → canonical roles with explicit unit scales to s, V, A, Ah.
 * A header is split into a base name and a unit (`Current (A)`, `Current(mA)`, `I[A]`,
 * `I/mA`, `Test (Min)`); the base name, lower-cased with punctuation removed, is looked up in
 * the synonyms below, in priority order (e.g. Neware's `Cumulative Time` beats its step `Time`).
 * A recognised quantity with a unit we do not know is an error naming the column — never a
 * silent wrong scale.
 */
import { InputError } from '../../core/errors.js';

export type Role =
  | 'time'
  | 'voltage'
  | 'current'
  | 'step'
  | 'cycle'
  | 'chargeCapacity'
  | 'dischargeCapacity'
  | 'capacity'
  | 'state'
  | 'temperature';

export interface HeaderName {
  raw: string;
  base: string;
  unit: string | undefined;
}

export function splitHeader(raw: string): HeaderName {
  const t = raw.trim().replace(/^"|"$/g, '');
  let m = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(t);
  if (m && m[1]) return { raw: t, base: norm(m[1]), unit: m[2] };
  // EC-Lab style "name/unit": the unit follows the LAST slash ("Q charge/discharge/mA.h")
  m = /^(.+)\/([^/]+)$/.exec(t);
  if (m && m[1]) return { raw: t, base: norm(m[1]), unit: m[2] };
  return { raw: t, base: norm(t), unit: undefined };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9#|]/g, '');
}

/** Synonyms per role, best first (normalised base names). */
export const SYNONYMS: Record<Role, string[]> = {
  time: ['testtime', 'test', 'runtime', 'cumulativetime', 'totaltime', 'time', 'times', 'elapsedtime'],
  voltage: ['voltage', 'volts', 'potential', 'ewe', 'ecell', 'u', 'v', 'cellvoltage'],
  current: ['current', 'amps', 'i', 'ima'],
  step: ['stepindex', 'stepnumber', 'step', 'line', 'ns'],
  cycle: ['cycleindex', 'cycle', 'cyclenumber', 'cyc#', 'cyccount', 'cyclec'],
  chargeCapacity: ['chargecapacity', 'chgcap', 'ahcyccharge', 'qcharge'],
  dischargeCapacity: ['dischargecapacity', 'dchgcap', 'ahcycdischarge', 'qdischarge'],
  capacity: ['amphr', 'capacity'],
  state: ['state', 'status'],
  temperature: ['temperature', 'auxtemperature1', 't1', 'temp1', 'temp'],
};

const TIME_UNITS: Record<string, number> = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600 };
const VOLT_UNITS: Record<string, number> = { v: 1, mv: 1e-3 };
const AMP_UNITS: Record<string, number> = { a: 1, ma: 1e-3, µa: 1e-6, μa: 1e-6, ua: 1e-6, na: 1e-9 };
const AH_UNITS: Record<string, number> = { ah: 1, 'a.h': 1, 'a-h': 1, 'amp-hr': 1, mah: 1e-3, 'ma.h': 1e-3, 'ma-h': 1e-3, µah: 1e-6, uah: 1e-6 };
const TEMP_UNITS: Record<string, number> = { c: 1, '°c': 1, degc: 1, '�c': 1, 'ºc': 1 };

const UNITS: Partial<Record<Role, Record<string, number>>> = {
  time: TIME_UNITS,
  voltage: VOLT_UNITS,
  current: AMP_UNITS,
  chargeCapacity: AH_UNITS,
  dischargeCapacity: AH_UNITS,
  capacity: AH_UNITS,
  temperature: TEMP_UNITS,
};

/** Units assumed when a header has none (Arbin, Maccor, Novonix conventions: s, V, A, Ah). */
const DEFAULT_SCALE: Record<Role, number> = {
  time: 1, voltage: 1, current: 1, step: 1, cycle: 1, chargeCapacity: 1, dischargeCapacity: 1, capacity: 1, state: 1, temperature: 1,
};

export interface MappedColumn {
  role: Role;
  index: number;
  name: string;
  /** multiply by this to get s, V, A, Ah (°C for temperature) */
  scale: number;
}

/** Counters and step indices must carry no unit; a quantity may. */
const UNITLESS: Role[] = ['step', 'cycle', 'state'];

/**
 * Maps headers to roles. `file`/`line` locate errors. Returns one column per role found.
 * `exclude` lists roles a vendor reader must not map (BaSyTec's numeric `State`).
 */
export function mapColumns(
  headers: readonly string[],
  file: string,
  line: number | string,
  exclude: readonly Role[] = [],
): Partial<Record<Role, MappedColumn>> {
  const parsed = headers.map(splitHeader);
  const out: Partial<Record<Role, MappedColumn>> = {};
  for (const role of Object.keys(SYNONYMS) as Role[]) {
    if (exclude.includes(role)) continue;
    const units = UNITS[role];
    let found: MappedColumn | undefined;
    for (const syn of SYNONYMS[role]) {
      const idx = parsed.findIndex((h) => {
        if (h.base !== syn) return false;
        if (UNITLESS.includes(role)) return h.unit === undefined || h.unit === '';
        if (role === 'time' && h.unit === undefined && syn === 'test') return false; // Maccor "Test" needs its unit
        if (role === 'time' && h.unit !== undefined && !TIME_UNITS[h.unit.toLowerCase()]) {
          // e.g. "Date Time" has no unit; "time (ms)"? only accept known time units
          return false;
        }
        return true;
      });
      if (idx < 0) continue;
      const h = parsed[idx]!;
      let scale = DEFAULT_SCALE[role];
      if (units && h.unit !== undefined && h.unit !== '') {
        const s = units[h.unit.toLowerCase().replace(/\s+/g, '')];
        if (s === undefined) {
          throw new InputError(file, line, `column "${h.raw}" has unit "${h.unit}"; expected one of ${Object.keys(units).join(', ')}`);
        }
        scale = s;
      }
      found = { role, index: idx, name: h.raw, scale };
      break;
    }
    if (found) out[role] = found;
  }
  return out;
}

/** True if the headers name a time, a voltage and a current column (what any cycler file needs). */
export function looksLikeCyclerHeader(headers: readonly string[]): boolean {
  const parsed = headers.map(splitHeader);
  const has = (role: Role) => parsed.some((h) => SYNONYMS[role].includes(h.base));
  return headers.length >= 3 && has('time') && has('voltage') && has('current');
}
