/**
 * Test-only reader of the shared extended-XYZ trajectory (species + Cartesian columns, cubic
 * Lattice), so the dynamics tests do not depend on the format layer.
 */
import { readFileSync } from 'node:fs';
import type { Trajectory, Frame } from '../../src/atoms/trajectory.js';
import type { Cell } from '../../src/atoms/structure.js';
import { atomicNumber } from '../../src/core/elements.js';

export function readExtxyzLite(path: string): Trajectory {
  const lines = readFileSync(path, 'utf8').split('\n');
  const frames: Frame[] = [];
  let numbers: Uint8Array | undefined;
  let i = 0;
  while (i < lines.length && lines[i]!.trim() !== '') {
    const n = Number(lines[i]);
    const lat = /Lattice="([^"]+)"/.exec(lines[i + 1]!)![1]!.trim().split(/\s+/).map(Number);
    const cell: Cell = [
      [lat[0]!, lat[1]!, lat[2]!],
      [lat[3]!, lat[4]!, lat[5]!],
      [lat[6]!, lat[7]!, lat[8]!],
    ];
    const pos = new Float64Array(3 * n);
    const nums = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const f = lines[i + 2 + k]!.trim().split(/\s+/);
      nums[k] = atomicNumber(f[0]!)!;
      pos[3 * k] = Number(f[1]);
      pos[3 * k + 1] = Number(f[2]);
      pos[3 * k + 2] = Number(f[3]);
    }
    numbers ??= nums;
    frames.push({ positions: pos, cell });
    i += n + 2;
  }
  return {
    structure: { cell: frames[0]!.cell, numbers: numbers!, positions: frames[0]!.positions, pbc: [true, true, true] },
    frameCount: frames.length,
    frames: () => frames,
  };
}
