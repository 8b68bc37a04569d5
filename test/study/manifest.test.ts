import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { schemaText } from '../../src/study/write-schema.js';
import { parseManifest } from '../../src/study/validate.js';
import { EXAMPLE } from './helpers.js';

const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
function errorOf(o: unknown): InputError {
  try {
    parseManifest(bytes(o), 'study.json');
  } catch (e) {
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('study manifest', () => {
  it('the committed JSON Schema is the one generated from the zod schema', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schemas/study.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(schemaText());
  });

  it('the bundled NHOC study validates', () => {
    const m = parseManifest(readFileSync(EXAMPLE + 'study.json'), 'study.json');
    expect(m.samples.map((s) => s.id)).toEqual(['NHOC', 'NTOC', 'NZOC', 'NaCoO2-A', 'NaCoO2-B', 'gitt-cell']);
    expect(m.measurements.filter((x) => x.provenance?.generated).map((x) => x.technique)).toEqual([...Array(18).fill('eis'), 'cv', 'gitt']);
  });

  it('errors name the field', () => {
    const e1 = errorOf({ name: 'x', samples: [{ id: 'S', pellet: { thicknessCm: -1, diameterCm: 1 } }] });
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.location).toBe('samples[0].pellet.thicknessCm');
    const e2 = errorOf({ name: 'x', analyses: [{ id: 'a', type: 'eis-fit', measurements: ['m1'] }] });
    expect(e2.location).toBe('analyses[0].circuit');
    const e3 = errorOf({ name: 'x', measurements: [{ id: 'm', file: 'a.csv', technique: 'eis', sample: 'nope' }] });
    expect(e3.location).toBe('measurements[0].sample');
    expect(e3.detail).toContain('unknown sample "nope"');
    const e4 = errorOf({ name: 'x', analyses: [{ id: 'a', type: 'no-such-analysis' }] });
    expect(e4.location).toBe('analyses[0].type');
    const e5 = errorOf({ name: 'x', samples: [{ id: 'S', colour: 'red' }] });
    expect(e5.location).toBe('samples[0]');
    expect(e5.detail).toMatch(/colour/);
  });

  it('bad JSON is one clear error', () => {
    expect(() => parseManifest(new TextEncoder().encode('{oops'), 'study.json')).toThrow(/not valid JSON/);
  });
});
