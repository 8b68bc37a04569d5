/**
 * Special functions to double precision. JavaScript has no erfc; LAMMPS `born/coul/dsf` calls
 * libm `erfc()`, so energies agree with it to ~1e-13 only with an accurate erfc (the
 * Abramowitz–Stegun 7.1.26 polynomial that `born/coul/long` uses internally is only 1e-7).
 */

/**
 * Complementary error function, relative error ≲ 1e-15 for all real x. Uses W. J. Cody's
 * rational Chebyshev approximations (Math. Comp. 23, 631 (1969)), as in most libm's: three
 * intervals |x| < 0.5, 0.5 ≤ |x| < 4, |x| ≥ 4.
 */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  if (ax < 0.5) return 1 - erfSmall(x);
  let r: number;
  if (ax < 4) r = erfcMid(ax);
  else if (ax < 26.7) r = erfcLarge(ax);
  else r = 0;
  return x < 0 ? 2 - r : r;
}

/**
 * erfc(x) for x ≥ 0 when the caller already has e^{−x²} (pair loops compute it anyway): saves
 * the two exponentials of `erfc`. Relative accuracy ~x²·1e-16 from the rounding of e^{−x²}
 * (≤ 2e-15 for x < 4), versus 1e-7 for the A&S polynomial.
 */
export function erfcWithExp(x: number, expMinusX2: number): number {
  if (x < 0.5) return 1 - erfSmall(x);
  if (x < 4) return expMinusX2 * erfcMidRatio(x);
  if (x < 26.7) return expMinusX2 * erfcLargeRatio(x);
  return 0;
}

/** Error function, erf(x) = 1 − erfc(x), accurate near zero too. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 0.5) return erfSmall(x);
  return x < 0 ? erfc(ax) - 1 : 1 - erfc(ax);
}

const A = [3.1611237438705656, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391704];
function erfSmall(x: number): number {
  const z = x * x;
  let num = A[4]! * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * z;
    den = (den + B[i]!) * z;
  }
  return (x * (num + A[3]!)) / (den + B[3]!);
}

const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.635138197400131, 881.95222124176909,
  1712.0476126340707, 2051.0783778260716, 1230.339354797997253, 2.15311535474403846e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.18110186200982, 1621.3895745666903, 3290.7992357334812,
  4362.6190901432472, 3439.3676741437216, 1230.3393548037495,
];
function erfcMid(ax: number): number {
  return expMinusSquare(ax) * erfcMidRatio(ax);
}
function erfcMidRatio(ax: number): number {
  let num = C[8]! * ax;
  let den = ax;
  for (let i = 0; i < 7; i++) {
    num = (num + C[i]!) * ax;
    den = (den + D[i]!) * ax;
  }
  return (num + C[7]!) / (den + D[7]!);
}

const P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.5874916152983678e-4, 0.016315387137302097];
const Q = [2.5685201922898682, 1.8729528499234604, 0.52790510295142217, 0.060518341312441320, 0.0023352049762686918];
const SQRT_PI_INV = 0.56418958354775628695;
function erfcLarge(ax: number): number {
  return expMinusSquare(ax) * erfcLargeRatio(ax);
}
function erfcLargeRatio(ax: number): number {
  const z = 1 / (ax * ax);
  let num = P[5]! * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * z;
    den = (den + Q[i]!) * z;
  }
  let r = (z * (num + P[4]!)) / (den + Q[4]!);
  return (SQRT_PI_INV - r) / ax;
}

/** exp(−x²) without the cancellation of computing x² in one piece (Cody's splitting). */
function expMinusSquare(x: number): number {
  const xs = Math.trunc(x * 16) / 16;
  const del = (x - xs) * (x + xs);
  return Math.exp(-xs * xs) * Math.exp(-del);
}
