/**
 * Writes extended XYZ (ASE/QUIP convention): `Lattice="…" Properties=species:S:1:pos:R:3
 * pbc="T T T"`, plus `Time=` (ps) per frame when given. Positions in Å with 8 decimals.
 */
import { elementSymbol } from '../../core/elements.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import type { Frame } from '../../atoms/trajectory.js';

function latticeText(cell: Cell): string {
  return cell.map((r) => r.map((x) => String(x)).join(' ')).join(' ');
}

/** One frame of extended XYZ text. `extra` are additional key=value pairs for the comment. */
export function extxyzFrame(numbers: Uint8Array, frame: Pick<Frame, 'positions' | 'cell' | 'timePs'>, pbc: readonly boolean[], extra: Record<string, string | number> = {}): string {
  const n = numbers.length;
  const periodic = pbc.some(Boolean);
  const parts: string[] = [];
  if (periodic) parts.push(`Lattice="${latticeText(frame.cell)}"`);
  parts.push('Properties=species:S:1:pos:R:3');
  if (periodic) parts.push(`pbc="${pbc.map((p) => (p ? 'T' : 'F')).join(' ')}"`);
  if (frame.timePs !== undefined) parts.push(`Time=${frame.timePs}`);
  for (const [k, v] of Object.entries(extra)) parts.push(typeof v === 'number' ? `${k}=${v}` : `${k}="${v.replace(/"/g, "'")}"`);
  const out: string[] = [String(n), parts.join(' ')];
  const sym = new Map<number, string>();
  const p = frame.positions;
  for (let i = 0; i < n; i++) {
    const z = numbers[i]!;
    let s = sym.get(z);
    if (s === undefined) sym.set(z, (s = z === 0 ? 'X' : elementSymbol(z)));
    out.push(`${s.padEnd(2)} ${p[3 * i]!.toFixed(8).padStart(14)} ${p[3 * i + 1]!.toFixed(8).padStart(14)} ${p[3 * i + 2]!.toFixed(8).padStart(14)}`);
  }
  return out.join('\n') + '\n';
}

/** A structure as extended XYZ text. */
export function writeExtxyz(s: Structure, extra: Record<string, string | number> = {}): string {
  return extxyzFrame(s.numbers, { positions: s.positions, cell: s.cell }, s.pbc, extra);
}
