/**
 * FFT helpers over fft.js (radix-4, power-of-two sizes): zero padding to the next power of two
 * and the linear (non-circular) autocorrelation of real series, the workhorse of the windowed
 * MSD (Kneller / Calandrini "FFT algorithm") and of velocity autocorrelations.
 */
import FFT from 'fft.js';

/** Smallest power of two ≥ n (and ≥ 4, fft.js's smallest useful size). */
export function nextPowerOfTwo(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

const plans = new Map<number, FFT>();
function plan(size: number): FFT {
  let p = plans.get(size);
  if (!p) {
    p = new FFT(size);
    plans.set(size, p);
  }
  return p;
}

/**
 * Reusable workspace for autocorrelations of real series of length ≤ `maxLength`. The
 * transform size is ≥ 2·maxLength so that the circular correlation equals the linear one.
 */
export class Autocorrelator {
  readonly size: number;
  private readonly fft: FFT;
  private readonly input: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly power: Float64Array;
  private readonly back: Float64Array;

  constructor(readonly maxLength: number) {
    this.size = nextPowerOfTwo(2 * maxLength);
    this.fft = plan(this.size);
    this.input = new Float64Array(this.size);
    this.spectrum = new Float64Array(2 * this.size);
    this.power = new Float64Array(2 * this.size);
    this.back = new Float64Array(2 * this.size);
  }

  /**
   * Adds to `out[m]` (m = 0…n−1) the unnormalised linear autocorrelation
   * Σ_{k=0}^{n−1−m} x[k]·x[k+m] of the real series `x` (length n ≤ maxLength).
   * `stride`/`offset` read x[k] = data[offset + k·stride] without copying frames around.
   */
  accumulate(data: ArrayLike<number>, n: number, out: Float64Array, stride = 1, offset = 0): void {
    if (n > this.maxLength) throw new RangeError(`series of length ${n} exceeds workspace ${this.maxLength}`);
    const { input, spectrum, power, back, size } = this;
    input.fill(0);
    for (let k = 0; k < n; k++) input[k] = data[offset + k * stride]!;
    this.fft.realTransform(spectrum, input);
    this.fft.completeSpectrum(spectrum);
    for (let i = 0; i < 2 * size; i += 2) {
      const re = spectrum[i]!;
      const im = spectrum[i + 1]!;
      power[i] = re * re + im * im;
      power[i + 1] = 0;
    }
    this.fft.inverseTransform(back, power);
    // fft.js's inverse already divides by `size`.
    for (let m = 0; m < n; m++) out[m]! += back[2 * m]!;
  }
}

/** Linear autocorrelation Σ_k x[k]x[k+m] of a real series, m = 0…n−1 (unnormalised). */
export function autocorrelation(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  new Autocorrelator(n).accumulate(x, n, out);
  return out;
}
