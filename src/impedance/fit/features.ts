/**
 * What a spectrum shows at a glance, read the way an electrochemist reads a Nyquist plot:
 * the high-frequency intercept, the arcs (apex frequency and height of −Z″, width along Z′),
 * and the low-frequency spur (its −Z″ slope on log–log axes gives a CPE/Warburg exponent).
 * Used only to start the fit; the fit itself decides.
 */
export interface Arc {
  /** Apex frequency in Hz (−Z″ maximum). */
  frequency: number;
  /** −Z″ at the apex in Ω. */
  height: number;
  /** Estimated arc diameter along Z′ in Ω. */
  resistance: number;
  /** Depression exponent estimate in (0, 1] from height/diameter (1 = ideal semicircle). */
  exponent: number;
}

export interface SpectrumFeatures {
  /** Ascending-index arrays sorted from high to low frequency. */
  frequency: Float64Array;
  real: Float64Array;
  imag: Float64Array;
  /** High-frequency intercept estimate in Ω (≥ 0). */
  rHigh: number;
  /** Arcs from high to low frequency. */
  arcs: Arc[];
  /** Low-frequency spur: exponent (0, 1] and whether −Z″ rises towards low f. */
  spur: { present: boolean; exponent: number };
  /** Typical impedance scale (max |Z|) in Ω. */
  scale: number;
}

export function spectrumFeatures(frequency: Float64Array, real: Float64Array, imag: Float64Array): SpectrumFeatures {
  const n = frequency.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => frequency[b]! - frequency[a]!);
  const f = Float64Array.from(order, (i) => frequency[i]!);
  const zr = Float64Array.from(order, (i) => real[i]!);
  const zi = Float64Array.from(order, (i) => imag[i]!);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.hypot(zr[i]!, zi[i]!));

  // −Z″ smoothed by a 3-point running mean (noise makes spurious maxima otherwise).
  const mz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
      s += -zi[j]!;
      c++;
    }
    mz[i] = s / c;
  }

  // High-frequency intercept: the smallest Z′ among the highest-frequency quarter of the points.
  let rHigh = Infinity;
  for (let i = 0; i < Math.max(1, Math.ceil(n / 4)); i++) rHigh = Math.min(rHigh, zr[i]!);
  if (!(rHigh > 0)) rHigh = 1e-3 * scale;

  // Arcs: interior local maxima of −Z″ with their nearest minima on both sides.
  const arcs: Arc[] = [];
  const maxHeight = Math.max(...Array.from(mz));
  for (let i = 1; i < n - 1; i++) {
    if (!(mz[i]! > 0 && mz[i]! >= mz[i - 1]! && mz[i]! > mz[i + 1]!)) continue;
    if (mz[i]! < 0.02 * maxHeight) continue;
    let lo = i;
    while (lo > 0 && mz[lo - 1]! < mz[lo]!) lo--;
    let hi = i;
    while (hi < n - 1 && mz[hi + 1]! < mz[hi]!) hi++;
    const h = -zi[i]!;
    const interiorValleys = lo > 0 || zr[lo]! <= rHigh * 1.05;
    const lowValley = hi < n - 1;
    // Width between the valleys when both are seen; otherwise from the height of an arc of
    // a typical depression (α ≈ 0.85 → h/R ≈ 0.41).
    let width = zr[hi]! - zr[lo]!;
    if (!(interiorValleys && lowValley) || !(width > 0)) width = h / 0.41;
    width = Math.max(width, 2 * h * 0.9);
    // height/diameter = ½ tan(απ/4) for a depressed (ZARC) arc
    const exponent = Math.min(1, Math.max(0.5, (4 / Math.PI) * Math.atan((2 * h) / width)));
    arcs.push({ frequency: f[i]!, height: h, resistance: width, exponent });
  }

  // Spur: −Z″ rising over the last few points towards low frequency.
  let spur = { present: false, exponent: 0.8 };
  if (n >= 4) {
    const k = Math.min(4, n - 1);
    const a = n - 1 - k;
    const y0 = -zi[a]!;
    const y1 = -zi[n - 1]!;
    if (y0 > 0 && y1 > y0) {
      const slope = Math.log(y1 / y0) / Math.log(f[a]! / f[n - 1]!);
      spur = { present: true, exponent: Math.min(1, Math.max(0.3, slope)) };
    }
  }
  return { frequency: f, real: zr, imag: zi, rHigh, arcs, spur, scale };
}
