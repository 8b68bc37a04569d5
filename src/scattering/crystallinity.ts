/**
 * Is a periodic cell a crystal (Bragg pattern meaningful) or a glass/liquid snapshot (use the
 * Debye route)? Small cells (≤ 64 atoms) are taken as crystals. Larger ones count as crystals
 * when the structure maps onto itself, within `tol` Å, under a pure translation inside the cell
 * (a supercell or a centred cell) or under an inversion — symmetries nearly every crystal with
 * many atoms per cell has and a random or melt-quenched cell never has. Rotation-only symmetries
 * are not searched, so a large non-centrosymmetric primitive crystal needs `--method bragg`.
 */
import type { Structure } from '../atoms/structure.js';
import { toFractional } from '../atoms/lattice.js';

/** Maps every atom (fractional, same species) onto one of the structure's atoms? */
function mapsOntoItself(
  frac: Float64Array,
  numbers: Uint8Array,
  op: (x: number, y: number, z: number, out: number[]) => void,
  grid: Map<number, number[]>,
  gridN: number,
  tolFrac: readonly number[],
): boolean {
  const p = [0, 0, 0];
  const n = numbers.length;
  for (let i = 0; i < n; i++) {
    op(frac[3 * i]!, frac[3 * i + 1]!, frac[3 * i + 2]!, p);
    const u = p.map((v) => v - Math.floor(v));
    const cx = Math.floor(u[0]! * gridN);
    const cy = Math.floor(u[1]! * gridN);
    const cz = Math.floor(u[2]! * gridN);
    let found = false;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (let dz = -1; dz <= 1 && !found; dz++) {
          const key = (((cx + dx + gridN) % gridN) * gridN + ((cy + dy + gridN) % gridN)) * gridN + ((cz + dz + gridN) % gridN);
          for (const j of grid.get(key) ?? []) {
            if (numbers[j] !== numbers[i]) continue;
            let ok = true;
            for (let k = 0; k < 3 && ok; k++) {
              const d = u[k]! - frac[3 * j + k]!;
              if (Math.abs(d - Math.round(d)) > tolFrac[k]!) ok = false;
            }
            if (ok) {
              found = true;
              break;
            }
          }
        }
      }
    }
    if (!found) return false;
  }
  return true;
}

export function looksCrystalline(s: Structure, tol = 0.1): boolean {
  const n = s.numbers.length;
  if (n <= 64) return true;
  const raw = toFractional(s.cell, s.positions);
  const frac = raw.map((v) => v - Math.floor(v));
  const lengths = s.cell.map((v) => Math.hypot(...v));
  const tolFrac = lengths.map((l) => tol / l);
  const gridN = Math.max(1, Math.min(64, Math.floor(Math.cbrt(n / 2))));
  const grid = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key =
      (Math.min(gridN - 1, Math.floor(frac[3 * i]! * gridN)) * gridN + Math.min(gridN - 1, Math.floor(frac[3 * i + 1]! * gridN))) * gridN +
      Math.min(gridN - 1, Math.floor(frac[3 * i + 2]! * gridN));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  }
  // Candidates from the rarest species: atom 0 of it must land on another atom of it.
  const counts = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = counts.get(s.numbers[i]!);
    if (list) list.push(i);
    else counts.set(s.numbers[i]!, [i]);
  }
  const rare = [...counts.values()].sort((a, b) => a.length - b.length)[0]!;
  const i0 = rare[0]!;
  const x0 = [frac[3 * i0]!, frac[3 * i0 + 1]!, frac[3 * i0 + 2]!];
  for (const j of rare) {
    const xj = [frac[3 * j]!, frac[3 * j + 1]!, frac[3 * j + 2]!];
    // Inversion through the midpoint of atoms i0 and j: x → x0 + xj − x.
    const s0 = x0[0]! + xj[0]!, s1 = x0[1]! + xj[1]!, s2 = x0[2]! + xj[2]!;
    if (mapsOntoItself(frac, s.numbers, (x, y, z, o) => ((o[0] = s0 - x), (o[1] = s1 - y), (o[2] = s2 - z)), grid, gridN, tolFrac)) return true;
    if (j === i0) continue;
    // Translation by xj − x0.
    const t0 = xj[0]! - x0[0]!, t1 = xj[1]! - x0[1]!, t2 = xj[2]! - x0[2]!;
    if (mapsOntoItself(frac, s.numbers, (x, y, z, o) => ((o[0] = x + t0), (o[1] = y + t1), (o[2] = z + t2)), grid, gridN, tolFrac)) return true;
  }
  return false;
}
