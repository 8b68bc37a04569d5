import { describe, expect, it } from 'vitest';
import { parseCircuit, formatCircuit } from '../../../src/impedance/circuit/parse.js';
import { CircuitModel, parseParameterList } from '../../../src/impedance/circuit/model.js';
import { InputError } from '../../../src/core/errors.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('circuit grammar', () => {
  it('parses series, parallel and nesting, ignoring spaces', () => {
    const t = parseCircuit(' R0 - p(R1, C1) - p(R2-Wo1,C2)');
    expect(formatCircuit(t)).toBe('R0-p(R1,C1)-p(R2-Wo1,C2)');
    expect(t.kind).toBe('series');
    if (t.kind !== 'series') return;
    expect(t.children.map((c) => c.kind)).toEqual(['element', 'parallel', 'parallel']);
  });

  it('names parameters like the contract: one-parameter elements by name, others NAME_i', () => {
    const m = new CircuitModel('R0-p(R1,CPE1)-Wo1-Zarc2-HN3-Ws4-G5-K6-W7-L8');
    expect(m.parameters.map((p) => p.name)).toEqual([
      'R0', 'R1', 'CPE1_0', 'CPE1_1', 'Wo1_0', 'Wo1_1', 'Zarc2_0', 'Zarc2_1', 'Zarc2_2',
      'HN3_0', 'HN3_1', 'HN3_2', 'HN3_3', 'Ws4_0', 'Ws4_1', 'G5_0', 'G5_1', 'K6_0', 'K6_1', 'W7', 'L8',
    ]);
    expect(m.parameters.map((p) => p.type).slice(4, 9)).toEqual(['Wo', 'Wo', 'Zarc', 'Zarc', 'Zarc']);
    expect(m.parameters.find((p) => p.name === 'CPE1_1')!.kind).toBe('exponent');
    expect(m.parameters.find((p) => p.name === 'W7')!.unit).toBe('Ohm s^-1/2');
  });

  it('recognises the longest type prefix and identifiers with letters', () => {
    const m = new CircuitModel('R_bulk-p(Rgb,CPEgb)-Ws1-W2');
    expect(m.parameters.map((p) => `${p.name}:${p.type}`)).toEqual([
      'R_bulk:R', 'Rgb:R', 'CPEgb_0:CPE', 'CPEgb_1:CPE', 'Ws1_0:Ws', 'Ws1_1:Ws', 'W2:W',
    ]);
  });

  it('reports the position of syntax errors', () => {
    expect(errorOf(() => parseCircuit('R0-p(R1,C1'))).toMatch(/unclosed "p\(" at character 4 of "R0-p\(R1,C1"/);
    expect(errorOf(() => parseCircuit('R0-p(R1 C1)'))).toMatch(/^--circuit: .*character/);
    expect(errorOf(() => parseCircuit('R0--R1'))).toMatch(/expected an element .* at character 4/);
    expect(errorOf(() => parseCircuit('R0-'))).toMatch(/circuit ended at character 4/);
    expect(errorOf(() => parseCircuit('R0)'))).toMatch(/unmatched "\)" at character 3/);
    expect(errorOf(() => parseCircuit('p(R1)'))).toMatch(/at least two branches/);
    expect(errorOf(() => parseCircuit(''))).toMatch(/empty circuit/);
  });

  it('rejects unknown types, missing identifiers and duplicate names', () => {
    expect(errorOf(() => parseCircuit('R0-X1'))).toMatch(/unknown element type in "X1" at character 4.*known types: C, CPE/);
    expect(errorOf(() => parseCircuit('R0-p(R,C1)'))).toMatch(/"R" needs an identifier/);
    expect(errorOf(() => parseCircuit('R1-p(R1,C1)'))).toMatch(/duplicate element name "R1"; every element needs its own name at character 6/);
  });

  it('checks parameter lists: unknown, missing, out of range, malformed', () => {
    const m = new CircuitModel('R0-p(R1,CPE1)');
    const ok = m.parameterVector(parseParameterList('R0=10, R1=1e3,CPE1_0=1e-9,CPE1_1=0.9', '--params'), '--params', true);
    expect(Array.from(ok)).toEqual([10, 1e3, 1e-9, 0.9]);
    expect(errorOf(() => m.parameterVector({ R2: 1 }, '--params', false))).toMatch(/unknown parameter "R2".*R0, R1, CPE1_0, CPE1_1/);
    expect(errorOf(() => m.parameterVector({ R0: 1 }, '--params', true))).toMatch(/missing value for R1, CPE1_0, CPE1_1/);
    expect(errorOf(() => m.parameterVector({ CPE1_1: 1.2 }, '--initial', false))).toMatch(/^--initial: CPE1_1 = 1.2 is out of range; expected an exponent in \(0, 1\]/);
    expect(errorOf(() => m.parameterVector({ R0: -3 }, '--params', false))).toMatch(/positive value in Ohm/);
    expect(errorOf(() => parseParameterList('R0=abc', '--params'))).toMatch(/value of R0 is "abc"/);
    expect(errorOf(() => parseParameterList('R0', '--params'))).toMatch(/not NAME=VALUE/);
    expect(errorOf(() => parseParameterList('R0=1,R0=2', '--params'))).toMatch(/given twice/);
  });
});
