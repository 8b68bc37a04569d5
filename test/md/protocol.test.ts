/** parseProtocol: a valid document and the fields it must refuse rather than silently change. */
import { describe, expect, it } from 'vitest';
import { parseProtocol, stageSteps } from '../../src/md/protocol.js';
import { InputError } from '../../src/core/errors.js';

const doc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    structure: 's.data', potential: 'p.json', timestepFs: 2, seed: 42, thermoEverySteps: 10, checkpointEverySteps: 100,
    stages: [{ name: 'melt', ensemble: 'nvt', temperatureK: [1200, 600], durationPs: 1 }, { ensemble: 'nve', durationPs: 0.5 }],
    ...extra,
  });

describe('parseProtocol', () => {
  it('reads stages, defaults and step counts', () => {
    const p = parseProtocol(doc(), 'proto.json');
    expect(p.seed).toBe(42);
    expect(p.stages[0]!.temperatureK).toEqual([1200, 600]);
    expect(p.stages[0]!.thermostat).toBe('csvr');
    expect(p.stages[1]!.name).toBe('stage2');
    expect(stageSteps(p)).toEqual([500, 250]);
  });

  it('refuses a seed or step count it would otherwise replace', () => {
    const bad = (extra: Record<string, unknown>, field: RegExp) => {
      expect(() => parseProtocol(doc(extra), 'proto.json')).toThrow(InputError);
      expect(() => parseProtocol(doc(extra), 'proto.json')).toThrow(field);
    };
    bad({ seed: '42' }, /seed.*whole number/);
    bad({ seed: 4.2 }, /seed/);
    bad({ thermoEverySteps: 0.3 }, /thermoEverySteps.*≥ 1/);
    bad({ checkpointEverySteps: 0 }, /checkpointEverySteps/);
    bad({ minimize: { maxSteps: -5 } }, /minimize\.maxSteps/);
  });
});
