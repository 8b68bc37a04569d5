import { describe, expect, it } from 'vitest';
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import { ELEMENTS } from '../../../src/impedance/circuit/elements.js';

/** Plain complex arithmetic for closed forms (independent of the kernels). */
type Cx = [number, number];
const add = (a: Cx, b: Cx): Cx => [a[0] + b[0], a[1] + b[1]];
const mul = (a: Cx, b: Cx): Cx => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const div = (a: Cx, b: Cx): Cx => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const cexp = (a: Cx): Cx => [Math.exp(a[0]) * Math.cos(a[1]), Math.exp(a[0]) * Math.sin(a[1])];
const clog = (a: Cx): Cx => [Math.log(Math.hypot(a[0], a[1])), Math.atan2(a[1], a[0])];
const cpow = (a: Cx, x: number): Cx => cexp(mul(clog(a), [x, 0]));
const csqrt = (a: Cx): Cx => cpow(a, 0.5);
// tanh s = (1 − e^(−2s))/(1 + e^(−2s)), finite for Re s > 0 at any |s|
const ctanhRef = (a: Cx): Cx => {
  const e2 = cexp(mul(a, [-2, 0]));
  return div([1 - e2[0], -e2[1]], [1 + e2[0], e2[1]]);
};
const jw = (f: number): Cx => [0, 2 * Math.PI * f];

function z1(circuit: string, params: number[], f: number): Cx {
  const m = new CircuitModel(circuit);
  const re = new Float64Array(1);
  const im = new Float64Array(1);
  m.evaluate(Float64Array.of(f), Float64Array.from(params), re, im);
  return [re[0]!, im[0]!];
}

function expectClose(a: Cx, b: Cx, rtol = 1e-12): void {
  const scale = Math.hypot(b[0], b[1]);
  expect(Math.abs(a[0] - b[0])).toBeLessThanOrEqual(rtol * scale);
  expect(Math.abs(a[1] - b[1])).toBeLessThanOrEqual(rtol * scale);
}

describe('element impedances equal their closed forms', () => {
  const freqs = [1e-3, 0.37, 52, 1e4, 3.3e6];
  it.each(freqs)('at %s Hz', (f) => {
    const w = 2 * Math.PI * f;
    expectClose(z1('R1', [47], f), [47, 0]);
    expectClose(z1('C1', [2e-9], f), [0, -1 / (w * 2e-9)]);
    expectClose(z1('L1', [3e-7], f), [0, w * 3e-7]);
    expectClose(z1('CPE1', [1e-6, 0.83], f), div([1, 0], mul([1e-6, 0], cpow(jw(f), 0.83))));
    expectClose(z1('W1', [120], f), [120 / Math.sqrt(w), -120 / Math.sqrt(w)]);
    const s = csqrt(mul(jw(f), [2.5, 0]));
    expectClose(z1('Ws1', [30, 2.5], f), mul([30, 0], div(ctanhRef(s), s)), 1e-10);
    expectClose(z1('Wo1', [30, 2.5], f), mul([30, 0], div([1, 0], mul(ctanhRef(s), s))), 1e-10);
    expectClose(z1('G1', [80, 1e-3], f), div([80, 0], csqrt(add([1, 0], mul(jw(f), [1e-3, 0])))));
    expectClose(z1('K1', [80, 1e-3], f), div([80, 0], add([1, 0], mul(jw(f), [1e-3, 0]))));
    expectClose(z1('Zarc1', [500, 1e-5, 0.8], f), div([500, 0], add([1, 0], cpow(mul(jw(f), [1e-5, 0]), 0.8))));
    expectClose(z1('HN1', [500, 1e-5, 0.7, 0.6], f), div([500, 0], cpow(add([1, 0], cpow(mul(jw(f), [1e-5, 0]), 0.7)), 0.6)));
  });

  it('finite Warburgs stay finite and take their limits far from 1/τ', () => {
    // Ws → Z0 at low frequency (transmissive: a resistance), Wo → 1/(jω τ/Z0) (a capacitor τ/Z0)
    const ws = z1('Ws1', [30, 2.5], 1e-9);
    expect(ws[0]).toBeCloseTo(30, 6);
    const wo = z1('Wo1', [30, 2.5], 1e-9);
    const w = 2 * Math.PI * 1e-9;
    expect(wo[1] / (-1 / (w * (2.5 / 30)))).toBeCloseTo(1, 6);
    // very high frequency: no overflow in tanh/coth, both → Z0/√(jωτ)
    const hi = z1('Wo1', [30, 2.5], 1e12);
    const ref = div([30, 0], csqrt(mul(jw(1e12), [2.5, 0])));
    expectClose(hi, ref, 1e-10);
  });

  it('R‖C is the analytic semicircle: apex −Z″ = R/2 at ωRC = 1', () => {
    const R = 1e9;
    const Cv = 1e-12;
    const f0 = 1 / (2 * Math.PI * R * Cv);
    const z = z1('p(R1,C1)', [R, Cv], f0);
    expect(z[0] / (R / 2)).toBeCloseTo(1, 12);
    expect(-z[1] / (R / 2)).toBeCloseTo(1, 12);
    for (const f of [f0 / 30, f0 / 2, 3 * f0, 100 * f0]) {
      const x = 2 * Math.PI * f * R * Cv;
      expectClose(z1('p(R1,C1)', [R, Cv], f), [R / (1 + x * x), (-R * x) / (1 + x * x)]);
    }
  });

  it('series and nested parallel combine as impedances and admittances', () => {
    const f = 1234;
    const zr = (v: number): Cx => [v, 0];
    const zc = (c: number): Cx => div([1, 0], mul(jw(f), [c, 0]));
    const par = (a: Cx, b: Cx): Cx => div([1, 0], add(div([1, 0], a), div([1, 0], b)));
    const expected = add(zr(10), par(zc(1e-6), add(zr(100), par(zr(50), zc(1e-5)))));
    expectClose(z1('R0-p(C1,R1-p(R2,C2))', [10, 1e-6, 100, 50, 1e-5], f), expected);
  });
});

describe('analytic derivatives equal central finite differences', () => {
  const cases: [string, number[]][] = [
    ['R1', [47]],
    ['C1', [2e-9]],
    ['L1', [3e-7]],
    ['CPE1', [1e-6, 0.83]],
    ['W1', [120]],
    ['Wo1', [30, 2.5]],
    ['Ws1', [30, 2.5]],
    ['G1', [80, 1e-3]],
    ['K1', [80, 1e-3]],
    ['Zarc1', [500, 1e-5, 0.8]],
    ['HN1', [500, 1e-5, 0.7, 0.6]],
    // the chain rule through series and nested parallels
    ['R0-p(R1,CPE1)-p(R2-Wo1,C2)', [15, 800, 2e-10, 0.9, 3000, 400, 0.05, 1e-7]],
    ['p(CPE1,R1-p(Zarc1,HN1))-L1', [1e-6, 0.9, 100, 300, 1e-4, 0.85, 200, 1e-2, 0.7, 0.8, 1e-6]],
  ];
  it('covers every element type', () => {
    const covered = new Set(cases.flatMap(([c]) => new CircuitModel(c).parameters.map((p) => p.type)));
    for (const e of ELEMENTS) expect(covered.has(e.type), e.type).toBe(true);
  });
  it.each(cases)('%s', (circuit, params) => {
    const m = new CircuitModel(circuit);
    const freq = Float64Array.from([3e6, 4.1e4, 777, 12, 0.31, 4e-3]);
    const n = freq.length;
    const P = m.parameterCount;
    expect(params).toHaveLength(P);
    const p = Float64Array.from(params);
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    const jac = new Float64Array(2 * n * P);
    m.evaluateWithJacobian(freq, p, re, im, jac);
    // column-major, real rows then imaginary rows
    const jre = new Float64Array(n * P);
    const jim = new Float64Array(n * P);
    for (let k = 0; k < P; k++) {
      for (let i = 0; i < n; i++) {
        jre[i * P + k] = jac[k * 2 * n + i]!;
        jim[i * P + k] = jac[k * 2 * n + n + i]!;
      }
    }
    const rp = new Float64Array(n);
    const ip = new Float64Array(n);
    const rm = new Float64Array(n);
    const imm = new Float64Array(n);
    for (let k = 0; k < P; k++) {
      const h = 1e-6 * p[k]!;
      const q = Float64Array.from(p);
      q[k] = p[k]! + h;
      m.evaluate(freq, q, rp, ip);
      q[k] = p[k]! - h;
      m.evaluate(freq, q, rm, imm);
      for (let i = 0; i < n; i++) {
        // truncation error ~h²|Z'''| plus round-off ~ε|Z|/h of the central difference
        const tol = 1e-6 * Math.hypot(jre[i * P + k]!, jim[i * P + k]!) + (1e-8 * Math.hypot(re[i]!, im[i]!)) / p[k]!;
        const fdr = (rp[i]! - rm[i]!) / (2 * h);
        const fdi = (ip[i]! - imm[i]!) / (2 * h);
        expect(Math.abs(fdr - jre[i * P + k]!), `${m.parameters[k]!.name} Re at ${freq[i]} Hz`).toBeLessThan(tol);
        expect(Math.abs(fdi - jim[i * P + k]!), `${m.parameters[k]!.name} Im at ${freq[i]} Hz`).toBeLessThan(tol);
      }
    }
  });
});
