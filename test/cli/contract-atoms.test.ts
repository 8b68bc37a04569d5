/**
 * CONTRACT §1, §5–8 through the CLI: `inspect`, `structure info|rdf|coordination|network|build`,
 * `xrd`, `pdf`, `diffusion`, `md energy|run|melt-quench`, on the designed-truth NHOC cell of
 * ../shared/data/structure (its truth.json gives the exact polyhedra, bridging counts and D) and
 * the NaCl crystal (pymatgen's XRD lines in the README there).
 */
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';
import {
  expectBadInput, expectBatch, expectNumberArray, expectQuantity, expectUsage, firstXyzFrames, jsonOk, parseOne, scratch, scratchFile,
} from './contract-helpers.js';

const CELL = sharedData('structure', 'nhoc_32fu.extxyz');
const CELL_DATA = sharedData('structure', 'nhoc_32fu.data');
const TRAJ = sharedData('structure', 'nhoc_32fu_traj.extxyz');
const NACL = sharedData('structure', 'nacl_rocksalt.cif');
const SMALL = sharedData('structure', 'nhoc_144.data');
const POTENTIAL = sharedData('potentials', 'nhoc-fm-xtb-v0.json');
const truth = JSON.parse(readFileSync(sharedData('structure', 'nhoc_32fu.truth.json'), 'utf8'));
const LIGANDS = ['--ligands', 'O:2.4,Cl:2.9'];

describe('inspect (CONTRACT §1)', () => {
  const kinds = ['impedance', 'cycling', 'voltammetry', 'structure', 'trajectory', 'pattern', 'spectrum'];
  const files: [string, string, 'points' | 'rows' | 'atoms'][] = [
    [sharedData('eis', 'impedance.py', 'exampleData.csv'), 'impedance', 'points'],
    [sharedData('eis', 'impedance.py', 'exampleDataGamry.DTA'), 'impedance', 'points'],
    [sharedData('cycling', 'biologic', 'cheminfo_test.mpr'), 'cycling', 'rows'],
    [sharedData('cycling', 'biologic', 'ixdat_Pt_poly_cv_CUT.mpt'), 'voltammetry', 'rows'],
    [NACL, 'structure', 'atoms'],
    [CELL_DATA, 'structure', 'atoms'],
    [TRAJ, 'trajectory', 'atoms'],
    [sharedData('xrd', 'MnO_measured_CuKa.xy'), 'pattern', 'points'],
    // three numeric columns (x, y, background): once taken for a VASP 4 POSCAR
    [sharedData('xrd', 'Mn2O3_plus_LiF_measured_CuKa.xy'), 'pattern', 'points'],
  ];

  it('{file, format, kind, rows?, points?, atoms?, frames?, columns?} with the contract’s kinds, in order for several files', async () => {
    const docs = await expectBatch(['inspect'], files.map((f) => f[0]), ['--json']);
    docs.forEach((d, i) => {
      const [file, kind, size] = files[i]!;
      expect(d.file).toBe(file);
      expect(typeof d.format).toBe('string');
      expect(kinds).toContain(d.kind);
      expect(d.kind, file).toBe(kind);
      expect(Number.isInteger(d[size]), `${file}: ${size}`).toBe(true);
      for (const k of ['rows', 'points', 'atoms', 'frames']) if (k in d) expect(Number.isInteger(d[k]), `${file}: ${k}`).toBe(true);
      if ('columns' in d) expect(d.columns.every((c: unknown) => typeof c === 'string'), `${file}: columns`).toBe(true);
    });
    expect(docs[5].atoms).toBe(288);
    expect(docs[6].frames).toBe(200);
  });

  it('POSCAR (as `structure build` writes it) and LAMMPS dump trajectories', async () => {
    const poscar = join(scratch, 'POSCAR');
    expect((await runCli(['structure', 'build', '--formula', 'NaCl', '--units', '32', '--density', '2.1', '-o', poscar])).code).toBe(0);
    const [p, dump] = await jsonOk(['inspect', poscar, sharedData('structure', 'nhoc_32fu_traj.lammpstrj'), '--json']);
    expect(p).toMatchObject({ format: 'poscar', kind: 'structure', atoms: 64 });
    expect(dump).toMatchObject({ kind: 'trajectory', atoms: 288, frames: 200 });
  });

  it('recognises files by content, whatever their extension', async () => {
    const z = join(scratch, 'spectrum-renamed.txt');
    copyFileSync(sharedData('eis', 'impedance.py', 'exampleDataZPlot.z'), z);
    const cif = join(scratch, 'crystal-renamed.dat');
    copyFileSync(NACL, cif);
    const xyz = join(scratch, 'cell-renamed');
    copyFileSync(CELL, xyz);
    const [a, b, c] = await jsonOk(['inspect', z, cif, xyz, '--json']);
    expect([a.kind, b.kind, c.kind]).toEqual(['impedance', 'structure', 'structure']);
    expect(b.format).toBe('cif');
    const info = await jsonOk(['structure', 'info', cif, '--json']);
    expect(info.atoms).toBe(8);
  });

  it('an unrecognised, empty or missing file is exit 1 with one line naming it', async () => {
    const junk = scratchFile('junk.bin', 'lorem ipsum\ndolor sit amet\n');
    await expectBadInput(['inspect', junk, '--json'], junk);
    const empty = scratchFile('empty.csv', '');
    await expectBadInput(['inspect', empty, '--json'], empty);
    await expectBadInput(['inspect', join(scratch, 'absent.mpr'), '--json'], join(scratch, 'absent.mpr'));
  });

  it('with several files, a bad one is reported on stderr, the others still in the array, exit 1', async () => {
    const junk = scratchFile('junk2.txt', 'not a format\n');
    const r = await runCli(['inspect', NACL, junk, CELL, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^superionic: error: ${junk}`));
    const docs = parseOne(r, 'inspect batch with a bad file');
    expect(docs.map((d: any) => d.file)).toEqual([NACL, junk, CELL]);
    expect(docs[0].atoms).toBe(8);
    expect(docs[2].atoms).toBe(288);
  });
});

describe('structure info (CONTRACT §5)', () => {
  it('atoms, formula, cell [[Å]], volume Quantity(Å^3), density Quantity(g/cm3), frames', async () => {
    const d = await jsonOk(['structure', 'info', CELL, '--json']);
    expect(d.atoms).toBe(288);
    expect(typeof d.formula).toBe('string');
    expect(d.cell).toHaveLength(3);
    d.cell.forEach((row: unknown, i: number) => expectNumberArray(row, `cell[${i}]`, 3));
    expect(d.cell[0][0]).toBeCloseTo(truth.box_length_A, 6);
    expectQuantity(d.volume, 'Å^3', 'volume');
    expectQuantity(d.density, 'g/cm3', 'density');
    expect(d.volume.value).toBeCloseTo(truth.volume_A3, 3);
    expect(d.density.value).toBeCloseTo(truth.density_g_cm3, 3);
    expect(d.frames).toBe(1);
  });

  it('several files in order (CIF, LAMMPS data, trajectory); density of rock salt from its CIF', async () => {
    const [nacl, data, traj] = await expectBatch(['structure', 'info'], [NACL, CELL_DATA, TRAJ], ['--json']);
    // 4 NaCl in a 5.64 Å cube: 4·58.443 g/mol / (N_A·(5.64e-8 cm)³)
    expect(nacl.density.value).toBeCloseTo((4 * 58.443) / (6.02214076e23 * 5.64e-8 ** 3), 2);
    expect(data.atoms).toBe(288);
    expect(traj.frames).toBe(200);
  });
});

describe('structure rdf (CONTRACT §5)', () => {
  it('r at bin centres, g and cn per pair; cn is the running integral of g over exact shells', async () => {
    const dr = 0.05;
    const d = await jsonOk(['structure', 'rdf', CELL, '--pairs', 'Hf-O,Hf-Cl', '--r-max', '8', '--bin', String(dr), '--json']);
    expectNumberArray(d.r, 'r', 160);
    d.r.forEach((r: number, k: number) => expect(r).toBeCloseTo((k + 0.5) * dr, 12));
    expect(d.frames).toBe(1);
    expect(Object.keys(d.pairs).sort()).toEqual(['Hf-Cl', 'Hf-O']);
    const V = truth.volume_A3;
    for (const [pair, nB] of [['Hf-O', 64], ['Hf-Cl', 128]] as const) {
      const { g, cn } = d.pairs[pair];
      expectNumberArray(g, `${pair}.g`, 160);
      expectNumberArray(cn, `${pair}.cn`, 160);
      // g_AB = V·n_AB/(N_A·N_B·shell)  ⇒  cn_k = Σ_{j≤k} g_j·N_B·shell_j / V
      let run = 0;
      for (let k = 0; k < g.length; k++) {
        run += (g[k] * nB * (4 * Math.PI / 3) * (((k + 1) * dr) ** 3 - (k * dr) ** 3)) / V;
        expect(cn[k]).toBeCloseTo(run, 6); // g is printed rounded
      }
    }
    // the first coordination shells end at the truth cutoffs: cn there is the exact mean CN
    expect(d.pairs['Hf-O'].cn[Math.round(2.4 / dr) - 1]).toBeCloseTo(truth.structure_truth.mean_cn['Hf-O'], 12);
    expect(d.pairs['Hf-Cl'].cn[Math.round(2.9 / dr) - 1]).toBeCloseTo(truth.structure_truth.mean_cn['Hf-Cl'], 12);
  });

  it('--frames START:STOP:STEP selects trajectory frames; several files → one array', async () => {
    const d = await jsonOk(['structure', 'rdf', TRAJ, '--pairs', 'Hf-O', '--r-max', '6', '--frames', '0:10:2', '--json']);
    expect(d.frames).toBe(5);
    const batch = await expectBatch(['structure', 'rdf'], [CELL, CELL_DATA], ['--pairs', 'Hf-O', '--r-max', '6', '--json']);
    expect(batch[0].pairs['Hf-O'].g).toEqual(batch[1].pairs['Hf-O'].g);
  });

  it('-o writes the curves atomically, one numbered file per input', async () => {
    const out = join(scratch, 'rdf-out', 'g.csv');
    const docs = await jsonOk(['structure', 'rdf', CELL, NACL, '--pairs', 'Na-Cl', '--r-max', '4', '--bin', '0.1', '-o', out, '--json']);
    expect(readdirSync(join(scratch, 'rdf-out')).sort()).toEqual(['g-1.csv', 'g-2.csv']);
    const rows = readFileSync(join(scratch, 'rdf-out', 'g-2.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('r_A,g_Na-Cl,cn_Na-Cl');
    expect(rows).toHaveLength(1 + docs[1].r.length);
    expect(Number(rows.at(-1)!.split(',')[2])).toBeCloseTo(docs[1].pairs['Na-Cl'].cn.at(-1), 6);
  });

  it('usage errors exit 2', async () => {
    await expectUsage(['structure', 'rdf', CELL, '--pairs', 'Hf-Xx']);
    await expectUsage(['structure', 'rdf', CELL, '--frames', 'first:last']);
    await expectUsage(['structure', 'rdf', CELL, '--bin', '0']);
  });
});

describe('structure coordination and network (CONTRACT §5)', () => {
  const st = truth.structure_truth;

  it('coordination: count, mean per ligand, polyhedra labels (centre, then ligands in --ligands order)', async () => {
    const d = await jsonOk(['structure', 'coordination', CELL, '--center', 'Hf', ...LIGANDS, '--json']);
    expect(d.center).toBe('Hf');
    expect(d.count).toBe(32);
    expect(d.mean.O).toBeCloseTo(st.mean_cn['Hf-O'], 12);
    expect(d.mean.Cl).toBeCloseTo(st.mean_cn['Hf-Cl'], 12);
    const found = Object.fromEntries(d.polyhedra.map((p: any) => [p.label, p.count]));
    expect(found).toEqual(st.polyhedra);
    for (const p of d.polyhedra) expect(p.fraction).toBeCloseTo(p.count / 32, 12);
    // the ligand order follows --ligands; 1 has no digit
    const swapped = await jsonOk(['structure', 'coordination', CELL, '--center', 'Hf', '--ligands', 'Cl:2.9,O:2.4', '--json']);
    expect(swapped.polyhedra.map((p: any) => p.label).sort()).toEqual(['HfCl2O4', 'HfCl3O3', 'HfCl4O2', 'HfCl5O', 'HfClO5']);
  });

  it('network: free/nonBridging/bridging/tricluster ligands and corner/edge/face sharing', async () => {
    const d = await jsonOk(['structure', 'network', CELL, '--formers', 'Hf', ...LIGANDS, '--json']);
    expect(d.ligands.O).toMatchObject({ free: 0, nonBridging: 56, bridging: 8, tricluster: 0 });
    expect(d.ligands.Cl).toMatchObject({ free: 8, nonBridging: 120, bridging: 0, tricluster: 0 });
    expect(d.sharing).toMatchObject({ corner: st.polyhedron_pairs_sharing.corner, edge: st.polyhedron_pairs_sharing.edge, face: 0 });
  });

  it('several files → arrays in order; missing required options exit 2; bad input exit 1', async () => {
    await expectBatch(['structure', 'coordination'], [CELL, NACL], ['--center', 'Na', '--ligands', 'Cl:3.0', '--json']);
    await expectBatch(['structure', 'network'], [CELL, CELL_DATA], ['--formers', 'Hf', ...LIGANDS, '--json']);
    await expectUsage(['structure', 'coordination', CELL, ...LIGANDS]);
    await expectUsage(['structure', 'network', CELL, '--formers', 'Hf']);
    const junk = scratchFile('not-a-cell.xyz', '3\ncomment\nHf 0 0\n');
    await expectBadInput(['structure', 'network', junk, '--formers', 'Hf', ...LIGANDS, '--json'], junk);
  });
});

describe('structure build (CONTRACT §5)', () => {
  it('-o writes an extended XYZ cell of the requested density; same seed, same bytes', async () => {
    const out = join(scratch, 'build', 'a.extxyz');
    const args = ['structure', 'build', '--formula', 'Na2HfO2Cl4', '--units', '4', '--density', '3.0', '--seed', '11'];
    const doc = await jsonOk([...args, '-o', out, '--json']);
    expect(doc.atoms).toBe(36);
    const info = await jsonOk(['structure', 'info', out, '--json']);
    expect(info.atoms).toBe(36);
    expect(info.density.value).toBeCloseTo(3.0, 9);
    const again = join(scratch, 'build', 'b.extxyz');
    expect((await runCli([...args, '-o', again])).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(readdirSync(join(scratch, 'build')).sort()).toEqual(['a.extxyz', 'b.extxyz']);
  });

  it('exit 3 when the atoms cannot be separated: JSON with "converged": false, nothing written', async () => {
    const out = join(scratch, 'build', 'dense.extxyz');
    const r = await runCli(['structure', 'build', '--formula', 'Na2HfO2Cl4', '--units', '8', '--density', '6', '--seed', '1', '-o', out, '--json']);
    expect(r.code).toBe(3);
    expect(parseOne(r, 'structure build (dense)').converged).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    await expectUsage(['structure', 'build', '--formula', 'Na2HfO2Cl4', '--units', '4', '--density', '3']); // no -o
    await expectUsage(['structure', 'build', '--formula', 'Xq2', '--units', '4', '--density', '3', '-o', join(scratch, 'x.extxyz')]);
  });
});

describe('xrd (CONTRACT §6)', () => {
  it('NaCl with Cu Kα (1.54184 Å): pymatgen XRDCalculator lines, intensities scaled to 100', async () => {
    const d = await jsonOk(['xrd', NACL, '--json']);
    expectQuantity(d.wavelength, 'Å', 'wavelength');
    expect(d.wavelength.value).toBe(1.54184);
    const byHkl = (h: number[]) => d.peaks.find((p: any) => p.hkl.some((x: number[]) => x.join() === h.join()));
    // ../shared/data/structure/README.md (pymatgen 2022.11)
    for (const [hkl, tt, I] of [[[2, 0, 0], 31.7305, 100], [[2, 2, 0], 45.4877, 65.63], [[1, 1, 1], 27.3897, 8.08], [[2, 2, 2], 56.5236, 21.22]] as const) {
      const p = byHkl([...hkl]);
      expect(p, hkl.join('')).toBeDefined();
      expect(p.twoTheta).toBeCloseTo(tt, 3);
      expect(p.intensity).toBeCloseTo(I, 1);
      expect(p.d).toBeCloseTo(1.54184 / (2 * Math.sin((tt / 2) * (Math.PI / 180))), 4);
    }
    expect(Math.max(...d.peaks.map((p: any) => p.intensity))).toBe(100);
    for (const p of d.peaks) for (const h of p.hkl) expect(h.every((x: number) => Number.isInteger(x)) && h.length === 3).toBe(true);
  });

  it('--wavelength in Å and --two-theta MIN:MAX; several files → one array in order', async () => {
    const d = await jsonOk(['xrd', NACL, '--wavelength', '0.71073', '--two-theta', '10:30', '--json']);
    expect(d.wavelength).toMatchObject({ value: 0.71073, unit: 'Å' });
    expect(d.peaks.length).toBeGreaterThan(0);
    for (const p of d.peaks) expect(p.twoTheta >= 10 && p.twoTheta <= 30).toBe(true);
    await expectBatch(['xrd'], [NACL, sharedData('structure', 'na2hfcl6_k2ptcl6.cif')], ['--json']);
    await expectUsage(['xrd', NACL, '--wavelength', 'blue']);
  });
});

describe('pdf (CONTRACT §6)', () => {
  it('G(r) = 4πrρ0[g_X(r) − 1] in Å^-2: −4πrρ0 below the closest pair; Faber–Ziman weights sum to 1', async () => {
    const d = await jsonOk(['pdf', CELL, '--r-max', '8', '--bin', '0.02', '--json']);
    expectNumberArray(d.r, 'r', 400);
    expectNumberArray(d.G, 'G', 400);
    const rho0 = 288 / truth.volume_A3;
    for (let k = 0; k < d.r.length && d.r[k] < 1.8; k++) expect(d.G[k]).toBeCloseTo(-4 * Math.PI * d.r[k] * rho0, 9);
    const w = Object.values(d.weights) as number[];
    expect(w.every((x) => typeof x === 'number')).toBe(true);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // f(0) = Z: w_HfCl = 2·c_Hf·c_Cl·Z_Hf·Z_Cl / (Σ c Z)²
    const c = { Na: 64 / 288, Hf: 32 / 288, O: 64 / 288, Cl: 128 / 288 };
    const Z = { Na: 11, Hf: 72, O: 8, Cl: 17 };
    const mean = c.Na * Z.Na + c.Hf * Z.Hf + c.O * Z.O + c.Cl * Z.Cl;
    const wHfCl = d.weights['Hf-Cl'] ?? d.weights['Cl-Hf'];
    expect(wHfCl).toBeCloseTo((2 * c.Hf * c.Cl * Z.Hf * Z.Cl) / mean ** 2, 12);
  });

  it('--q-max applies a Lorch-windowed termination; several files → one array', async () => {
    const d = await jsonOk(['pdf', CELL, '--r-max', '8', '--q-max', '20', '--json']);
    expectNumberArray(d.G, 'G', d.r.length);
    await expectBatch(['pdf'], [CELL, NACL], ['--r-max', '5', '--json']);
    await expectUsage(['pdf', CELL, '--r-max', 'far']);
  });
});

describe('diffusion (CONTRACT §7)', () => {
  it('D in cm2/s with stderr, Nernst–Einstein σ in S/cm, MSD time in ps and value in Å^2', async () => {
    // frames 1 ps apart: --timestep-fs 1000; Na random walk with D_true = 6.667e-7 cm²/s
    const d = await jsonOk(['diffusion', TRAJ, '--species', 'Na', '--timestep-fs', '1000', '--temperature', '600', '--json']);
    expect(d.species).toBe('Na');
    expectQuantity(d.diffusionCoefficient, 'cm2/s', 'diffusionCoefficient', { stderr: true });
    expect(d.diffusionCoefficient.value / truth.trajectory.D_true_cm2_per_s).toBeGreaterThan(0.85);
    expect(d.diffusionCoefficient.value / truth.trajectory.D_true_cm2_per_s).toBeLessThan(1.15);
    expectQuantity(d.conductivity, 'S/cm', 'conductivity');
    // σ = N e² D / (V kB T), N = 64 Na in the cell
    const e = 1.602176634e-19;
    const sigma = (64 * e * e * d.diffusionCoefficient.value * 1e-4) / (truth.volume_A3 * 1e-30 * 1.380649e-23 * 600) / 100;
    expect(d.conductivity.value / sigma).toBeCloseTo(1, 6);
    expectNumberArray(d.msd.time, 'msd.time');
    expectNumberArray(d.msd.value, 'msd.value', d.msd.time.length);
    expect(d.msd.time[1] - d.msd.time[0]).toBeCloseTo(1, 12); // ps
    const k = d.msd.time.indexOf(50);
    expect(d.msd.value[k] / (6 * truth.trajectory.D_true_A2_per_ps * 50)).toBeCloseTo(1, 0); // Å²
    const noT = await jsonOk(['diffusion', TRAJ, '--species', 'Na', '--timestep-fs', '1000', '--json']);
    expect(noT.conductivity).toBeUndefined();
  });

  it('several trajectories → one array in order; usage and input errors', async () => {
    const text = readFileSync(TRAJ, 'utf8');
    const a = scratchFile('traj-40.extxyz', firstXyzFrames(text, 40));
    const b = scratchFile('traj-25.extxyz', firstXyzFrames(text, 25));
    const docs = await expectBatch(['diffusion'], [a, b], ['--species', 'Na', '--timestep-fs', '1000', '--json']);
    expect(docs.map((x) => x.msd.time.length)).toEqual([40, 25]);
    await expectUsage(['diffusion', a, '--species', 'Na']);
    await expectUsage(['diffusion', a, '--timestep-fs', '1']);
    const bad = scratchFile('traj-bad.extxyz', '2\nLattice="10 0 0 0 10 0 0 0 10" Properties=species:S:1:pos:R:3\nNa 0 0 0\nNa 1 1\n');
    await expectBadInput(['diffusion', bad, '--species', 'Na', '--timestep-fs', '1', '--json'], bad);
  });
});

describe('md (CONTRACT §8)', () => {
  it('md energy: energy Quantity(eV), forces [[eV/Å]] summing to zero, pressure Quantity(bar); same answer from extxyz and LAMMPS data', async () => {
    const [a, b] = await expectBatch(['md', 'energy'], [CELL, CELL_DATA], ['--potential', POTENTIAL, '--json']);
    expectQuantity(a.energy, 'eV', 'energy');
    expectQuantity(a.pressure, 'bar', 'pressure');
    expect(a.forces).toHaveLength(288);
    a.forces.forEach((f: unknown, i: number) => expectNumberArray(f, `forces[${i}]`, 3));
    for (let x = 0; x < 3; x++) expect(Math.abs(a.forces.reduce((s: number, f: number[]) => s + f[x]!, 0))).toBeLessThan(1e-9);
    expect(b.energy.value).toBeCloseTo(a.energy.value, 9);
  });

  it('md run PROTOCOL --out DIR writes trajectory.extxyz, thermo.csv and final.extxyz', async () => {
    const out = join(scratch, 'md-run');
    const protocol = scratchFile('protocol.json', JSON.stringify({
      structure: SMALL, potential: POTENTIAL, timestepFs: 1, seed: 3, thermoEverySteps: 2,
      stages: [{ name: 'nve', ensemble: 'nve', durationPs: 0.006, trajectoryEveryPs: 0.002 }],
    }));
    const r = await runCli(['md', 'run', protocol, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    parseOne(r, 'md run');
    for (const f of ['trajectory.extxyz', 'thermo.csv', 'final.extxyz']) expect(existsSync(join(out, f)), f).toBe(true);
    const final = await jsonOk(['structure', 'info', join(out, 'final.extxyz'), '--json']);
    expect(final.atoms).toBe(144);
    const traj = await jsonOk(['inspect', join(out, 'trajectory.extxyz'), '--json']);
    expect(traj.frames).toBe(4); // steps 0, 2, 4, 6
  });

  it('md melt-quench builds the protocol from options and writes the same files', async () => {
    const out = join(scratch, 'mq');
    const r = await runCli(['md', 'melt-quench', SMALL, '--potential', POTENTIAL, '--melt-ps', '0.004', '--rate', '100', '--target', '600',
      '--equilibrate-ps', '0.004', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    parseOne(r, 'md melt-quench');
    for (const f of ['trajectory.extxyz', 'thermo.csv', 'final.extxyz']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('usage and input errors', async () => {
    await expectUsage(['md', 'energy', CELL]);
    await expectUsage(['md', 'run']);
    const notJson = scratchFile('protocol-bad.json', '{ "structure": ');
    await expectBadInput(['md', 'run', notJson, '--out', join(scratch, 'md-bad'), '--json'], notJson);
    const badPot = scratchFile('pot-bad.json', '{"charges": {"Na": "one"}}');
    const r = await runCli(['md', 'energy', CELL, '--potential', badPot, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^superionic: error: .*pot-bad\.json/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
