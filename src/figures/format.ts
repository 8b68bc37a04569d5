/** Number formatting for figure labels and report tables: value ± stderr with matching digits. */
import type { Quantity } from '../core/quantity.js';

const UNIT_PRETTY: Record<string, string> = { 'S/cm': 'S cm⁻¹', 'cm2/s': 'cm² s⁻¹', 'Ohm': 'Ω', 'mS/cm': 'mS cm⁻¹' };

export function prettyUnit(unit: string): string {
  return UNIT_PRETTY[unit] ?? unit.replace(/\^-?\d+/g, (m) => superscript(m.slice(1)));
}

/** Digits and minus signs as Unicode superscripts ("-3" → "⁻³"); other characters unchanged. */
export function superscript(s: string): string {
  return s.replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] ?? c);
}

/** Formats a number with `sig` significant digits, using ×10ⁿ notation outside [1e-3, 1e5). */
export function formatNumber(v: number, sig = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(sig)).toString();
  const e = Math.floor(Math.log10(a));
  const m = v / 10 ** e;
  return `${Number(m.toPrecision(sig))}×10${superscript(String(e))}`;
}

/** "0.36 ± 0.01 eV": the stderr to two significant digits and the value to the same decimal place. */
export function formatQuantity(q: Quantity, withUnit = true): string {
  const unit = withUnit ? ' ' + prettyUnit(q.unit) : '';
  if (q.stderr === undefined || !(q.stderr > 0) || !Number.isFinite(q.value)) return formatNumber(q.value, 4) + unit;
  // Last significant decimal of the stderr: two digits when it starts with 1 or 2, else one.
  const lead = q.stderr / 10 ** Math.floor(Math.log10(q.stderr));
  const e = Math.floor(Math.log10(q.stderr)) - (lead < 3 ? 1 : 0);
  const a = Math.abs(q.value);
  if (a >= 1e-3 && a < 1e5 && q.stderr >= 1e-4) {
    const decimals = Math.max(0, -e);
    return `${q.value.toFixed(decimals)} ± ${q.stderr.toFixed(decimals)}${unit}`;
  }
  const ev = Math.floor(Math.log10(a || q.stderr));
  const scale = 10 ** ev;
  const decimals = Math.max(0, ev - e);
  const sup = superscript(String(ev));
  return `(${(q.value / scale).toFixed(decimals)} ± ${(q.stderr / scale).toFixed(decimals)})×10${sup}${unit}`;
}

/** formatQuantity of `q` converted by `scale` into `unit` (e.g. S/cm × 1e3 → mS/cm). */
export function formatScaled(q: Quantity, scale = 1, unit = q.unit): string {
  return formatQuantity({ value: q.value * scale, unit, ...(q.stderr !== undefined ? { stderr: q.stderr * scale } : {}) });
}
