import { describe, expect, it } from 'vitest';
import { detectFormat, fileHead, inspectBytes } from '../../src/formats/detect.js';
import { poscarFormat } from '../../src/formats/structure/vasp.js';
import { InputError } from '../../src/core/errors.js';

describe('content detection', () => {
  it('reads UTF-16 LE text exports (BOM) as text', () => {
    const txt = 'freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\n1000\t10\t5\n100\t12\t8\n10\t15\t9\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(txt, 'utf16le')]));
    const info = inspectBytes(bytes, 'export.txt');
    expect(info.kind).toBe('impedance');
    expect(info.points).toBe(3);
  });

  it('names the file when nothing recognises it, and when it is empty', () => {
    expect(() => detectFormat(new Uint8Array([1, 2, 3, 0, 0, 9, 200]), 'blob.bin')).toThrow(/blob\.bin: not a recognised file format/);
    expect(() => detectFormat(new Uint8Array(), 'e.csv')).toThrow(InputError);
    expect(() => detectFormat(new Uint8Array([120]), 'x.txt', ['structure'])).toThrow(/not a recognised structure file format/);
  });

  it('marks the head truncated only when the file goes on past its 64 KiB', () => {
    const text = (n: number) => new Uint8Array(n).fill(0x31); // "111…"
    expect(fileHead(text(65536), 'a.txt').truncated).toBe(false);
    expect(fileHead(text(65537), 'a.txt').truncated).toBe(true);
    expect(fileHead(text(65537), 'a.txt').bytes.length).toBe(65536);
  });
});

describe('POSCAR sniffing is not fooled by numeric tables', () => {
  it('a headerless table of three numbers per row is not a POSCAR', () => {
    // Not a frequency sweep (first column not monotonic), so only the POSCAR sniffer could claim it.
    const rows = Array.from({ length: 12 }, (_, i) => `${((i * 7) % 5 + 0.5).toFixed(3)} ${(i * 0.37).toFixed(4)} ${(-i * 0.21).toFixed(4)}`);
    const bytes = new TextEncoder().encode(rows.join('\n') + '\n');
    expect(poscarFormat.sniff(fileHead(bytes, 'table.txt'))).toBe(0);
    expect(inspectBytes(bytes, 'table.txt').format).not.toBe('poscar');
  });

  it('a real VASP 5 POSCAR still is', () => {
    const poscar = ['NaCl', '1.0', '5.64 0 0', '0 5.64 0', '0 0 5.64', 'Na Cl', '1 1', 'Direct', '0 0 0', '0.5 0.5 0.5', ''].join('\n');
    expect(inspectBytes(new TextEncoder().encode(poscar), 'POSCAR').format).toBe('poscar');
  });
});

describe('a CSV naming time, voltage and current is a cycler record, not an XY pattern', () => {
  it('recognises the demo LSV and GITT exports', () => {
    const text = 'Time (s),Voltage (V),Current (A)\n' + Array.from({ length: 20 }, (_, i) => `${i * 5}.0,${(2.6 + i * 0.005).toFixed(4)},${(1e-7 * (i + 1)).toExponential(6)}`).join('\n') + '\n';
    const info = inspectBytes(new TextEncoder().encode(text), 'lsv.csv');
    expect(info.format).toBe('csv-cycling');
    expect(info.rows).toBe(20);
  });
});
