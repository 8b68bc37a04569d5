import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';

const cell = sharedData('structure', 'nhoc_32fu.extxyz');
const traj = sharedData('structure', 'nhoc_32fu_traj.lammpstrj');
const tmp = mkdtempSync(join(tmpdir(), 'superionic-structure-'));

describe('superionic structure (CLI)', () => {
  it('info: contract keys, one document per file as an array', async () => {
    const r = await runCli(['structure', 'info', cell, traj, '--json']);
    expect(r.code).toBe(0);
    const [a, b] = r.json();
    expect(a.atoms).toBe(288);
    expect(a.formula).toBe('Na64Hf32O64Cl128');
    expect(a.cell[0][0]).toBe(19.17883532);
    expect(a.volume.unit).toBe('Å^3');
    expect(a.volume.value).toBeCloseTo(19.17883532 ** 3, 6);
    expect(a.density).toEqual({ value: expect.closeTo(3.0, 3), unit: 'g/cm3' });
    expect(a.frames).toBe(1);
    expect(b.frames).toBe(200);
    expect(b.format).toBe('lammps-dump');
  });

  it('reads CP2K xyz trajectories with --cell (a .cell file or edge lengths)', async () => {
    const xyz = join(tmp, 'run-pos-1.xyz');
    const frame = (i: number, x: number): string => `2\n i = ${i}, time = ${(i * 0.5).toFixed(3)}, E = -1.0\nNa ${x} 0 0\nCl 2.8 0 0\n`;
    writeFileSync(xyz, frame(0, 0) + frame(10, 0.15));
    const cellFile = join(tmp, 'run-1.cell');
    // Cells every 5 steps, positions every 10: frames take the cell of their own step.
    writeFileSync(cellFile, '#   Step   Time [fs]       Ax [Angstrom] Ay Az Bx By Bz Cx Cy Cz Volume\n 0 0.0 8 0 0 0 8 0 0 0 8 512\n 5 2.5 8.5 0 0 0 8.5 0 0 0 8.5 614.125\n 10 5.0 9 0 0 0 9 0 0 0 9 729\n');
    const rdf = (await runCli(['structure', 'rdf', xyz, '--cell', cellFile, '--pairs', 'Na-Cl', '--r-max', '4', '--bin', '0.1', '--frames', '1', '--json'])).json();
    // One Na–Cl pair at 2.65 Å in frame 2 (step 10, 9 Å cube): g = V/(1·1·shell).
    const shell = ((4 * Math.PI) / 3) * (2.7 ** 3 - 2.6 ** 3);
    expect(rdf.pairs['Na-Cl'].g[26]).toBeCloseTo(729 / shell, 9);
    const a = (await runCli(['structure', 'info', xyz, '--cell', cellFile, '--json'])).json();
    expect(a.frames).toBe(2);
    expect(a.timestepPs).toBeCloseTo(0.005, 12);
    expect(a.volume.value).toBeCloseTo(512, 9);
    const b = (await runCli(['structure', 'info', xyz, '--cell', '8 8 8', '--json'])).json();
    expect(b.volume.value).toBeCloseTo(512, 9);
    const none = await runCli(['structure', 'info', xyz, '--json']);
    expect(none.json().volume).toBeUndefined();
  });

  it('rdf: r at bin centres, frames selection, pairs with g and cn', async () => {
    const r = await runCli(['structure', 'rdf', traj, '--pairs', 'Hf-O,Cl-Cl', '--r-max', '6', '--bin', '0.05', '--frames', '0:40:4', '--json']);
    expect(r.code).toBe(0);
    const d = r.json();
    expect(d.frames).toBe(10);
    expect(d.r.length).toBe(120);
    expect(d.r[0]).toBeCloseTo(0.025, 12);
    expect(Object.keys(d.pairs)).toEqual(['Hf-O', 'Cl-Cl']);
    expect(d.pairs['Hf-O'].g.length).toBe(120);
    expect(d.pairs['Hf-O'].cn[Math.round(2.4 / 0.05) - 1]).toBe(2.25);
    expect(d.pairs['Hf-O'].firstPeak).toBeGreaterThan(1.9);
    expect(d.pairs['Hf-O'].firstPeak).toBeLessThan(2.1);
  });

  it('rdf: --out writes the curves as CSV', async () => {
    const out = join(tmp, 'g.csv');
    const r = await runCli(['structure', 'rdf', cell, '--pairs', 'Hf-O', '--r-max', '3', '--bin', '0.1', '-o', out, '--json']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('r_A,g_Hf-O,cn_Hf-O');
    expect(lines.length).toBe(31);
    const row = lines[24]!.split(',').map(Number); // bin [2.3, 2.4)
    expect(row[0]).toBeCloseTo(2.35, 9);
    expect(row[2]).toBeCloseTo(r.json().pairs['Hf-O'].cn[23], 8);
    expect(row[2]).toBe(2.25);
  });

  it('rdf: progress on a terminal only, never under --json', async () => {
    const args = ['structure', 'rdf', traj, '--pairs', 'Hf-O', '--r-max', '3', '--frames', '0:20'];
    expect((await runCli(args, { tty: true })).stderr).toMatch(/100% frame 20\/20/);
    expect((await runCli([...args, '--json'], { tty: true })).stderr).toBe('');
    expect((await runCli(args)).stderr).toBe('');
  });

  it('rdf: default pairs are every element pair, r-max half the cell', async () => {
    const d = (await runCli(['structure', 'rdf', cell, '--json'])).json();
    expect(Object.keys(d.pairs).length).toBe(10);
    expect(d.rMax).toBeCloseTo(9.58, 2);
  });

  it('coordination: truth polyhedra in contract form', async () => {
    const r = await runCli(['structure', 'coordination', cell, '--center', 'Hf', '--ligands', 'O:2.4,Cl:2.9', '--json']);
    expect(r.code).toBe(0);
    const d = r.json();
    expect(d.center).toBe('Hf');
    expect(d.count).toBe(32);
    expect(d.mean).toEqual({ O: 2.25, Cl: 3.75 });
    expect(d.polyhedra.map((p: { label: string; count: number }) => `${p.label}:${p.count}`)).toEqual([
      'HfO2Cl4:15',
      'HfOCl5:7',
      'HfO3Cl3:6',
      'HfO4Cl2:3',
      'HfO5Cl:1',
    ]);
  });

  it('coordination without cutoffs suggests them from g(r) and says so', async () => {
    const r = await runCli(['structure', 'coordination', cell, '--center', 'Hf', '--ligands', 'O,Cl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cutoff Hf–O \d\.\d\d Å \(first minimum of g\(r\)/);
    expect(r.stdout).toMatch(/HfO2Cl4\s+15/);
  });

  it('network: BO/NBO, free Cl, corner/edge sharing', async () => {
    const r = await runCli(['structure', 'network', cell, '--formers', 'Hf', '--ligands', 'O:2.4,Cl:2.9', '--json']);
    expect(r.code).toBe(0);
    const d = r.json();
    expect(d.ligands.O).toEqual({ free: 0, nonBridging: 56, bridging: 8, tricluster: 0 });
    expect(d.ligands.Cl.free).toBe(8);
    expect(d.sharing).toEqual({ corner: 4, edge: 2, face: 0 });
  });

  it('build: deterministic extended XYZ that info reads back', async () => {
    const a = join(tmp, 'a.extxyz'), b = join(tmp, 'b.extxyz');
    const args = ['structure', 'build', '--formula', 'Na2O2(HfCl4)', '--units', '8', '--density', '3', '--seed', '5'];
    expect((await runCli([...args, '-o', a])).code).toBe(0);
    expect((await runCli([...args, '-o', b, '--json'])).json().atoms).toBe(72);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const info = (await runCli(['structure', 'info', a, '--json'])).json();
    expect(info.reducedFormula).toBe('Na2O2HfCl4');
    expect(info.density.value).toBeCloseTo(3, 6);
  });

  it('bad input: one error line with file and line, exit 1', async () => {
    const bad = join(tmp, 'bad.xyz');
    writeFileSync(bad, '2\nLattice="5 0 0 0 5 0 0 0 5"\nNa 0 0 0\nQq 1 1 1\n');
    const r = await runCli(['structure', 'info', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`superionic: error: ${bad}:4: unknown element "Qq"; expected an element symbol such as Na, Hf, O, Cl\n`);
    const dump = join(tmp, 'types.lammpstrj');
    writeFileSync(dump, 'ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n0 5\nITEM: ATOMS id type x y z\n1 1 0 0 0\n');
    const t = await runCli(['structure', 'info', dump]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--types/);
    expect((await runCli(['structure', 'info', dump, '--types', 'Na', '--json'])).json().formula).toBe('Na');
    const mol = join(tmp, 'mol.xyz');
    writeFileSync(mol, '1\nplain\nNa 0 0 0\n');
    const m = await runCli(['structure', 'rdf', mol]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/no periodic cell/);
    expect((await runCli(['structure', 'rdf', mol, '--cell', '10', '--pairs', 'Na-Na', '--json'])).code).toBe(1);
  });

  it('build: LAMMPS data and POSCAR outputs by name, same atoms', async () => {
    const args = ['structure', 'build', '--formula', 'Na2HfO2Cl4', '--units', '4', '--density', '3', '--seed', '2'];
    const data = join(tmp, 'start.data'), poscar = join(tmp, 'POSCAR'), xyz = join(tmp, 'start.extxyz');
    expect((await runCli([...args, '-o', data, '--json'])).json().format).toBe('lammps-data');
    expect((await runCli([...args, '-o', poscar])).code).toBe(0);
    expect((await runCli([...args, '-o', xyz])).code).toBe(0);
    const docs = (await runCli(['structure', 'info', data, poscar, xyz, '--json'])).json();
    expect(docs.map((d: { format: string }) => d.format)).toEqual(['lammps-data', 'poscar', 'xyz']);
    for (const d of docs) {
      expect(d.reducedFormula).toBe('Na2HfO2Cl4');
      expect(d.density.value).toBeCloseTo(3, 6);
    }
  });

  it('build: an impossible packing exits 3 with converged: false and writes nothing', async () => {
    const out = join(tmp, 'dense.extxyz');
    const r = await runCli(['structure', 'build', '--formula', 'NaCl', '--units', '32', '--density', '9', '-o', out, '--json']);
    expect(r.code).toBe(3);
    expect(r.json().converged).toBe(false);
    expect(r.stderr).toMatch(/did not converge: could not separate all atoms/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['structure', 'coordination', cell, '--center', 'Hf', '--ligands', 'O:-1'])).code).toBe(2);
    expect((await runCli(['structure', 'build', '--formula', 'Na2Xy', '--units', '2', '--density', '3', '-o', join(tmp, 'x')])).code).toBe(2);
  });
});
