import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { assertWellFormedXml } from '../figures/xml.js';
import { dAt } from '../../examples/nhoc/generate/gitt.js';

describe('superionic demo → report.html', () => {
  it('writes a self-contained report with every figure, and results.json with units', async () => {
    const out = mkdtempSync(join(tmpdir(), 'superionic-demo-'));
    const r = await runCli(['demo', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // no network at view time: no src/href to http(s), no scripts, no external CSS
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/<script|<link\s/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    const files = readdirSync(join(out, 'figures'));
    const svgs = files.filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const f of svgs) {
      expect(files).toContain(f.replace(/\.svg$/, '.png'));
      const svg = readFileSync(join(out, 'figures', f), 'utf8');
      assertWellFormedXml(svg);
      expect(svg).toMatch(/<text[^>]*>[^<]*\([^<]*\)<\/text>/); // at least one axis label with a unit in brackets
      expect(html).toContain(`id="fig-${f.replace(/\.svg$/, '')}"`);
    }
    expect((html.match(/<figure /g) ?? []).length).toBe(svgs.length);
    // generated inputs are labelled, unfinished analyses say so
    expect(html).toContain('generated');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    for (const a of results.analyses) {
      if (a.status === 'not-built') {
        expect(a.results).toEqual({});
        expect(html).toContain('not built yet');
      }
    }
    const diffusion = results.analyses.find((a: { type: string }) => a.type === 'diffusion');
    expect(diffusion.status).toBe('ok');
    // the bundled trajectory is a random walk with D = 6.667e-7 cm²/s; GLS gives 6.59e-7 ± 0.32e-7 (fixture README)
    expect(diffusion.results.diffusionCoefficient.unit).toBe('cm2/s');
    expect(diffusion.results.diffusionCoefficient.value).toBeCloseTo(6.59e-7, 8);
    expect(Math.abs(diffusion.results.diffusionCoefficient.value - 6.667e-7)).toBeLessThan(2 * diffusion.results.diffusionCoefficient.stderr);
    // polyhedra of the designed-truth cell (Hf–O 2.4 Å, Hf–Cl 2.9 Å): exactly the truth file's counts
    const coord = results.analyses.find((a: { type: string }) => a.type === 'coordination');
    const counts = Object.fromEntries(coord.results.samples[0].polyhedra.map((p: { label: string; count: number }) => [p.label, p.count]));
    expect(counts).toEqual({ HfO2Cl4: 15, HfO3Cl3: 6, HfO4Cl2: 3, HfO5Cl: 1, HfOCl5: 7 });
    // DRT of the 25 °C NHOC spectrum: the bulk peak's area is R1 = L/(σA) = 146.9 Ω of the generator
    const drt = results.analyses.find((a: { type: string }) => a.type === 'eis-drt');
    const bulkPeak = drt.results.spectra[0].peaks.reduce((a: any, b: any) => (b.resistance.value > a.resistance.value && !b.atEdge ? b : a)); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(Math.abs(bulkPeak.resistance.value / 146.9 - 1)).toBeLessThan(0.05);
    // the shortened melt-quench ran on the embedded engine and ended near its 600 K target
    const mq = results.analyses.find((a: { type: string }) => a.type === 'melt-quench');
    expect(mq.status).toBe('ok');
    expect(mq.results.atoms).toBe(144);
    expect(mq.results.steps).toBe(5000);
    expect(Math.abs(mq.results.finalTemperatureK - 600)).toBeLessThan(150);
    // the generated voltammogram crosses 0.01 mA/cm² at the reported 1.83 and 4.03 V
    const win = results.analyses.find((a: { type: string }) => a.type === 'window');
    expect(Math.abs(win.results.oxidation.value - 4.03)).toBeLessThan(0.01);
    expect(Math.abs(win.results.reduction.value - 1.83)).toBeLessThan(0.01);
    // GITT: Weppner–Huggins recovers the D(δ) the synthetic run was made with (mid-pulse δ)
    const gitt = results.analyses.find((a: { type: string }) => a.type === 'gitt');
    expect(gitt.results.pulses).toHaveLength(40);
    const dDelta = (5e-5 * 600 * 100) / (96485.33212 * 5e-3);
    for (const p of gitt.results.pulses) expect(Math.abs(p.diffusionCoefficient.value / dAt((p.index - 0.5) * dDelta) - 1)).toBeLessThan(0.05);
    const rdf = results.analyses.find((a: { type: string }) => a.type === 'rdf');
    expect(Object.keys(rdf.results.pairs)).toEqual(['Hf-O', 'Hf-Cl', 'Na-Cl', 'Na-O']);
  }, 240_000);
});
