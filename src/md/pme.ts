/**
 * Smooth particle-mesh Ewald (Essmann, Perera, Berkowitz, Darden, Hsing, Pedersen,
 * J. Chem. Phys. 103, 8577 (1995)) for the reciprocal part of the Coulomb sum, orthorhombic
 * box. Same splitting parameter g (and real-space pair style) as `Ewald`, so it replaces only
 * the k-space sum:
 *   E_rec = 1/(2πV) Σ_{m≠0} exp(−π²m²/g²)/m² · B(m) · |F[Q](m)|²  (× qqr2e)
 * with Q the charges spread on a K₁×K₂×K₃ grid by cardinal B-splines of order p (default 5, as
 * LAMMPS pppm), B(m) = Πₐ|bₐ(mₐ)|² the Euler exponential-spline factors, F the 3-D FFT.
 * φ = ∂E/∂Q = (N/πV)·IFFT(G·F[Q]) is gathered back with the spline derivatives for the forces.
 * Grid: K = next power of two ≥ max(2·k_max + 2, L/1.1 Å), k_max from the LAMMPS Ewald rule —
 * every k-vector Ewald would sum is on the grid. Cost O(N p³ + K³ log K) per step.
 */
import FFT from 'fft.js';
import { nextPowerOfTwo } from '../numerics/fft.js';
import type { MdSystem } from './system.js';
import type { Ewald } from './ewald.js';
import { QQR2E } from './units.js';

export class Pme {
  readonly grid: [number, number, number];
  readonly order: number;
  readonly gEwald: number;
  private readonly G: Float64Array; // influence function G(m)·B(m) (real), per grid point
  private readonly vfac: Float64Array; // −2(1 + π²m²/g²)/m² per grid point (virial)
  private readonly mx: Float64Array; private readonly my: Float64Array; private readonly mz: Float64Array;
  private readonly data: Float64Array; // interleaved complex grid
  private readonly line: Float64Array;
  private readonly lineOut: Float64Array;
  private readonly ffts: FFT[];
  private theta = new Float64Array(0);
  private dtheta = new Float64Array(0);
  private base = new Int32Array(0);
  private readonly volume: number;
  private readonly qsqsum: number;
  private readonly qsum: number;

  constructor(sys: MdSystem, ewald: Ewald, order = 5) {
    this.order = order;
    this.gEwald = ewald.gEwald;
    const L = sys.box;
    const K = [0, 1, 2].map((a) => nextPowerOfTwo(Math.max(2 * ewald.kmax[a]! + 2, Math.ceil(L[a]! / 1.1)))) as [number, number, number];
    this.grid = K;
    const [K1, K2, K3] = K;
    const n = K1 * K2 * K3;
    this.volume = L[0]! * L[1]! * L[2]!;
    let qs = 0, q2 = 0;
    for (let i = 0; i < sys.n; i++) {
      qs += sys.charges[i]!;
      q2 += sys.charges[i]! ** 2;
    }
    this.qsum = qs;
    this.qsqsum = q2;
    this.data = new Float64Array(2 * n);
    const maxK = Math.max(K1, K2, K3);
    this.line = new Float64Array(2 * maxK);
    this.lineOut = new Float64Array(2 * maxK);
    this.ffts = K.map((k) => new FFT(k));
    const bsq = K.map((k) => splineModuli(k, order));
    this.mx = signedFreq(K1, L[0]!); this.my = signedFreq(K2, L[1]!); this.mz = signedFreq(K3, L[2]!);
    this.G = new Float64Array(n);
    this.vfac = new Float64Array(n);
    const g2 = this.gEwald * this.gEwald;
    for (let a = 0; a < K1; a++)
      for (let b = 0; b < K2; b++)
        for (let c = 0; c < K3; c++) {
          const idx = (a * K2 + b) * K3 + c;
          if (idx === 0) continue;
          const m2 = this.mx[a]! ** 2 + this.my[b]! ** 2 + this.mz[c]! ** 2;
          this.G[idx] = (Math.exp((-Math.PI * Math.PI * m2) / g2) / m2) * bsq[0]![a]! * bsq[1]![b]! * bsq[2]![c]!;
          this.vfac[idx] = (-2 * (1 + (Math.PI * Math.PI * m2) / g2)) / m2;
        }
  }

  /** Adds reciprocal forces (3n) and virial; returns E_rec + self + background, eV. */
  compute(sys: MdSystem, f: Float64Array, vir: Float64Array): number {
    const p = this.order;
    const [K1, K2, K3] = this.grid;
    const n = sys.n;
    if (this.theta.length !== 3 * p * n) {
      this.theta = new Float64Array(3 * p * n);
      this.dtheta = new Float64Array(3 * p * n);
      this.base = new Int32Array(3 * n);
    }
    const th = this.theta, dth = this.dtheta, base = this.base;
    const x = sys.positions, q = sys.charges, L = sys.box;
    const K = this.grid;
    const work = new Float64Array(p);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < 3; a++) {
        let s = x[3 * i + a]! / L[a]!;
        s -= Math.floor(s);
        const u = s * K[a]!;
        const fl = Math.floor(u);
        base[3 * i + a] = fl;
        bspline(u - fl, p, th, dth, (3 * i + a) * p, work);
      }
    // Spread: grid point k = floor(u) − j gets weight M_p(w + j).
    const data = this.data;
    data.fill(0);
    for (let i = 0; i < n; i++) {
      const qi = q[i]!;
      const ox = (3 * i) * p, oy = (3 * i + 1) * p, oz = (3 * i + 2) * p;
      const b0 = base[3 * i]!, b1 = base[3 * i + 1]!, b2 = base[3 * i + 2]!;
      for (let ja = 0; ja < p; ja++) {
        const ka = mod(b0 - ja, K1);
        const wa = qi * th[ox + ja]!;
        for (let jb = 0; jb < p; jb++) {
          const kb = mod(b1 - jb, K2);
          const wab = wa * th[oy + jb]!;
          const row = (ka * K2 + kb) * K3;
          for (let jc = 0; jc < p; jc++) {
            const kc = mod(b2 - jc, K3);
            data[2 * (row + kc)] += wab * th[oz + jc]!;
          }
        }
      }
    }
    this.fft3(false);
    // Energy, virial, and G·F[Q].
    const G = this.G, vf = this.vfac, mx = this.mx, my = this.my, mz = this.mz;
    let e = 0;
    let vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
    const total = K1 * K2 * K3;
    for (let a = 0; a < K1; a++)
      for (let b = 0; b < K2; b++)
        for (let c = 0; c < K3; c++) {
          const idx = (a * K2 + b) * K3 + c;
          const re = data[2 * idx]!, im = data[2 * idx + 1]!;
          const gm = G[idx]!;
          const em = gm * (re * re + im * im);
          e += em;
          if (em !== 0) {
            const v = vf[idx]!;
            const ax = mx[a]!, ay = my[b]!, az = mz[c]!;
            vxx += em * (1 + v * ax * ax); vyy += em * (1 + v * ay * ay); vzz += em * (1 + v * az * az);
            vxy += em * v * ax * ay; vxz += em * v * ax * az; vyz += em * v * ay * az;
          }
          data[2 * idx] = re * gm;
          data[2 * idx + 1] = im * gm;
        }
    const pre = 1 / (2 * Math.PI * this.volume);
    e *= pre;
    const vs = pre * QQR2E;
    vir[0] = vir[0]! + vxx * vs; vir[1] = vir[1]! + vyy * vs; vir[2] = vir[2]! + vzz * vs;
    vir[3] = vir[3]! + vxy * vs; vir[4] = vir[4]! + vxz * vs; vir[5] = vir[5]! + vyz * vs;
    this.fft3(true); // fft.js inverse divides by K per axis → 1/N overall
    // φ(k) = (N/πV)·IFFT(G·F[Q]); F_i = −q_i Σ_k φ(k) ∇_i M
    const phiScale = (total / (Math.PI * this.volume)) * QQR2E;
    for (let i = 0; i < n; i++) {
      const qi = q[i]!;
      const ox = (3 * i) * p, oy = (3 * i + 1) * p, oz = (3 * i + 2) * p;
      const b0 = base[3 * i]!, b1 = base[3 * i + 1]!, b2 = base[3 * i + 2]!;
      let fx = 0, fy = 0, fz = 0;
      for (let ja = 0; ja < p; ja++) {
        const ka = mod(b0 - ja, K1);
        const ta = th[ox + ja]!, da = dth[ox + ja]!;
        for (let jb = 0; jb < p; jb++) {
          const kb = mod(b1 - jb, K2);
          const tb = th[oy + jb]!, db = dth[oy + jb]!;
          const row = (ka * K2 + kb) * K3;
          for (let jc = 0; jc < p; jc++) {
            const kc = mod(b2 - jc, K3);
            const phi = data[2 * (row + kc)]!;
            const tc = th[oz + jc]!, dc = dth[oz + jc]!;
            fx += phi * da * tb * tc;
            fy += phi * ta * db * tc;
            fz += phi * ta * tb * dc;
          }
        }
      }
      const s = -qi * phiScale;
      f[3 * i] = f[3 * i]! + s * fx * (K1 / L[0]!);
      f[3 * i + 1] = f[3 * i + 1]! + s * fy * (K2 / L[1]!);
      f[3 * i + 2] = f[3 * i + 2]! + s * fz * (K3 / L[2]!);
    }
    const g = this.gEwald;
    e -= (g * this.qsqsum) / Math.sqrt(Math.PI) + (Math.PI * this.qsum * this.qsum) / (2 * g * g * this.volume);
    return e * QQR2E;
  }

  /** In-place 3-D complex FFT of `data` (fft.js per axis; inverse includes 1/K per axis). */
  private fft3(inverse: boolean): void {
    const [K1, K2, K3] = this.grid;
    this.pass(this.ffts[2]!, K3, 1, K1 * K2, K3, 1, 1, inverse);
    // y lines: for each (a, c): offset a·K2·K3 + c, stride K3
    this.pass(this.ffts[1]!, K2, K3, K1, K2 * K3, K3, 1, inverse);
    // x lines: for each (b, c): offset b·K3 + c, stride K2·K3
    this.pass(this.ffts[0]!, K1, K2 * K3, 1, 0, K2 * K3, 1, inverse);
  }

  /**
   * Transforms every line of length `len` (element stride `stride`) whose start offsets are
   * o = outer·outerStride + inner·innerStep for outer < nOuter, inner < nInner.
   */
  private pass(fft: FFT, len: number, nInner: number, nOuter: number, outerStride: number, stride: number, innerStep: number, inverse: boolean): void {
    const data = this.data, line = this.line, out = this.lineOut;
    for (let outer = 0; outer < nOuter; outer++) {
      for (let inner = 0; inner < nInner; inner++) {
        const o = outer * outerStride + inner * innerStep;
        for (let k = 0; k < len; k++) {
          const d = 2 * (o + k * stride);
          line[2 * k] = data[d]!;
          line[2 * k + 1] = data[d + 1]!;
        }
        if (inverse) fft.inverseTransform(out, line);
        else fft.transform(out, line);
        for (let k = 0; k < len; k++) {
          const d = 2 * (o + k * stride);
          data[d] = out[2 * k]!;
          data[d + 1] = out[2 * k + 1]!;
        }
      }
    }
  }
}

function mod(a: number, k: number): number {
  const r = a % k;
  return r < 0 ? r + k : r;
}

/** m_a/L_a for grid index 0…K−1 (signed frequencies). */
function signedFreq(K: number, L: number): Float64Array {
  const out = new Float64Array(K);
  for (let k = 0; k < K; k++) out[k] = (k <= K / 2 ? k : k - K) / L;
  return out;
}

/**
 * Cardinal B-spline values M_p(w + j) and derivatives M_p'(w + j), j = 0…p−1, for 0 ≤ w < 1,
 * by the recursion M_n(x) = [x M_{n−1}(x) + (n − x) M_{n−1}(x − 1)]/(n − 1) from
 * M_2(w) = w, M_2(w + 1) = 1 − w; M_p'(x) = M_{p−1}(x) − M_{p−1}(x − 1).
 */
export function bspline(w: number, p: number, th: Float64Array, dth: Float64Array, off: number, work: Float64Array): void {
  const m = work; // m[j] = M_n(w + j)
  m.fill(0);
  m[0] = w;
  m[1] = 1 - w;
  for (let nOrd = 3; nOrd <= p; nOrd++) {
    if (nOrd === p) {
      for (let j = 0; j < p; j++) dth[off + j] = (m[j] ?? 0) - (j > 0 ? m[j - 1]! : 0);
    }
    for (let j = nOrd - 1; j >= 0; j--) {
      const xj = w + j;
      const a = j < nOrd - 1 ? m[j]! : 0; // M_{n-1}(w + j)
      const b = j > 0 ? m[j - 1]! : 0; // M_{n-1}(w + j − 1)
      m[j] = (xj * a + (nOrd - xj) * b) / (nOrd - 1);
    }
  }
  if (p === 2) {
    dth[off] = 1;
    dth[off + 1] = -1;
  }
  for (let j = 0; j < p; j++) th[off + j] = m[j]!;
}

/** |b(m)|² = 1/|Σ_{k=0}^{p−2} M_p(k+1) e^{2πimk/K}|² for m = 0…K−1. */
function splineModuli(K: number, p: number): Float64Array {
  const th = new Float64Array(p), dth = new Float64Array(p), work = new Float64Array(p);
  bspline(0, p, th, dth, 0, work); // th[j] = M_p(j)
  const out = new Float64Array(K);
  for (let m = 0; m < K; m++) {
    let re = 0, im = 0;
    for (let k = 0; k <= p - 2; k++) {
      const v = th[k + 1]!;
      const arg = (2 * Math.PI * m * k) / K;
      re += v * Math.cos(arg);
      im += v * Math.sin(arg);
    }
    const d = re * re + im * im;
    out[m] = d > 1e-10 ? 1 / d : 0;
  }
  return out;
}
