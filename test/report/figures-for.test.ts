import { describe, expect, it } from 'vitest';
import { figuresFor } from '../../src/report/figures-for.js';
import type { StudyManifest } from '../../src/study/manifest.js';
import type { AnalysisOutcome } from '../../src/study/types.js';

const manifest = { name: 't', samples: [], measurements: [], analyses: [] } as unknown as StudyManifest;

function xrdOutcome(wavelength: number): AnalysisOutcome {
  return {
    id: 'x',
    type: 'xrd',
    title: 'XRD',
    status: 'ok',
    inputs: [],
    errors: [],
    methods: '',
    cached: false,
    results: { wavelength: { value: wavelength, unit: 'Å' }, phases: [{ name: 'NaCl', peaks: [{ twoTheta: 31.7, intensity: 100 }, { twoTheta: 45.4, intensity: 60 }] }] },
  } as AnalysisOutcome;
}

describe('figuresFor: xrd', () => {
  it('labels the 2θ axis with the line the analysis used, not always Cu Kα', () => {
    const [cu] = figuresFor(xrdOutcome(1.54184), manifest);
    expect(cu!.svg).toContain('Cu Kα');
    const [mo] = figuresFor(xrdOutcome(0.71073), manifest);
    expect(mo!.svg).toContain('λ = 0.71073 Å');
    expect(mo!.svg).not.toContain('Cu Kα');
  });
});
