import { describe, expect, it } from 'vitest';
import { detectFormat, inspectBytes } from '../../src/formats/detect.js';
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
});
