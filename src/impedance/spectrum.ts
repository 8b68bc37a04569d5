/**
 * An impedance spectrum as measured: Z(f) = Z' + jZ'' with Z'' < 0 for capacitive points
 * (readers of files that store −Z'' negate it). Frequencies in Hz, impedances in Ω.
 * Points keep the instrument's order; nothing here sorts or filters.
 */
export interface ImpedanceSpectrum {
  /** Hz */
  frequency: Float64Array;
  /** Z' in Ω */
  real: Float64Array;
  /** Z'' in Ω (negative for capacitive behaviour) */
  imag: Float64Array;
  meta: SpectrumMeta;
}

export interface SpectrumMeta {
  /** Where it came from (file name), for messages. */
  source?: string;
  /** Reader id, e.g. "biologic-mpt". */
  format?: string;
  /** Temperature in K if the file states it. */
  temperatureK?: number;
  /** Anything else a reader found worth keeping (instrument, technique, cycle number …). */
  [key: string]: unknown;
}

export function createSpectrum(
  frequency: ArrayLike<number>,
  real: ArrayLike<number>,
  imag: ArrayLike<number>,
  meta: SpectrumMeta = {},
): ImpedanceSpectrum {
  if (frequency.length !== real.length || frequency.length !== imag.length) {
    throw new RangeError('frequency, real and imag must have the same length');
  }
  return {
    frequency: Float64Array.from(frequency),
    real: Float64Array.from(real),
    imag: Float64Array.from(imag),
    meta,
  };
}

/** Keeps the points with fmin ≤ f ≤ fmax (either bound optional). */
export function selectFrequencyRange(s: ImpedanceSpectrum, fmin?: number, fmax?: number): ImpedanceSpectrum {
  const lo = fmin ?? -Infinity;
  const hi = fmax ?? Infinity;
  return selectPoints(s, (i) => s.frequency[i]! >= lo && s.frequency[i]! <= hi);
}

/** Keeps the points whose index passes `keep`, in their original order; meta is shared. */
export function selectPoints(s: ImpedanceSpectrum, keep: (i: number) => boolean): ImpedanceSpectrum {
  const kept: number[] = [];
  for (let i = 0; i < s.frequency.length; i++) if (keep(i)) kept.push(i);
  const pick = (a: Float64Array) => Float64Array.from(kept, (i) => a[i]!);
  return { frequency: pick(s.frequency), real: pick(s.real), imag: pick(s.imag), meta: s.meta };
}
