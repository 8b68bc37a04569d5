/**
 * Lattice arithmetic on a Structure's cell (rows = lattice vectors a, b, c in Å): inverse,
 * fractional ↔ Cartesian, perpendicular widths (the distance between opposite faces, which
 * bounds the minimum-image radius), cells from lengths and angles, and wrapping.
 */
import type { Cell } from './structure.js';

/** Signed triple product a·(b×c) in Å^3. */
export function cellDeterminant(cell: Cell): number {
  const [a, b, c] = cell;
  return a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
}

/** True if every lattice vector has a non-zero, finite length and the cell has volume. */
export function isValidCell(cell: Cell): boolean {
  const v = Math.abs(cellDeterminant(cell));
  return Number.isFinite(v) && v > 1e-9;
}

/**
 * Inverse of the cell matrix (row-major 9 numbers): fractional s = r · inv, where r is a
 * Cartesian row vector (since r = s · cell).
 */
export function cellInverse(cell: Cell): Float64Array {
  const [a, b, c] = cell;
  const det = cellDeterminant(cell);
  const inv = new Float64Array(9);
  inv[0] = (b[1] * c[2] - b[2] * c[1]) / det;
  inv[1] = (a[2] * c[1] - a[1] * c[2]) / det;
  inv[2] = (a[1] * b[2] - a[2] * b[1]) / det;
  inv[3] = (b[2] * c[0] - b[0] * c[2]) / det;
  inv[4] = (a[0] * c[2] - a[2] * c[0]) / det;
  inv[5] = (a[2] * b[0] - a[0] * b[2]) / det;
  inv[6] = (b[0] * c[1] - b[1] * c[0]) / det;
  inv[7] = (a[1] * c[0] - a[0] * c[1]) / det;
  inv[8] = (a[0] * b[1] - a[1] * b[0]) / det;
  return inv;
}

/** Fractional coordinates (n×3) of Cartesian positions (n×3, Å). */
export function toFractional(cell: Cell, positions: Float64Array, out = new Float64Array(positions.length)): Float64Array {
  const m = cellInverse(cell);
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    out[i] = x * m[0]! + y * m[3]! + z * m[6]!;
    out[i + 1] = x * m[1]! + y * m[4]! + z * m[7]!;
    out[i + 2] = x * m[2]! + y * m[5]! + z * m[8]!;
  }
  return out;
}

/** Cartesian positions (Å) of fractional coordinates. */
export function toCartesian(cell: Cell, fractional: Float64Array, out = new Float64Array(fractional.length)): Float64Array {
  const [a, b, c] = cell;
  for (let i = 0; i < fractional.length; i += 3) {
    const u = fractional[i]!, v = fractional[i + 1]!, w = fractional[i + 2]!;
    out[i] = u * a[0] + v * b[0] + w * c[0];
    out[i + 1] = u * a[1] + v * b[1] + w * c[1];
    out[i + 2] = u * a[2] + v * b[2] + w * c[2];
  }
  return out;
}

/** Distances (Å) between opposite faces: w_a = V/|b×c|, w_b = V/|c×a|, w_c = V/|a×b|. */
export function perpendicularWidths(cell: Cell): [number, number, number] {
  const [a, b, c] = cell;
  const v = Math.abs(cellDeterminant(cell));
  const norm = (p: readonly number[], q: readonly number[]): number =>
    Math.hypot(p[1]! * q[2]! - p[2]! * q[1]!, p[2]! * q[0]! - p[0]! * q[2]!, p[0]! * q[1]! - p[1]! * q[0]!);
  return [v / norm(b, c), v / norm(c, a), v / norm(a, b)];
}

/** True if the off-diagonal elements are zero (an orthorhombic box aligned with x, y, z). */
export function isOrthorhombic(cell: Cell): boolean {
  return cell[0][1] === 0 && cell[0][2] === 0 && cell[1][0] === 0 && cell[1][2] === 0 && cell[2][0] === 0 && cell[2][1] === 0;
}

/** The cell from lengths a, b, c (Å) and angles α, β, γ (degrees), a along x, b in the xy plane. */
export function cellFromParameters(a: number, b: number, c: number, alpha: number, beta: number, gamma: number): Cell {
  const d = Math.PI / 180;
  const ca = Math.cos(alpha * d), cb = Math.cos(beta * d), cg = Math.cos(gamma * d);
  const sg = Math.sin(gamma * d);
  const cx = c * cb;
  const cy = (c * (ca - cb * cg)) / sg;
  const cz = Math.sqrt(Math.max(0, c * c - cx * cx - cy * cy));
  const clean = (x: number): number => (Math.abs(x) < 1e-12 * Math.max(a, b, c) ? 0 : x);
  return [
    [a, 0, 0],
    [clean(b * cg), clean(b * sg), 0],
    [clean(cx), clean(cy), clean(cz)],
  ];
}

/** Lengths (Å) and angles (degrees) of a cell. */
export function cellParameters(cell: Cell): { a: number; b: number; c: number; alpha: number; beta: number; gamma: number } {
  const len = (v: readonly number[]): number => Math.hypot(v[0]!, v[1]!, v[2]!);
  const ang = (p: readonly number[], q: readonly number[]): number =>
    (Math.acos(Math.max(-1, Math.min(1, (p[0]! * q[0]! + p[1]! * q[1]! + p[2]! * q[2]!) / (len(p) * len(q))))) * 180) / Math.PI;
  const [a, b, c] = cell;
  return { a: len(a), b: len(b), c: len(c), alpha: ang(b, c), beta: ang(a, c), gamma: ang(a, b) };
}

/** Positions wrapped into the cell (fractional coordinates in [0, 1)) along periodic axes. */
export function wrapPositions(
  cell: Cell,
  positions: Float64Array,
  pbc: readonly [boolean, boolean, boolean] = [true, true, true],
): Float64Array {
  const f = toFractional(cell, positions);
  for (let i = 0; i < f.length; i++) {
    if (!pbc[i % 3]) continue;
    let s = f[i]! - Math.floor(f[i]!);
    if (s >= 1) s = 0;
    f[i] = s;
  }
  return toCartesian(cell, f);
}

/**
 * The shortest periodic image of a displacement d (Å, 3 numbers) in any cell, exactly: the
 * fractional components are rounded (b = d − round(s)·cell, |s_b| ≤ ½), then translations
 * n with |n_k| ≤ ⌊½ + |b|/w_k⌋ are searched (w_k the perpendicular width; the bound follows from
 * projecting v* − b onto the face normals with |v*| ≤ |b|). That is the 27 neighbours in
 * ordinary cells and more in strongly skewed ones, where rounding alone can pick a longer image.
 * Writes into `out` and returns it; `inv` is cellInverse(cell) (pass it in hot loops).
 */
export function minimumImage(
  cell: Cell,
  d: ArrayLike<number>,
  out: Float64Array = new Float64Array(3),
  inv: Float64Array = cellInverse(cell),
  pbc: readonly [boolean, boolean, boolean] = [true, true, true],
): Float64Array {
  const [a, b, c] = cell;
  const x = d[0]!, y = d[1]!, z = d[2]!;
  const u = pbc[0] ? Math.round(x * inv[0]! + y * inv[3]! + z * inv[6]!) : 0;
  const v = pbc[1] ? Math.round(x * inv[1]! + y * inv[4]! + z * inv[7]!) : 0;
  const w = pbc[2] ? Math.round(x * inv[2]! + y * inv[5]! + z * inv[8]!) : 0;
  const bx = x - u * a[0] - v * b[0] - w * c[0];
  const by = y - u * a[1] - v * b[1] - w * c[1];
  const bz = z - u * a[2] - v * b[2] - w * c[2];
  let best = bx * bx + by * by + bz * bz;
  out[0] = bx;
  out[1] = by;
  out[2] = bz;
  const len = Math.sqrt(best);
  // 1/w_k = |column k of inv|.
  const range = (k: number): number =>
    pbc[k] ? Math.floor(0.5 + len * Math.hypot(inv[k]!, inv[3 + k]!, inv[6 + k]!)) : 0;
  const ma = range(0), mb = range(1), mc = range(2);
  for (let i = -ma; i <= ma; i++) {
    for (let j = -mb; j <= mb; j++) {
      for (let k = -mc; k <= mc; k++) {
        if (i === 0 && j === 0 && k === 0) continue;
        const tx = bx + i * a[0] + j * b[0] + k * c[0];
        const ty = by + i * a[1] + j * b[1] + k * c[1];
        const tz = bz + i * a[2] + j * b[2] + k * c[2];
        const t = tx * tx + ty * ty + tz * tz;
        if (t < best) {
          best = t;
          out[0] = tx;
          out[1] = ty;
          out[2] = tz;
        }
      }
    }
  }
  return out;
}
