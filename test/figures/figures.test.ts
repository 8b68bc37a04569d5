import { DOMParser } from 'linkedom';
import { assertWellFormedXml } from './xml.js';

/** The bits of linkedom's element type these tests use (the project compiles without the DOM lib). */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
import { describe, expect, it } from 'vitest';
import { arrheniusFigure } from '../../src/figures/arrhenius.js';
import { bodeFigure } from '../../src/figures/bode.js';
import { capacityFigure, gittFigure, rateFigure, voltageProfilesFigure } from '../../src/figures/cycling.js';
import { compositionFigure } from '../../src/figures/composition.js';
import { drtFigure, drtMapFigure } from '../../src/figures/drt.js';
import type { Figure } from '../../src/figures/figure.js';
import { formatQuantity } from '../../src/figures/format.js';
import { mdTraceFigure } from '../../src/figures/md.js';
import { msdFigure } from '../../src/figures/msd.js';
import { nyquistFigure } from '../../src/figures/nyquist.js';
import { svgToPng } from '../../src/figures/png.js';
import { pdfFigure, polyhedraFigure, rdfFigure } from '../../src/figures/structure.js';
import { windowFigure } from '../../src/figures/window.js';
import { xrdFigure } from '../../src/figures/xrd.js';

const f = Array.from({ length: 30 }, (_, k) => 1e6 * 10 ** (-k / 5));
const rc = (R: number, C: number) => ({ real: f.map((x) => R / (1 + (2 * Math.PI * x * R * C) ** 2)), imag: f.map((x) => (-2 * Math.PI * x * R * R * C) / (1 + (2 * Math.PI * x * R * C) ** 2)) });
const s1 = { label: '25 °C', frequency: f, ...rc(1000, 1e-9) };
const tau = f.map((x) => 1 / (2 * Math.PI * x));
const r = Array.from({ length: 50 }, (_, i) => (i + 0.5) * 0.1);

function all(): Array<{ fig: Figure; x: string; y: string }> {
  return [
    { fig: nyquistFigure([{ ...s1, fit: rc(1000, 1e-9) }]), x: 'Z′ (Ω)', y: '−Z″ (Ω)' },
    { fig: bodeFigure([s1]), x: 'Frequency (Hz)', y: '|Z| (Ω)' },
    { fig: arrheniusFigure([{ label: 'A', temperature: [298, 318, 338], conductivity: [1e-4, 2e-4, 4e-4], activationEnergy: { value: 0.3, unit: 'eV', stderr: 0.01 }, prefactor: { value: 100, unit: 'S K/cm' } }]), x: '1000/T (K⁻¹)', y: 'σ (S cm⁻¹)' },
    { fig: compositionFigure([1, 2].map((x) => ({ x, series: 's', conductivity: { value: x * 1e-4, unit: 'S/cm' } }))), x: 'Composition x', y: 'σ at 25 °C (S cm⁻¹)' },
    { fig: drtFigure([{ label: 'a', tau, gamma: tau.map((t) => Math.exp(-(Math.log10(t / 1e-4) ** 2))) }]), x: 'τ (s)', y: 'γ (Ω)' },
    { fig: drtMapFigure([{ state: 's1', tau, gamma: tau.map(() => 1) }, { state: 's2', tau, gamma: tau.map(() => 2) }]), x: 'τ (s)', y: 'State' },
    { fig: windowFigure({ label: 'x', voltage: [0, 1, 2, 3, 4, 5], current: [-1, 0, 0, 0, 0.1, 1], oxidation: 4.1, reduction: 0.5 }), x: 'Potential (V vs Na⁺/Na)', y: 'Current density (mA cm⁻²)' },
    { fig: voltageProfilesFigure([{ cycle: 1, half: 'charge', capacity: [0, 50, 100], voltage: [3, 3.5, 4] }]), x: 'Capacity (mAh g⁻¹)', y: 'Voltage (V)' },
    { fig: capacityFigure([{ cycle: 1, charge: 120, discharge: 118, coulombicEfficiency: 0.983 }, { cycle: 2, charge: 119, discharge: 118, coulombicEfficiency: 0.99 }]), x: 'Cycle', y: 'CE (%)' },
    { fig: rateFigure([{ cRate: 0.1, cycles: [1, 2], discharge: [120, 119] }]), x: 'Cycle', y: 'Discharge capacity (mAh g⁻¹)' },
    { fig: gittFigure([{ state: 3, diffusionCoefficient: 1e-11 }, { state: 3.2, diffusionCoefficient: 2e-11 }]), x: 'Voltage (V)', y: 'Apparent D (cm² s⁻¹)' },
    { fig: rdfFigure({ r, pairs: { 'Hf-O': { g: r.map((x) => (x > 2 ? 1 : 0)) } } }), x: 'r (Å)', y: 'g(r)' },
    { fig: polyhedraFigure([{ label: 'A', polyhedra: [{ label: 'HfOCl5', fraction: 0.6 }, { label: 'HfCl6', fraction: 0.4 }] }]), x: 'Polyhedron', y: 'Population (%)' },
    { fig: pdfFigure([{ label: 'm', r, G: r.map((x) => Math.sin(x)) }]), x: 'r (Å)', y: 'G(r) (Å⁻²)' },
    { fig: xrdFigure([{ label: 'meas', twoTheta: [10, 20, 30], intensity: [1, 5, 2] }], [{ name: 'NaCl', peaks: [{ twoTheta: 20, intensity: 100 }] }]), x: '2θ (°)', y: 'Intensity (normalised)' },
    { fig: mdTraceFigure({ timePs: [0, 1, 2], temperatureK: [1200, 900, 600], targetK: [1200, 900, 600], potentialEnergyPerAtomEv: [-3, -3.2, -3.3] }), x: 'Time (ps)', y: 'Temperature (K)' },
    { fig: msdFigure([{ label: 'Na', time: [0, 1, 2, 3, 4], value: [0, 1, 2, 3, 4], fitStart: 1, fitEnd: 4, diffusionCoefficient: { value: 1e-5, unit: 'cm2/s', stderr: 1e-6 } }]), x: 'Time (ps)', y: 'MSD (Å²)' },
  ];
}

describe('figures', () => {
  const figs = all();
  it.each(figs.map((c) => [c.fig.id, c] as const))('%s is well-formed SVG with labelled axes (units)', (_id, c) => {
    const doc = new DOMParser().parseFromString(c.fig.svg, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const texts = (Array.from(doc.querySelectorAll('text')) as El[]).map((t) => t.textContent);
    expect(texts).toContain(c.x);
    expect(texts).toContain(c.y);
    expect(c.fig.caption.length).toBeGreaterThan(20);
    expect(() => assertWellFormedXml(c.fig.svg)).not.toThrow();
  });

  it('Nyquist axes are equal-scaled (same data span over the same pixel length)', () => {
    const fig = nyquistFigure([s1]);
    const doc = new DOMParser().parseFromString(fig.svg, 'image/svg+xml');
    // pixels per Ω from the first and last tick label of an axis (labels carry translate(x,y))
    const scale = (label: string, coord: 0 | 1) => {
      const t = (Array.from(doc.querySelectorAll(`g[aria-label="${label}"] text`)) as El[]).map((e) => ({
        v: Number(e.textContent!.replace('−', '-')),
        px: Number(/translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform')!)![coord + 1]),
      }));
      const a = t[0]!;
      const b = t[t.length - 1]!;
      return Math.abs((b.px - a.px) / (b.v - a.v));
    };
    expect(scale('x-axis tick label', 0)).toBeCloseTo(scale('y-axis tick label', 1), 6);
  });

  it('the XML check catches broken markup', () => {
    expect(() => assertWellFormedXml('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormedXml('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => assertWellFormedXml('<svg><text x=1>a</text></svg>')).toThrow();
    expect(() => assertWellFormedXml('<svg><text x="1">a &amp; b</text><path d="M0"/></svg>')).not.toThrow();
  });

  it('PNG rendering is deterministic (same bytes twice) and a real PNG', () => {
    const svg = figs[2]!.fig.svg;
    const a = svgToPng(svg);
    const b = svgToPng(svg);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Array.from(a.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(a.length).toBeGreaterThan(10000);
  });

  it('value ± stderr formatting keeps matching digits', () => {
    expect(formatQuantity({ value: 0.35963, unit: 'eV', stderr: 0.00078 })).toBe('0.3596 ± 0.0008 eV');
    expect(formatQuantity({ value: 0.36, unit: 'eV', stderr: 0.012 })).toBe('0.360 ± 0.012 eV');
    expect(formatQuantity({ value: 6.58e-7, unit: 'cm2/s', stderr: 3.2e-8 })).toBe('(6.6 ± 0.3)×10⁻⁷ cm² s⁻¹');
  });
});
