/**
 * CP2K `*-1.cell` files (MOTION/PRINT/CELL): one line per step, "Step Time[fs] Ax Ay Az Bx By
 * Bz Cx Cy Cz Volume" in Å; `#` lines are comments. Gives the cells for a CP2K xyz trajectory.
 */
import { InputError } from '../../core/errors.js';
import { decodeText } from '../text.js';
import type { Cell } from '../../atoms/structure.js';
import { isValidCell } from '../../atoms/lattice.js';
import { LineCursor, cellFrom9, num, tokens } from './common.js';

export interface Cp2kCellRow {
  step: number;
  timeFs: number;
  cell: Cell;
}

export function readCp2kCell(bytes: Uint8Array, file: string): Cp2kCellRow[] {
  const cur = new LineCursor(decodeText(bytes));
  const rows: Cp2kCellRow[] = [];
  for (let l = cur.next(); l !== undefined; l = cur.next()) {
    const body = l.replace(/#.*/, '').trim();
    if (body === '') continue;
    const t = tokens(body);
    if (t.length < 11) throw new InputError(file, cur.line, `cell line has ${t.length} numbers; expected Step Time Ax Ay Az Bx By Bz Cx Cy Cz [Volume]`);
    const v = t.slice(0, 11).map((x, i) => num(x, file, cur.line, `column ${i + 1}`));
    const cell = cellFrom9(v.slice(2));
    if (!isValidCell(cell)) throw new InputError(file, cur.line, 'cell has zero volume');
    rows.push({ step: v[0]!, timeFs: v[1]!, cell });
  }
  if (rows.length === 0) throw new InputError(file, 1, 'no cell lines; expected a CP2K .cell file');
  return rows;
}
