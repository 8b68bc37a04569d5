/**
 * The workbench in a real browser (Debian's chromium through playwright-core): it loads and lists
 * the study, a dropped impedance file is fitted and the Nyquist plot shows the fit, and a
 * structure renders in WebGL (software GL: SwiftShader). Screenshots go to test-results/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { fitCircuit } from '../../src/impedance/fit/fit.js';
import { readImpedance } from '../../src/formats/impedance/index.js';
import { requireEngine } from '../helpers/engines.js';
import { repoRoot, sharedData } from '../helpers/paths.js';
import { ensureWebBuild } from './build-web.js';

const chromium = requireEngine('Chromium', 'chromium');
const EIS = sharedData('eis', 'impedance.py', 'exampleData.csv');
const STRUCTURE = sharedData('structure', 'nhoc_32fu.extxyz');
const CIRCUIT = 'R0-p(R1,C1)-p(R2-Wo1,C2)';
const SHOTS = join(repoRoot, 'test-results');

/**
 * Runs in the page (kept as source text: the test project has no DOM types): copies the WebGL
 * canvas (preserveDrawingBuffer) into a 2D canvas and samples every 4th pixel.
 */
const SAMPLE_CANVAS = new Function(
  'el',
  `const c = document.createElement('canvas');
   c.width = el.width; c.height = el.height;
   const g = c.getContext('2d');
   g.drawImage(el, 0, 0);
   const px = g.getImageData(0, 0, c.width, c.height).data;
   let nonWhite = 0, samples = 0;
   const colours = new Set();
   for (let y = 0; y < c.height; y += 4) for (let x = 0; x < c.width; x += 4) {
     const i = 4 * (y * c.width + x);
     samples++;
     if (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240) nonWhite++;
     colours.add((px[i] >> 4) + ',' + (px[i + 1] >> 4) + ',' + (px[i + 2] >> 4));
   }
   return { nonWhite: nonWhite / samples, colours: colours.size, width: c.width };`,
) as (el: unknown) => unknown;

/** Builds a DataTransfer holding one file (runs in the page). */
const DROP_EVENT = new Function(
  'f',
  `const bin = atob(f.base64);
   const bytes = new Uint8Array(bin.length);
   for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
   const dt = new DataTransfer();
   dt.items.add(new File([bytes], f.name));
   return dt;`,
) as (f: { name: string; base64: string }) => unknown;

describe.runIf(chromium)('workbench in chromium', () => {
  let dir: string;
  let srv: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'superionic-web-'));
    const study = join(dir, 'nhoc-mini');
    mkdirSync(join(study, 'eis'), { recursive: true });
    copyFileSync(sharedData('eis', 'impedance.py', 'exampleDataZPlot.z'), join(study, 'eis', 'exampleDataZPlot.z'));
    copyFileSync(sharedData('eis', 'impedance.py', 'exampleDataZPlot.z'), join(study, 'eis', 'same_at_40C.z'));
    copyFileSync(sharedData('structure', 'nacl_rocksalt.cif'), join(study, 'nacl_rocksalt.cif'));
    copyFileSync(sharedData('structure', 'nhoc_32fu_traj.extxyz'), join(study, 'nhoc_32fu_traj.extxyz'));
    writeFileSync(
      join(study, 'study.json'),
      JSON.stringify({
        name: 'mini',
        samples: [{ id: 'S1', label: 'test pellet', pellet: { thicknessCm: 0.06, diameterCm: 1.0 } }],
        measurements: [
          { id: 'm1', file: 'eis/exampleDataZPlot.z', technique: 'eis', sample: 'S1', temperatureC: 25 },
          { id: 'm2', file: 'eis/same_at_40C.z', technique: 'eis', sample: 'S1', temperatureC: 40 },
        ],
        analyses: [{ id: 'fits', type: 'eis-fit', measurements: ['m1', 'm2'], circuit: 'R0-p(R1,CPE1)', bulk: 'R1' }],
      }),
    );
    mkdirSync(join(study, 'cycling'));
    copyFileSync(sharedData('cycling', 'neware', 'navani_test.ndax'), join(study, 'cycling', 'navani_test.ndax'));
    srv = await startServer({ studyDir: study, port: 0, webRoot });
    mkdirSync(SHOTS, { recursive: true });
    const { chromium: pw } = await import('playwright-core');
    context = await pw.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromium!,
      headless: true,
      viewport: { width: 1440, height: 960 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads and lists the study files with what each is', async () => {
    await page.goto(srv.url);
    const list = page.getByTestId('file-list');
    await expect.poll(() => list.locator('button').count(), { timeout: 10_000 }).toBe(6);
    const text = await list.innerText();
    expect(text).toMatch(/eis\/exampleDataZPlot\.z/);
    expect(text).toMatch(/zplot.*· \d+ points/i);
    expect(text).toMatch(/nacl_rocksalt\.cif/);
    expect(text).toMatch(/8 atoms/);
    expect(text).toMatch(/neware-ndax · [\d,]+ rows/);
    expect(text).toMatch(/288 atoms · 200 frames/);
    await page.screenshot({ path: join(SHOTS, 'workbench-start.png') });
    expect(pageErrors).toEqual([]);
  });

  it('fits the study\'s temperature series and draws the Arrhenius plot', async () => {
    await page.getByTestId('fit-all').click();
    await page.getByTestId('arrhenius').locator('svg .arrhenius-points circle').nth(1).waitFor({ timeout: 30_000 });
    // The same spectrum at 25 and 40 °C: σ is equal, so ln(σT) rises only by ln(T2/T1) and
    // Ea = kB·ln(T2/T1)/(1/T1 − 1/T2) exactly.
    const T1 = 298.15, T2 = 313.15;
    const ea = (8.617333262e-5 * Math.log(T2 / T1)) / (1 / T1 - 1 / T2);
    const row = await page.getByTestId('arrhenius-table').locator('tbody tr').first().innerText();
    expect(row).toMatch(/^test pellet/);
    expect(Number(/\t([\d.]+)/.exec(row)![1])).toBeCloseTo(ea, 3);
    await page.screenshot({ path: join(SHOTS, 'workbench-study.png') });
    expect(pageErrors).toEqual([]);
  });

  it('starts a study measurement from the manifest: sample, temperature, circuit, bulk element, pellet geometry', async () => {
    await page.getByTestId('file-list').getByText('eis/exampleDataZPlot.z').click();
    await page.getByTestId('sample-label').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sample-label').innerText()).toBe('test pellet · 25 °C');
    expect(await page.getByTestId('circuit-input').inputValue()).toBe('R0-p(R1,CPE1)');
    await page.getByTestId('fit-button').click();
    await expect.poll(() => page.getByTestId('fit-stats').count(), { timeout: 30_000 }).toBe(1);
    const r1 = Number(await page.locator('[data-testid=parameters] tr[data-name="R1"] input.value').inputValue());
    const expected = fitCircuit(readImpedance(new Uint8Array(readFileSync(sharedData('eis', 'impedance.py', 'exampleDataZPlot.z'))), 'z'), 'R0-p(R1,CPE1)');
    expect(r1).toBeCloseTo(expected.values[1]!, 2);
    const sigmaText = await page.getByTestId('conductivity').innerText();
    expect(sigmaText).toContain('(R1 = ');
    const m = /σ = ([\d.e-]+) ± [\d.e-]+ (S|mS|µS)\/cm/.exec(sigmaText)!;
    const shown = Number(m[1]) / { S: 1, mS: 1e3, µS: 1e6 }[m[2] as 'S' | 'mS' | 'µS'];
    const sigma = 0.06 / (r1 * Math.PI * 0.25);
    expect(Math.abs(shown - sigma) / sigma).toBeLessThan(1e-3);
    expect(pageErrors).toEqual([]);
  });

  it('shows a study cycling file the browser cannot decode itself (.ndax, read by the server)', async () => {
    await page.getByTestId('file-list').getByText('cycling/navani_test.ndax').click();
    await page.getByTestId('voltage-plot').locator('canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('profiles').locator('svg .profile-curve path').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('dqdv').locator('svg .dqdv-curve path').first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('main table.data tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('steps through the frames of a study trajectory', async () => {
    await page.getByTestId('file-list').getByText('nhoc_32fu_traj.extxyz').click();
    await page.getByTestId('rdf').locator('svg .rdf-curve path').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('rdf').innerText()).toMatch(/mean of 200 frames/);
    const slider = page.getByTestId('frame-slider');
    await slider.fill('150');
    await expect.poll(() => page.getByTestId('frame-shown').getAttribute('data-index'), { timeout: 15_000 }).toBe('150');
    expect(await page.getByTestId('frame-shown').innerText()).toMatch(/^151 \/ 200/);
    expect(Number(await page.getByTestId('bridging-count').innerText())).toBeGreaterThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });

  it('says in one line why a dropped file cannot be read', async () => {
    await page.getByTestId('file-input').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('sample,comment\nA,fine\n') });
    const error = page.getByTestId('open-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toMatch(/^notes\.csv: .*not a recognised .*file format/);
    expect(pageErrors).toEqual([]);
  });

  it('fits a dropped impedance file and draws the fit on the Nyquist plot', async () => {
    await page.getByTestId('file-input').setInputFiles(EIS);
    const nyquist = page.getByTestId('nyquist');
    await nyquist.locator('svg .data-points circle').first().waitFor({ timeout: 15_000 });
    const points = readImpedance(new Uint8Array(readFileSync(EIS)), EIS).frequency.length;
    expect(await nyquist.locator('svg .data-points circle').count()).toBe(points);
    expect(await nyquist.locator('svg .fit-curve').count()).toBe(0);

    await page.getByTestId('circuit-input').fill(CIRCUIT);
    await page.getByTestId('fit-button').click();
    // The statistics appear with the final result (the curve may show the first start's optimum before).
    await expect.poll(() => page.getByTestId('fit-stats').count(), { timeout: 30_000 }).toBe(1);
    const fitPath = nyquist.locator('svg .fit-curve path');
    await fitPath.waitFor({ timeout: 5_000 });
    const d = (await fitPath.getAttribute('d')) ?? '';
    expect(d.split(/[LM]/).length).toBeGreaterThan(100); // a dense model curve, not a stub

    // The table shows what the library's fitter finds for the same data (deterministic) …
    const expected = fitCircuit(readImpedance(new Uint8Array(readFileSync(EIS)), EIS), CIRCUIT);
    const value = async (name: string): Promise<number> => Number(await page.locator(`[data-testid=parameters] tr[data-name="${name}"] input.value`).inputValue());
    for (const [k, name] of expected.names.entries()) {
      expect(await value(name)).toBeCloseTo(expected.values[k]!, -Math.floor(Math.log10(expected.values[k]!)) + 3);
    }
    await expect.poll(() => page.getByTestId('fit-stats').innerText()).toMatch(/converged/);
    await page.getByTestId('fit-residuals').locator('svg .fit-residual circle').first().waitFor();
    await page.getByTestId('kk-residuals').locator('svg').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('drt').locator('svg .drt-curve path').waitFor({ timeout: 30_000 });

    // Leaving out the 9 inductive points (as impedance.py's example does with ignoreBelowX) and
    // refitting gives what impedance.py reports for this file: R0 = 1.65e-2 Ω and
    // R1 + R2 = 8.68e-3 + 5.39e-3 Ω (the two arcs may come out in either order).
    await page.getByTestId('drop-inductive').check();
    await expect.poll(() => nyquist.locator('svg .data-points circle').count()).toBe(points - 9);
    await page.getByTestId('fit-button').click();
    await expect.poll(async () => (await page.getByTestId('fit-stats').innerText()).includes(`${points - 9} points`), { timeout: 20_000 }).toBe(true);
    expect(Math.abs((await value('R0')) - 0.0165) / 0.0165).toBeLessThan(0.02);
    expect(Math.abs((await value('R1')) + (await value('R2')) - 0.01407) / 0.01407).toBeLessThan(0.06);
    await nyquist.locator('svg .fit-curve path').waitFor();

    // Pellet conductivity from the fastest arc's resistance: σ = L/(R·π d²/4).
    const pellet = page.getByTestId('pellet');
    await pellet.getByPlaceholder('0.10').fill('0.1');
    await pellet.getByPlaceholder('1.00').fill('1.0');
    const sigmaText = await page.getByTestId('conductivity').innerText();
    const m = /σ = ([\d.e-]+) ± [\d.e-]+ (S|mS|µS)\/cm \((R\d) = /.exec(sigmaText);
    expect(m, sigmaText).not.toBeNull();
    const rBulk = await value(m![3]!);
    const sigma = 0.1 / (rBulk * Math.PI * 0.25); // S/cm
    const shown = Number(m![1]) / { S: 1, mS: 1e3, µS: 1e6 }[m![2] as 'S' | 'mS' | 'µS'];
    expect(Math.abs(shown - sigma) / sigma).toBeLessThan(1e-3); // shown to 4 digits
    await page.getByTestId('drt').locator('svg .drt-curve path').waitFor({ timeout: 30_000 });
    // Zooming to the high-frequency corner keeps equal scales and the clipped fit curve.
    await page.getByTestId('zoom-10').click();
    await expect.poll(() => nyquist.locator('svg .data-points circle').count()).toBeLessThan(points - 9);
    await nyquist.locator('svg .fit-curve path').waitFor();
    await page.getByTestId('zoom-1').click();
    await expect.poll(() => nyquist.locator('svg .data-points circle').count()).toBe(points - 9);

    // The Nyquist figure saves as a standalone SVG that still holds the fit.
    const [download] = await Promise.all([page.waitForEvent('download'), nyquist.getByRole('button', { name: 'SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('exampleData-nyquist.svg');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(saved).toContain('fit-curve');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate("document.querySelector('main').scrollTo(0, 0)");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'workbench-impedance.png') });
    await page.setViewportSize({ width: 1440, height: 960 });
    expect(pageErrors).toEqual([]);
  });

  it('renders a dropped structure in 3D beside its g(r)', async () => {
    // Dropped as a user would: a drop event carrying the file in its DataTransfer.
    const bytes = readFileSync(STRUCTURE).toString('base64');
    const drop = await page.evaluateHandle(DROP_EVENT, { name: 'nhoc_32fu.extxyz', base64: bytes });
    await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
    const canvas = page.getByTestId('structure-canvas');
    await page.getByTestId('rdf').locator('svg .rdf-curve path').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => canvas.getAttribute('data-rendered'), { timeout: 20_000 }).toBe('yes');
    await page.waitForTimeout(300);
    const stats = (await canvas.evaluate(SAMPLE_CANVAS)) as { nonWhite: number; colours: number; width: number };
    expect(stats.width).toBeGreaterThan(300);
    expect(stats.nonWhite).toBeGreaterThan(0.1); // atoms, polyhedra and cell fill a good part of the view
    expect(stats.colours).toBeGreaterThan(20); // several elements, shading, polyhedra
    expect(Number(await page.getByTestId('bridging-count').innerText())).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'workbench-structure.png') });
    // One centre's polyhedron alone, chosen from the list.
    const select = page.getByTestId('polyhedra-select');
    const options = await select.locator('option').allInnerTexts();
    expect(options.filter((o) => /^Hf[OCl\d]+ — atom \d+$/.test(o)).length).toBe(32); // 32 Hf centres in nhoc_32fu
    await select.selectOption({ index: 2 });
    expect(await select.inputValue()).toBe('0');
    expect(pageErrors).toEqual([]);
  });
});
