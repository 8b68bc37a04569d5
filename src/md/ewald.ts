/**
 * Reciprocal-space Ewald sum for an orthorhombic box, as LAMMPS `kspace_style ewald ACC`
 * (ewald.cpp): the splitting parameter g and the k-vector set follow LAMMPS's rules so the
 * two codes sum the same terms.
 *   g = √(−ln(ACC·√(N·r_c·V)/(2·Q₂)))/r_c,  ACC = accuracy × 14.399645 eV/Å (LAMMPS "two-charge
 *   force"), Q₂ = Σq²·qqr2e; k_max per axis from the rms force-error estimate; all half-space
 *   k = 2π(kx/Lx, ky/Ly, kz/Lz) with |k|² ≤ 1.00001·max_axis(2π k_max/L)².
 *   E = qqr2e [Σ_half (4π/V) e^{−k²/4g²}/k² |S(k)|² − g/√π Σqᵢ² − π Q²/(2g²V)],
 *   S(k) = Σ qⱼ e^{ik·rⱼ}; Fᵢ = qqr2e·qᵢ Σ_half 2(4π/V)e^{−k²/4g²}/k² · k (sinᵢ Re S − cosᵢ Im S).
 * e^{ik·r} is built by recurrence from per-axis cos/sin tables (no trig in the k loop).
 */
import type { MdSystem } from './system.js';
import { QQR2E } from './units.js';

export class Ewald {
  readonly gEwald: number;
  readonly kmax: [number, number, number];
  readonly kcount: number;
  private readonly kvec: Int32Array; // kx ky kz per vector
  private readonly ug: Float64Array;
  private readonly kcart: Float64Array;
  private readonly vg: Float64Array; // virial factors (xx yy zz xy xz yz) per k
  private cs: Float64Array = new Float64Array(0);
  private cr: Float64Array = new Float64Array(0);
  private ci: Float64Array = new Float64Array(0);
  private cr2 = new Float64Array(0);
  private ci2 = new Float64Array(0);
  private cxy = new Float64Array(0);
  private sxy = new Float64Array(0);
  private fx = new Float64Array(0);
  private fy = new Float64Array(0);
  private fz = new Float64Array(0);
  private sn: Float64Array = new Float64Array(0);
  private readonly volume: number;
  private readonly qsqsum: number;
  private readonly qsum: number;

  constructor(
    sys: MdSystem,
    readonly accuracyRelative: number,
    readonly cutoff: number,
  ) {
    const [Lx, Ly, Lz] = sys.box as unknown as [number, number, number];
    const V = Lx * Ly * Lz;
    this.volume = V;
    let qsq = 0, qs = 0;
    for (let i = 0; i < sys.n; i++) {
      qsq += sys.charges[i]! ** 2;
      qs += sys.charges[i]!;
    }
    this.qsqsum = qsq;
    this.qsum = qs;
    const natoms = sys.n;
    const accuracy = accuracyRelative * QQR2E;
    const q2 = qsq * QQR2E;
    let g = (accuracy * Math.sqrt(natoms * cutoff * Lx * Ly * Lz)) / (2 * q2);
    g = g >= 1 ? (1.35 - 0.15 * Math.log(accuracy)) / cutoff : Math.sqrt(-Math.log(g)) / cutoff;
    this.gEwald = g;
    const rms = (km: number, prd: number) =>
      ((2 * q2 * g) / prd) * Math.sqrt(1 / (Math.PI * km * natoms)) * Math.exp((-Math.PI * Math.PI * km * km) / (g * g * prd * prd));
    const kmaxFor = (prd: number) => {
      let k = 1;
      while (rms(k, prd) > accuracy) k++;
      return k;
    };
    const kx = kmaxFor(Lx), ky = kmaxFor(Ly), kz = kmaxFor(Lz);
    this.kmax = [kx, ky, kz];
    const kmax = Math.max(kx, ky, kz);
    const ux = (2 * Math.PI) / Lx, uy = (2 * Math.PI) / Ly, uz = (2 * Math.PI) / Lz;
    const gsqmx = Math.max((ux * kx) ** 2, (uy * ky) ** 2, (uz * kz) ** 2) * 1.00001;
    const vecs: number[] = [];
    for (let a = 0; a <= kmax; a++)
      for (let b = -kmax; b <= kmax; b++)
        for (let c = -kmax; c <= kmax; c++) {
          if (a === 0 && (b < 0 || (b === 0 && c <= 0))) continue;
          const sqk = (ux * a) ** 2 + (uy * b) ** 2 + (uz * c) ** 2;
          if (sqk <= gsqmx) vecs.push(a, b, c);
        }
    this.kvec = Int32Array.from(vecs);
    const nk = vecs.length / 3;
    this.kcount = nk;
    this.ug = new Float64Array(nk);
    this.kcart = new Float64Array(3 * nk);
    this.vg = new Float64Array(6 * nk);
    const preu = (4 * Math.PI) / V;
    const g2inv = 1 / (g * g);
    for (let k = 0; k < nk; k++) {
      const kxv = ux * vecs[3 * k]!, kyv = uy * vecs[3 * k + 1]!, kzv = uz * vecs[3 * k + 2]!;
      const sqk = kxv * kxv + kyv * kyv + kzv * kzv;
      this.kcart[3 * k] = kxv;
      this.kcart[3 * k + 1] = kyv;
      this.kcart[3 * k + 2] = kzv;
      this.ug[k] = (preu * Math.exp(-0.25 * sqk * g2inv)) / sqk;
      const vterm = -2 * (1 / sqk + 0.25 * g2inv);
      this.vg[6 * k] = 1 + vterm * kxv * kxv;
      this.vg[6 * k + 1] = 1 + vterm * kyv * kyv;
      this.vg[6 * k + 2] = 1 + vterm * kzv * kzv;
      this.vg[6 * k + 3] = vterm * kxv * kyv;
      this.vg[6 * k + 4] = vterm * kxv * kzv;
      this.vg[6 * k + 5] = vterm * kyv * kzv;
    }
  }

  /** Adds reciprocal forces to `f` (local atoms, 3n) and virial; returns the k-space energy (eV). */
  compute(sys: MdSystem, f: Float64Array, vir: Float64Array): number {
    const n = sys.n;
    const K = Math.max(...this.kmax);
    const width = 2 * K + 1;
    // cs/sn[((axis·width) + m + K)·n + i] = cos/sin(m·u_axis·x_i): contiguous over atoms for one m
    const size = 3 * n * width;
    if (this.cs.length !== size) {
      this.cs = new Float64Array(size);
      this.sn = new Float64Array(size);
      this.cr = new Float64Array(n);
      this.ci = new Float64Array(n);
      this.cr2 = new Float64Array(n);
      this.ci2 = new Float64Array(n);
    }
    const crB = this.cr2, ciB = this.ci2;
    const crA = this.cr, ciA = this.ci;
    const cs = this.cs, sn = this.sn;
    const x = sys.positions, q = sys.charges;
    for (let ax = 0; ax < 3; ax++) {
      const u = (2 * Math.PI) / sys.box[ax]!;
      const zero = (ax * width + K) * n;
      for (let i = 0; i < n; i++) {
        const c1 = Math.cos(u * x[3 * i + ax]!), s1 = Math.sin(u * x[3 * i + ax]!);
        cs[zero + i] = 1;
        sn[zero + i] = 0;
        let c = 1, s = 0;
        for (let m = 1; m <= K; m++) {
          const cn = c * c1 - s * s1;
          const snn = s * c1 + c * s1;
          c = cn;
          s = snn;
          cs[zero + m * n + i] = c;
          sn[zero + m * n + i] = s;
          cs[zero - m * n + i] = c;
          sn[zero - m * n + i] = -s;
        }
      }
    }
    const nk = this.kcount;
    const kv = this.kvec, ug = this.ug, kc = this.kcart, vg = this.vg;
    if (this.cxy.length !== n) {
      this.cxy = new Float64Array(n); this.sxy = new Float64Array(n);
      this.fx = new Float64Array(n); this.fy = new Float64Array(n); this.fz = new Float64Array(n);
    }
    const cxyA = this.cxy, sxyA = this.sxy, fxA = this.fx, fyA = this.fy, fzA = this.fz;
    fxA.fill(0); fyA.fill(0); fzA.fill(0);
    let energy = 0;
    let lastA = -1e9, lastB = -1e9;
    for (let k = 0; k < nk; k++) {
      const ka = kv[3 * k]!, kb = kv[3 * k + 1]!;
      if (ka !== lastA || kb !== lastB) {
        // q·e^{i(kx·x + ky·y)} once per (kx, ky) row; k-vectors are enumerated row by row.
        lastA = ka; lastB = kb;
        const ox = (ka + K) * n, oy = (width + kb + K) * n;
        for (let i = 0; i < n; i++) {
          const cx = cs[ox + i]!, sx = sn[ox + i]!, cy = cs[oy + i]!, sy = sn[oy + i]!, qi = q[i]!;
          cxyA[i] = qi * (cx * cy - sx * sy);
          sxyA[i] = qi * (sx * cy + cx * sy);
        }
      }
      const oz = (2 * width + kv[3 * k + 2]! + K) * n;
      const pair = k + 1 < nk && kv[3 * k + 3] === ka && kv[3 * k + 4] === kb;
      if (pair) {
        // Two k-vectors of the same (kx, ky) row in one pass over the atoms.
        const oz2 = (2 * width + kv[3 * k + 5]! + K) * n;
        let sr = 0, si = 0, sr2 = 0, si2 = 0;
        for (let i = 0; i < n; i++) {
          const a = cxyA[i]!, b = sxyA[i]!;
          const cz = cs[oz + i]!, sz = sn[oz + i]!, cz2 = cs[oz2 + i]!, sz2 = sn[oz2 + i]!;
          const cr = a * cz - b * sz, ci = b * cz + a * sz;
          const cr2 = a * cz2 - b * sz2, ci2 = b * cz2 + a * sz2;
          crA[i] = cr; ciA[i] = ci; crB[i] = cr2; ciB[i] = ci2;
          sr += cr; si += ci; sr2 += cr2; si2 += ci2;
        }
        const w1 = ug[k]! * (sr * sr + si * si), w2 = ug[k + 1]! * (sr2 * sr2 + si2 * si2);
        energy += w1 + w2;
        for (let v = 0; v < 6; v++) vir[v] = vir[v]! + (w1 * vg[6 * k + v]! + w2 * vg[6 * k + 6 + v]!) * QQR2E;
        const p1 = 2 * ug[k]! * QQR2E, p2 = 2 * ug[k + 1]! * QQR2E;
        const k1x = p1 * kc[3 * k]!, k1y = p1 * kc[3 * k + 1]!, k1z = p1 * kc[3 * k + 2]!;
        const k2x = p2 * kc[3 * k + 3]!, k2y = p2 * kc[3 * k + 4]!, k2z = p2 * kc[3 * k + 5]!;
        for (let i = 0; i < n; i++) {
          const f1 = ciA[i]! * sr - crA[i]! * si;
          const f2 = ciB[i]! * sr2 - crB[i]! * si2;
          fxA[i] = fxA[i]! + f1 * k1x + f2 * k2x;
          fyA[i] = fyA[i]! + f1 * k1y + f2 * k2y;
          fzA[i] = fzA[i]! + f1 * k1z + f2 * k2z;
        }
        k++;
        continue;
      }
      let sr = 0, si = 0;
      for (let i = 0; i < n; i++) {
        const cz = cs[oz + i]!, sz = sn[oz + i]!, a = cxyA[i]!, b = sxyA[i]!;
        const cr = a * cz - b * sz, ci = b * cz + a * sz;
        crA[i] = cr;
        ciA[i] = ci;
        sr += cr;
        si += ci;
      }
      const s2 = sr * sr + si * si;
      const w = ug[k]! * s2;
      energy += w;
      for (let v = 0; v < 6; v++) vir[v] = vir[v]! + w * vg[6 * k + v]! * QQR2E;
      const pre = 2 * ug[k]! * QQR2E;
      const kxv = pre * kc[3 * k]!, kyv = pre * kc[3 * k + 1]!, kzv = pre * kc[3 * k + 2]!;
      for (let i = 0; i < n; i++) {
        const fk = ciA[i]! * sr - crA[i]! * si;
        fxA[i] = fxA[i]! + fk * kxv;
        fyA[i] = fyA[i]! + fk * kyv;
        fzA[i] = fzA[i]! + fk * kzv;
      }
    }
    for (let i = 0; i < n; i++) {
      f[3 * i] = f[3 * i]! + fxA[i]!;
      f[3 * i + 1] = f[3 * i + 1]! + fyA[i]!;
      f[3 * i + 2] = f[3 * i + 2]! + fzA[i]!;
    }
    const g = this.gEwald;
    energy -= (g * this.qsqsum) / Math.sqrt(Math.PI) + (Math.PI * this.qsum * this.qsum) / (2 * g * g * this.volume);
    return energy * QQR2E;
  }
}
