/**
 * Gauss rules against closed-form integrals: an n-point rule integrates polynomials of degree
 * ≤ 2n − 1 exactly (times e^{−u²} for Hermite), so the even moments have known values.
 */
import { describe, expect, it } from 'vitest';
import { gaussHermite, gaussLegendre } from '../../src/numerics/gauss-quadrature.js';

function moment(rule: { nodes: Float64Array; weights: Float64Array }, power: number): number {
  let s = 0;
  for (let i = 0; i < rule.nodes.length; i++) s += rule.weights[i]! * rule.nodes[i]! ** power;
  return s;
}

describe('Gauss–Hermite', () => {
  for (const n of [8, 48]) {
    it(`${n} points: ∫ e^{−u²} u^{2k} du = Γ(k + ½) for 2k ≤ 2n − 2, odd moments 0, nodes ascending`, () => {
      const rule = gaussHermite(n);
      expect(rule.nodes.length).toBe(n);
      for (let i = 1; i < n; i++) expect(rule.nodes[i]!).toBeGreaterThan(rule.nodes[i - 1]!);
      let gamma = Math.sqrt(Math.PI); // Γ(½)
      for (let k = 0; 2 * k <= Math.min(2 * n - 2, 40); k++) {
        expect(Math.abs(moment(rule, 2 * k) / gamma - 1)).toBeLessThan(1e-12);
        gamma *= k + 0.5; // Γ(k + 3/2) = (k + ½) Γ(k + ½)
      }
      expect(Math.abs(moment(rule, 3))).toBeLessThan(1e-12);
    });
  }

  it('integrates e^{−u²} cos u = √π e^{−1/4} to 1e-14 with 48 points (the DRT kernel is as smooth)', () => {
    const rule = gaussHermite(48);
    let s = 0;
    for (let i = 0; i < 48; i++) s += rule.weights[i]! * Math.cos(rule.nodes[i]!);
    expect(Math.abs(s - Math.sqrt(Math.PI) * Math.exp(-0.25))).toBeLessThan(1e-14);
  });
});

describe('Gauss–Legendre', () => {
  for (const n of [1, 8, 9]) {
    it(`${n} points: ∫_{−1}^{1} x^{2k} dx = 2/(2k + 1) for 2k ≤ 2n − 1`, () => {
      const rule = gaussLegendre(n);
      for (let k = 0; 2 * k <= 2 * n - 1; k++) expect(moment(rule, 2 * k)).toBeCloseTo(2 / (2 * k + 1), 14);
      expect(moment(rule, 1)).toBeCloseTo(0, 14);
    });
  }

  it('8 points integrate cos on [−1, 1] to 2 sin 1 within 1e-14', () => {
    const rule = gaussLegendre(8);
    let s = 0;
    for (let i = 0; i < 8; i++) s += rule.weights[i]! * Math.cos(rule.nodes[i]!);
    expect(Math.abs(s - 2 * Math.sin(1))).toBeLessThan(1e-14);
  });
});
