import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';

const eis = (...p: string[]) => sharedData('eis', ...p);
const dir = mkdtempSync(join(tmpdir(), 'superionic-inspect-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('superionic inspect', () => {
  it('--json for one file gives one document with the contract keys', async () => {
    const f = eis('impedance.py', 'exampleDataBioLogic.mpt');
    const r = await runCli(['inspect', f, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = r.json();
    expect(Object.keys(doc).slice(0, 5)).toEqual(['file', 'format', 'kind', 'points', 'columns']);
    expect(doc).toMatchObject({ file: f, format: 'biologic-mpt', kind: 'impedance', points: 43 });
    expect(doc.columns).toEqual(['frequency/Hz', "Z'/Ohm", "Z''/Ohm"]);
    expect(doc.frequencyRangeHz).toEqual([0.01689554, 1000.3201]);
  });

  it('--json for several files gives an array in order, whatever the extension', async () => {
    const copy = write('renamed.dat', readFileSync(eis('impedance.py', 'exampleDataGamry.DTA')));
    const files = [eis('impedance.py', 'Circuit1_EIS_1.z'), copy, eis('pyDRTtools', 'LIB_data.txt')];
    const r = await runCli(['inspect', '--json', ...files]);
    expect(r.code).toBe(0);
    const docs = r.json() as { file: string; format: string; points: number }[];
    expect(docs.map((d) => [d.file, d.format, d.points])).toEqual([
      [files[0], 'zplot', 48],
      [files[1], 'gamry-dta', 72],
      [files[2], 'csv', 107],
    ]);
  });

  it('prints a short key/value table without --json', async () => {
    const r = await runCli(['inspect', eis('impedance.py', 'exampleDataParstat.txt')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^format\s+parstat \(Parstat/);
    expect(lines).toContainEqual(expect.stringMatching(/^kind\s+impedance$/));
    expect(lines).toContainEqual(expect.stringMatching(/^points\s+31$/));
  });

  it('in an array, a bad file gives {file, error}, the others still print, exit 1', async () => {
    const bad = write('bad.csv', 'f,Zre,Zim\n1,2,x\n');
    const good = eis('impedance.py', 'exampleData.csv');
    const r = await runCli(['inspect', '--json', good, bad]);
    expect(r.code).toBe(1);
    const docs = r.json() as { file: string; error?: string; points?: number }[];
    expect(docs[0]!.points).toBe(66);
    expect(docs[1]).toEqual({ file: bad, error: `${bad}:2: column "Zim" is "x"; expected a number` });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists the recognised formats in --help', async () => {
    const r = await runCli(['inspect', '--help']);
    expect(r.code).toBe(0);
    for (const id of ['biologic-mpt', 'biologic-mpr', 'gamry-dta', 'zplot', 'versastudio', 'csv']) expect(r.stdout).toContain(id);
  });
});

describe('malformed input: exit 1, one stderr line, nothing on stdout', () => {
  const mpt = readFileSync(eis('impedance.py', 'exampleDataBioLogic.mpt'));
  const cases: [string, () => string, RegExp][] = [
    ['empty file', () => write('empty.csv', ''), /empty\.csv: the file is empty$/],
    ['binary garbage', () => write('garbage.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /garbage\.bin: not a recognised .*file format/],
    ['truncated file (cut inside a row)', () => write('cut.mpt', mpt.subarray(0, mpt.length - 100)), /cut\.mpt:\d+: row has \d+ fields; expected 18/],
    ['text in a number column', () => write('text.csv', 'frequency_Hz,real_Ohm,imag_Ohm\n10,1,-1\n1,abc,-2\n'), /text\.csv:3: column "real_Ohm" is "abc"; expected a number$/],
    ['NaN', () => write('nan.csv', 'frequency_Hz,real_Ohm,imag_Ohm\n10,NaN,-1\n'), /nan\.csv:2: column "real_Ohm" is NaN; expected a finite number$/],
    ['a missing column', () => write('missing.csv', 'frequency_Hz,real_Ohm,other\n10,1,-1\n'), /missing\.csv:1: header has no Z'' .*column/],
    ['a missing freq/Hz column (BioLogic)', () => eis('impedance.py', 'exampleDataBioLogic_MissingFreq.mpt'), /MissingFreq\.mpt:61: no "freq\/Hz" column/],
    ['a directory', () => dir, /: is a folder; expected a file$/],
    ['a missing file', () => join(dir, 'nope.csv'), /nope\.csv: no such file$/],
  ];
  for (const [name, make, message] of cases) {
    for (const args of [['inspect'], ['inspect', '--json']]) {
      it(`${name} (${args.join(' ')})`, async () => {
        const file = make();
        const r = await runCli([...args, file]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n').filter((l) => l !== '');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^superionic: error: /);
        expect(lines[0]).toMatch(message);
        expect(lines[0]).toContain(file);
      });
    }
  }
});
