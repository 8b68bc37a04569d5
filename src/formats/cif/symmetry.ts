/**
 * Symmetry operations in CIF's xyz notation ("-x+1/2, y, z-1/4", "x-y,x,z+1/6", "1/2+X") and
 * their application to fractional coordinates with removal of duplicates under periodicity.
 */

/** A symmetry operation: x' = R·x + t on fractional coordinates (R row-major 3×3). */
export interface SymOp {
  rotation: number[];
  translation: number[];
}

const AXIS: Record<string, number> = { x: 0, y: 1, z: 2 };

/** Parses one component such as "-x+y+1/3"; returns undefined on anything unexpected. */
function parseComponent(expr: string): { row: number[]; t: number } | undefined {
  const s = expr.replace(/\s+/g, '').toLowerCase();
  if (s === '') return undefined;
  const row = [0, 0, 0];
  let t = 0;
  const term = /([+-]?)(\d*\.?\d*(?:\/\d*\.?\d+)?)(\*?)([xyz]?)/y;
  let p = 0;
  while (p < s.length) {
    term.lastIndex = p;
    const m = term.exec(s);
    if (!m || m[0] === '' || (m[0] === '+' || m[0] === '-')) return undefined;
    const sign = m[1] === '-' ? -1 : 1;
    const numText = m[2]!;
    const axis = m[4]!;
    let num = 1;
    if (numText !== '') {
      const [a, b] = numText.split('/');
      num = b === undefined ? Number(a) : Number(a) / Number(b);
      if (!Number.isFinite(num)) return undefined;
    }
    if (axis) row[AXIS[axis]!]! += sign * num;
    else if (numText !== '') t += sign * num;
    else return undefined;
    if (m[3] && !axis) return undefined;
    p = term.lastIndex;
  }
  return { row, t };
}

/** Parses "x,y,z"-style text; undefined if it is not a valid operation. */
export function parseSymOp(text: string): SymOp | undefined {
  const parts = text.replace(/^['"]|['"]$/g, '').split(',');
  if (parts.length !== 3) return undefined;
  const rotation: number[] = [];
  const translation: number[] = [];
  for (const part of parts) {
    const c = parseComponent(part);
    if (!c) return undefined;
    rotation.push(...c.row);
    translation.push(c.t);
  }
  return { rotation, translation };
}

/** Wraps a fractional coordinate into [0, 1), mapping values within 1e-12 of 1 to 0. */
export function wrapFrac(u: number): number {
  let w = u - Math.floor(u);
  if (w >= 1 - 1e-12) w = 0;
  return w;
}

/** True if fractional points a and b coincide within `tol` per axis, modulo lattice translations. */
export function samePeriodic(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): boolean {
  for (let k = 0; k < 3; k++) {
    const d = a[k]! - b[k]!;
    if (Math.abs(d - Math.round(d)) >= tol) return false;
  }
  return true;
}

/**
 * The orbit of one fractional position under the operations: images wrapped into [0, 1),
 * duplicates within `tol` (fractional, per axis, periodic; pymatgen's CifParser uses 1e-4)
 * removed, first occurrence kept.
 */
export function orbit(frac: readonly number[], ops: readonly SymOp[], tol = 1e-4): number[][] {
  const out: number[][] = [];
  for (const op of ops) {
    const R = op.rotation;
    const img = [0, 1, 2].map((i) =>
      wrapFrac(R[3 * i]! * frac[0]! + R[3 * i + 1]! * frac[1]! + R[3 * i + 2]! * frac[2]! + op.translation[i]!),
    );
    if (!out.some((p) => samePeriodic(p, img, tol))) out.push(img);
  }
  return out;
}

export const IDENTITY: SymOp = { rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1], translation: [0, 0, 0] };
