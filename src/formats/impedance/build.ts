/**
 * Shared last step of every impedance reader: checks the numbers (finite, frequency > 0) and
 * turns column accumulators into an ImpedanceSpectrum with Z'' < 0 for capacitive points.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum, SpectrumMeta } from '../../impedance/spectrum.js';

/** Grows a Float64Array by doubling: linear-time accumulation without per-point objects. */
export class Column {
  private data = new Float64Array(64);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  /** A trimmed copy. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Accumulates points of one spectrum, remembering the source line of each for error messages. */
export class SpectrumBuilder {
  readonly frequency = new Column();
  readonly real = new Column();
  readonly imag = new Column();

  constructor(readonly file: string) {}

  get length(): number {
    return this.frequency.length;
  }

  /** Adds one point; `fHz` > 0, Z in Ω with Z'' negative when capacitive. */
  add(fHz: number, re: number, im: number, line: number | string | undefined): void {
    if (!Number.isFinite(fHz) || !Number.isFinite(re) || !Number.isFinite(im)) {
      throw new InputError(this.file, line, 'frequency, Z\' and Z\'\' must be finite numbers');
    }
    if (!(fHz > 0)) throw new InputError(this.file, line, `frequency is ${fHz} Hz; expected a positive frequency`);
    this.frequency.push(fHz);
    this.real.push(re);
    this.imag.push(im);
  }

  /** Adds a point given as |Z| (Ω) and phase (rad): Z = |Z|(cos φ + j sin φ). */
  addPolar(fHz: number, modulus: number, phaseRad: number, line: number | string | undefined): void {
    this.add(fHz, modulus * Math.cos(phaseRad), modulus * Math.sin(phaseRad), line);
  }

  /** `allowEmpty`: an instrument file that recorded no point yet reads as 0 points, not an error. */
  finish(meta: SpectrumMeta, options: { allowEmpty?: boolean } = {}): ImpedanceSpectrum {
    if (this.length === 0 && !options.allowEmpty) throw new InputError(this.file, undefined, 'no impedance data points found');
    return { frequency: this.frequency.toArray(), real: this.real.toArray(), imag: this.imag.toArray(), meta };
  }
}

/** The summary every impedance format gives `superionic inspect`. */
export function summarizeSpectrum(s: ImpedanceSpectrum): { points: number; columns: string[]; frequencyRangeHz?: [number, number] } {
  const n = s.frequency.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const f = s.frequency[i]!;
    if (f < lo) lo = f;
    if (f > hi) hi = f;
  }
  return {
    points: n,
    columns: ['frequency/Hz', "Z'/Ohm", "Z''/Ohm"],
    ...(n > 0 ? { frequencyRangeHz: [lo, hi] as [number, number] } : {}),
  };
}
