/** Small 3×3 helpers for cells (rows are lattice vectors, Å). */
import type { Cell } from '../atoms/structure.js';

/** Inverse of a 3×3 matrix given as rows; its columns are the reciprocal vectors (no 2π), Å⁻¹. */
export function inverseCell(m: Cell): number[][] {
  const [a, b, c] = m;
  const det = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
  if (!(Math.abs(det) > 0)) throw new RangeError('singular cell (zero volume)');
  return [
    [(b[1] * c[2] - b[2] * c[1]) / det, (a[2] * c[1] - a[1] * c[2]) / det, (a[1] * b[2] - a[2] * b[1]) / det],
    [(b[2] * c[0] - b[0] * c[2]) / det, (a[0] * c[2] - a[2] * c[0]) / det, (a[2] * b[0] - a[0] * b[2]) / det],
    [(b[0] * c[1] - b[1] * c[0]) / det, (a[1] * c[0] - a[0] * c[1]) / det, (a[0] * b[1] - a[1] * b[0]) / det],
  ];
}

export function cellLengths(m: Cell): [number, number, number] {
  return [Math.hypot(...m[0]), Math.hypot(...m[1]), Math.hypot(...m[2])];
}

/** α (b,c), β (a,c), γ (a,b) in degrees. */
export function cellAngles(m: Cell): [number, number, number] {
  const ang = (u: readonly number[], v: readonly number[]) =>
    (Math.acos(Math.max(-1, Math.min(1, (u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / (Math.hypot(u[0]!, u[1]!, u[2]!) * Math.hypot(v[0]!, v[1]!, v[2]!))))) * 180) /
    Math.PI;
  return [ang(m[1], m[2]), ang(m[0], m[2]), ang(m[0], m[1])];
}

/** Fractional coordinates (n×3) of Cartesian positions in a cell. */
export function fractional(positions: Float64Array, cell: Cell): Float64Array {
  const inv = inverseCell(cell);
  const n = positions.length / 3;
  const out = new Float64Array(positions.length);
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    for (let j = 0; j < 3; j++) out[3 * i + j] = x * inv[0]![j]! + y * inv[1]![j]! + z * inv[2]![j]!;
  }
  return out;
}
