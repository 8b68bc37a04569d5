import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrajectory } from '../../../src/io/trajectory-stream.js';
import { sharedData } from '../../helpers/paths.js';
import { frames, inputError } from './helpers.js';

describe('streaming large trajectories (forced with maxInMemoryBytes: 0)', () => {
  for (const name of ['nhoc_32fu_traj.extxyz', 'nhoc_32fu_traj.lammpstrj']) {
    it(`gives the same frames as the in-memory reader: ${name}`, () => {
      const f = sharedData('structure', name);
      const whole = openTrajectory(f);
      // Odd chunk size: lines straddle every chunk edge.
      const streamed = openTrajectory(f, { maxInMemoryBytes: 0, chunkBytes: 4093 });
      expect(streamed.format).toBe(whole.format);
      expect(streamed.trajectory.frameCount).toBe(200);
      expect(streamed.trajectory.timestepPs).toBe(whole.trajectory.timestepPs);
      const a = frames(whole.trajectory), b = frames(streamed.trajectory);
      expect(b.length).toBe(200);
      for (const k of [0, 1, 77, 199]) {
        expect(Array.from(b[k]!.positions)).toEqual(Array.from(a[k]!.positions));
        expect(b[k]!.cell).toEqual(a[k]!.cell);
        expect(b[k]!.step).toBe(a[k]!.step);
      }
      expect(Array.from(streamed.trajectory.structure.numbers)).toEqual(Array.from(whole.trajectory.structure.numbers));
      // Random access parses one frame only, same numbers.
      for (const t of [whole.trajectory, streamed.trajectory]) {
        expect(Array.from(t.frame!(150).positions)).toEqual(Array.from(a[150]!.positions));
        expect(() => t.frame!(200)).toThrow(RangeError);
      }
    });
  }

  it('random access skips frames it does not need (a bad frame 2 does not stop frame 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const f = join(dir, 't.xyz');
    const ok = (x: number): string => `1\nc\nNa ${x} 0 0\n`;
    writeFileSync(f, ok(0) + '1\nc\nNa 0 zz 0\n' + ok(2));
    for (const limit of [0, undefined]) {
      const t = openTrajectory(f, { maxInMemoryBytes: limit }).trajectory;
      expect(t.frame!(2).positions[0]).toBe(2);
      expect(inputError(() => t.frame!(1)).message).toBe(`${f}:6: y is "zz"; expected a number`);
    }
  });

  it('keeps true line numbers in errors of later frames', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const f = join(dir, 't.xyz');
    writeFileSync(f, '2\nc\nNa 0 0 0\nCl 1 1 1\n\n2\nc\nNa 0 0 0\nCl 1 q 1\n');
    const t = openTrajectory(f, { maxInMemoryBytes: 0 }).trajectory;
    expect(inputError(() => frames(t)).message).toBe(`${f}:9: y is "q"; expected a number`);
  });
});
