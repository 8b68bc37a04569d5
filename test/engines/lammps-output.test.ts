import { describe, expect, it } from 'vitest';
import { parseDump, parseLog } from '../../src/engines/lammps/output.js';
import { lammpsCommand } from '../../src/engines/lammps/run.js';
import { InputError } from '../../src/core/errors.js';

const log = `LAMMPS (29 Sep 2021 - Update 2)
Step Time Temp PotEng
       0 0 1000 -530.5
WARNING: Bond/angle/dihedral extent > half of periodic box length (src/domain.cpp:936)
      10 0.02 701.8 -524.6
Loop time of 0.3 on 1 procs for 10 steps with 144 atoms
Step Time Temp PotEng
      10 0.02 701.8 -524.6
      20 0.04 453.8 -519.0
Loop time of 0.2 on 1 procs for 10 steps with 144 atoms
`;

describe('LAMMPS log and dump readers', () => {
  it('reads every thermo block and skips interleaved warnings', () => {
    const b = parseLog(log);
    expect(b).toHaveLength(2);
    expect(b[0]!.columns).toEqual(['Step', 'Time', 'Temp', 'PotEng']);
    expect(b[0]!.rows).toEqual([[0, 0, 1000, -530.5], [10, 0.02, 701.8, -524.6]]);
    expect(b[1]!.rows[1]).toEqual([20, 0.04, 453.8, -519.0]);
  });

  it('turns a LAMMPS ERROR into one InputError line', () => {
    expect(() => parseLog(log + 'ERROR: Lost atoms: original 144 current 143 (src/thermo.cpp:481)\n')).toThrow(InputError);
  });

  it('reads dump frames sorted by id', () => {
    const dump = `ITEM: TIMESTEP
20
ITEM: NUMBER OF ATOMS
2
ITEM: BOX BOUNDS pp pp pp
0 10
0 10
0 10
ITEM: ATOMS id type xu yu zu
2 1 4 5 6
1 2 1 2 3
`;
    const [f] = parseDump(dump);
    expect(f!.step).toBe(20);
    expect(Array.from(f!.data.xu!)).toEqual([1, 4]);
    expect(Array.from(f!.data.type!)).toEqual([2, 1]);
  });

  it('a truncated dump or an id out of range is one InputError naming the line', () => {
    const head = 'ITEM: TIMESTEP\n20\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type xu yu zu\n';
    expect(() => parseDump(head + '2 1 4 5 6\n', 'cut.dump')).toThrow(/ends after 1 of 2 atoms/);
    expect(() => parseDump(head + '2 1 4 5 6\n', 'cut.dump')).toThrow(InputError);
    expect(() => parseDump(head + '2 1 4 5 6\n3 2 1 2 3\n', 'bad.dump')).toThrow(/atom id 3 outside 1…2/);
  });

  it('builds mpirun command lines for several ranks', () => {
    expect(lammpsCommand({ executable: 'lmp' }, 'in.lmp')).toEqual({ cmd: 'lmp', args: ['-in', 'in.lmp', '-log', 'log.lammps', '-echo', 'none'] });
    const c = lammpsCommand({ executable: 'lmp', ranks: 2 }, 'in.lmp');
    expect(c.cmd).toBe('mpirun');
    expect(c.args).toContain('-np');
    expect(c.args[c.args.indexOf('-np') + 1]).toBe('2');
  });
});
