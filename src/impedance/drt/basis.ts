/**
 * Radial basis functions for the DRT, γ(ln τ) = Σ_m x_m φ(ln τ − ln τ_m), as in pyDRTtools
 * (Wan et al., Electrochim. Acta 184 (2015) 483). x = ln τ offset, μ = shape factor (1/ln-unit).
 * The shape factor is tied to the grid spacing Δ (in ln τ) through the FWHM coefficient c:
 * μ = c · FWHM₁ / Δ, where FWHM₁ is the FWHM of φ at μ = 1, so each basis function's FWHM in
 * ln τ is Δ/c (2Δ at pyDRTtools' default c = 0.5).
 */
export type BasisName = 'gaussian' | 'c2-matern' | 'c4-matern' | 'inverse-quadratic' | 'cauchy' | 'piecewise-linear';

export const basisNames: BasisName[] = ['gaussian', 'c2-matern', 'c4-matern', 'inverse-quadratic', 'cauchy', 'piecewise-linear'];

export interface Basis {
  name: BasisName;
  /** Shape factor μ (1/ln-unit); for the piecewise-linear hat, 1/Δ. */
  mu: number;
  /** φ(x). */
  phi(x: number): number;
  /** dφ/dx and d²φ/dx² (for the penalty Gram matrices). */
  d1(x: number): number;
  d2(x: number): number;
  /** |x| beyond which φ is negligible (< 1e-14), capped at 50 ln-units as pyDRTtools' integrals. */
  support: number;
}

/** Half-width at half-maximum of φ at μ = 1 (x with φ(x) = ½). */
function halfWidth(phi1: (x: number) => number): number {
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (phi1(mid) > 0.5) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const shapes: Record<Exclude<BasisName, 'piecewise-linear'>, (r: number) => number> = {
  gaussian: (r) => Math.exp(-r * r),
  'c2-matern': (r) => Math.exp(-r) * (1 + r),
  'c4-matern': (r) => Math.exp(-r) * (1 + r + (r * r) / 3),
  'inverse-quadratic': (r) => 1 / (1 + r * r),
  cauchy: (r) => 1 / (1 + r),
};

/**
 * Builds the basis for grid spacing `delta` (ln-units) and FWHM coefficient `coefficient`;
 * `shape` sets μ directly instead (pyDRTtools' "Shape Factor" option).
 */
export function makeBasis(name: BasisName, delta: number, coefficient = 0.5, shape?: number): Basis {
  if (name === 'piecewise-linear') {
    const inv = 1 / delta;
    return {
      name,
      mu: inv,
      phi: (x) => Math.max(0, 1 - Math.abs(x) * inv),
      d1: (x) => (Math.abs(x) < delta ? -Math.sign(x) * inv : 0),
      d2: () => 0,
      support: delta,
    };
  }
  const profile = shapes[name];
  const mu = shape ?? (coefficient * 2 * halfWidth(profile)) / delta;
  const mu2 = mu * mu;
  let phi: (x: number) => number;
  let d1: (x: number) => number;
  let d2: (x: number) => number;
  let support: number;
  switch (name) {
    case 'gaussian':
      phi = (x) => Math.exp(-mu2 * x * x);
      d1 = (x) => -2 * mu2 * x * Math.exp(-mu2 * x * x);
      d2 = (x) => 2 * mu2 * (2 * mu2 * x * x - 1) * Math.exp(-mu2 * x * x);
      support = Math.sqrt(32.3) / mu; // e^{−32.3} ≈ 1e-14
      break;
    case 'c2-matern':
      phi = (x) => profile(mu * Math.abs(x));
      d1 = (x) => -mu2 * x * Math.exp(-mu * Math.abs(x));
      d2 = (x) => {
        const r = mu * Math.abs(x);
        return -mu2 * Math.exp(-r) * (1 - r);
      };
      support = 40 / mu;
      break;
    case 'c4-matern':
      phi = (x) => profile(mu * Math.abs(x));
      d1 = (x) => {
        const r = mu * Math.abs(x);
        return (-(mu2 * x) / 3) * (1 + r) * Math.exp(-r);
      };
      d2 = (x) => {
        const r = mu * Math.abs(x);
        return (-mu2 / 3) * Math.exp(-r) * (1 + r - r * r);
      };
      support = 42 / mu;
      break;
    case 'inverse-quadratic':
      phi = (x) => 1 / (1 + mu2 * x * x);
      d1 = (x) => (-2 * mu2 * x) / (1 + mu2 * x * x) ** 2;
      d2 = (x) => (-2 * mu2 * (1 - 3 * mu2 * x * x)) / (1 + mu2 * x * x) ** 3;
      support = 50;
      break;
    case 'cauchy':
      phi = (x) => 1 / (1 + mu * Math.abs(x));
      d1 = (x) => (-mu * Math.sign(x)) / (1 + mu * Math.abs(x)) ** 2;
      // The cusp at 0 would add a delta to φ''; the 2nd-derivative penalty is refused for Cauchy.
      d2 = (x) => (2 * mu2) / (1 + mu * Math.abs(x)) ** 3;
      support = 50;
      break;
  }
  return { name, mu, phi, d1, d2, support: Math.min(support, 50) };
}
