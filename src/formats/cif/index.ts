/**
 * CIF 1.1 (Crystallographic Information File) as a structure format: recognised by a `data_`
 * block header together with `_cell_length_` or `_atom_site_` tags; the first data block that
 * lists atom sites is read (see structure.ts for what is accepted).
 */
import { InputError } from '../../core/errors.js';
import { cellVolume, type Structure } from '../../atoms/structure.js';
import { cellFormula } from '../../atoms/composition.js';
import { decodeText } from '../text.js';
import type { FileFormat } from '../types.js';
import { parseCif } from './parse.js';
import { blockToStructure, hasAtomSites } from './structure.js';

export { parseCif, findItem, findLoop, cifNumber, cifUncertainty, type CifBlock, type CifLoop } from './parse.js';
export { blockToStructure, elementOf } from './structure.js';
export { parseSymOp, orbit, type SymOp } from './symmetry.js';
export { writeCif } from './write.js';

/** Reads the first data block with atom sites of a CIF text. */
export function readCif(bytes: Uint8Array, file: string): Structure {
  const blocks = parseCif(decodeText(bytes), file);
  const block = blocks.find(hasAtomSites);
  if (!block) throw new InputError(file, blocks[0]!.line, 'no data block lists atom sites; expected an _atom_site_fract_x/y/z loop');
  return blockToStructure(block, file);
}

export const cifFormat: FileFormat<Structure> = {
  id: 'cif',
  name: 'Crystallographic Information File (CIF 1.1)',
  kind: 'structure',
  sniff(head) {
    if (head.binary) return 0;
    const hasData = /^\s*data_\S*/im.test(head.text);
    if (!hasData) return 0;
    return /^\s*_(cell_length_|atom_site_|symmetry_|space_group)/im.test(head.text) ? 95 : 40;
  },
  read: readCif,
  summarize(s) {
    return {
      atoms: s.numbers.length,
      frames: 1,
      formula: cellFormula(s.numbers),
      volume: cellVolume(s.cell),
    };
  },
};
