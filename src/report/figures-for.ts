/**
 * Which figures each analysis outcome gets. Outcomes are plain JSON (as in results.json), so
 * this reads them through small local shapes, never through domain types.
 */
import type { Quantity } from '../core/quantity.js';
import { kelvinToCelsius } from '../core/units.js';
import { arrheniusFigure } from '../figures/arrhenius.js';
import { bodeFigure } from '../figures/bode.js';
import { compositionFigure } from '../figures/composition.js';
import { drtFigure, drtMapFigure } from '../figures/drt.js';
import { capacityFigure, gittFigure, rateFigure, voltageProfilesFigure } from '../figures/cycling.js';
import { windowFigure } from '../figures/window.js';
import { parseCircuit } from '../impedance/circuit/parse.js';
import type { Figure } from '../figures/figure.js';
import { mdTraceFigure } from '../figures/md.js';
import { msdFigure } from '../figures/msd.js';
import { nyquistFigure, type ImpedanceSeries } from '../figures/nyquist.js';
import { pdfFigure, polyhedraFigure, rdfFigure } from '../figures/structure.js';
import { xrdFigure } from '../figures/xrd.js';
import { WAVELENGTHS } from '../scattering/xrd.js';
import type { StudyManifest } from '../study/manifest.js';
import { pelletArea } from '../study/runners/common.js';
import type { AnalysisOutcome } from '../study/types.js';

interface Curve {
  frequency: number[];
  real: number[];
  imag: number[];
}
interface FitRow {
  measurement: string;
  circuit: string;
  bulk: string | null;
  sample: string | null;
  temperatureK: number | null;
  bulkResistance?: Quantity;
  parameters: Record<string, Quantity>;
  spectrum: Curve;
  model: Curve;
}

const celsius = (K: number | null) => (K === null ? '' : `${Math.round(kelvinToCelsius(K) * 10) / 10} °C`);

/** Sum of the circuit's top-level series resistors other than the bulk (the high-frequency offset), Ω; 0 when none. */
function seriesResistance(row: FitRow): number {
  const tree = parseCircuit(row.circuit);
  const terms = tree.kind === 'series' ? tree.children : [tree];
  return terms.reduce((sum, t) => sum + (t.kind === 'element' && t.def.type === 'R' && t.name !== row.bulk ? (row.parameters[t.name]?.value ?? 0) : 0), 0);
}

function eisFitFigures(o: AnalysisOutcome, m: StudyManifest): Figure[] {
  const fits = (o.results.fits as FitRow[] | undefined) ?? [];
  const figs: Figure[] = [];
  const samples = [...new Set(fits.map((f) => f.sample ?? ''))];
  // All samples near 25 °C, normalised to the pellet geometry (Ω·cm) so they compare.
  const room: ImpedanceSeries[] = [];
  let zoom = 0;
  for (const s of samples) {
    const rows = fits.filter((f) => (f.sample ?? '') === s).sort((a, b) => (a.temperatureK ?? 0) - (b.temperatureK ?? 0));
    if (rows.length === 0) continue;
    const label = m.samples.find((x) => x.id === s)?.label ?? (s || 'unassigned');
    const series = rows.map((r) => ({ label: celsius(r.temperatureK) || r.measurement, frequency: r.spectrum.frequency, real: r.spectrum.real, imag: r.spectrum.imag, fit: r.model }));
    const rb = rows[0]!.bulkResistance?.value;
    const r0 = seriesResistance(rows[0]!);
    const id = s.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'spectra';
    figs.push(nyquistFigure(series.slice(0, 6), { id: `nyquist-${id}`, title: `Nyquist plots — ${label}`, ...(rb ? { maxReal: 1.5 * (rb + r0) } : {}) }));
    figs.push(bodeFigure([series[0]!, series[series.length - 1]!].filter((x, i, a) => a.indexOf(x) === i), { id: `bode-${id}`, title: `Bode plot — ${label}` }));
    const sample = m.samples.find((x) => x.id === s);
    const p = sample?.pellet;
    const area = pelletArea(sample);
    if (p && area && rb) {
      const k = area / p.thicknessCm; // Ω → Ω·cm
      const r = rows[0]!;
      room.push({ label: `${label}, ${celsius(r.temperatureK)}`, frequency: r.spectrum.frequency, real: r.spectrum.real.map((v) => v * k), imag: r.spectrum.imag.map((v) => v * k), fit: { real: r.model.real.map((v) => v * k), imag: r.model.imag.map((v) => v * k) } });
      zoom = Math.max(zoom, 1.5 * (rb + r0) * k);
    }
  }
  if (room.length > 1) {
    const f = nyquistFigure(room, { id: 'nyquist-specific', title: 'Specific impedance of all samples at the lowest temperature', unit: 'Ω·cm', maxReal: zoom });
    f.caption += ' Impedance multiplied by A/L of each pellet (Ω·cm), so arcs compare as resistivities.';
    figs.push(f);
  }
  return figs;
}

interface ArrheniusRow {
  sample: string;
  label: string;
  composition: { x?: number; metal?: string; family?: string } | null;
  temperatureK: number[];
  conductivity: number[];
  form: 'sigmaT' | 'sigma';
  activationEnergy: Quantity;
  prefactor: Quantity;
  conductivityAt25C: Quantity;
}

function arrheniusFigures(o: AnalysisOutcome): Figure[] {
  const rows = (o.results.samples as ArrheniusRow[] | undefined) ?? [];
  if (rows.length === 0) return [];
  const figs = [arrheniusFigure(rows.map((r) => ({ label: r.label.replace(/\s*\(.*\)$/, '') === r.label ? r.label : r.sample, temperature: r.temperatureK, conductivity: r.conductivity, activationEnergy: r.activationEnergy, prefactor: r.prefactor, form: r.form }))) ];
  const numeric = rows.filter((r) => typeof r.composition?.x === 'number');
  if (numeric.length >= 2) {
    figs.push(compositionFigure(numeric.map((r) => ({ x: r.composition!.x!, conductivity: r.conductivityAt25C, series: r.composition?.family ?? 'series' }))));
  } else if (rows.length >= 2) {
    figs.push(compositionFigure(rows.map((r, i) => ({ x: i, category: r.composition?.metal ? `M = ${r.composition.metal}` : r.sample, conductivity: r.conductivityAt25C, series: r.composition?.family ?? 'samples' }))));
  }
  return figs;
}

interface DiffusionResults {
  species: string;
  diffusionCoefficient: Quantity;
  fit: { startPs: number; endPs: number; intercept: Quantity };
  msd: { time: number[]; value: number[] };
}

function diffusionFigures(o: AnalysisOutcome): Figure[] {
  const r = o.results as unknown as Partial<DiffusionResults>;
  if (!r.msd || !r.diffusionCoefficient || !r.fit) return [];
  return [msdFigure([{ label: `${r.species} tracer MSD`, time: r.msd.time, value: r.msd.value, fitStart: r.fit.startPs, fitEnd: r.fit.endPs, diffusionCoefficient: r.diffusionCoefficient, intercept: r.fit.intercept.value }], { id: `msd-${o.id}` })];
}

/** The axis note for the X-ray line: "Cu Kα" for the default, else the wavelength in Å. */
function wavelengthLabel(w: Quantity | undefined): string {
  return w === undefined || Math.abs(w.value - WAVELENGTHS.CuKa!) < 1e-9 ? 'Cu Kα' : `λ = ${w.value} Å`;
}

/** Figures of one outcome; a figure that fails to draw is reported, not fatal. */
export function figuresFor(o: AnalysisOutcome, m: StudyManifest): Figure[] {
  if (o.status === 'not-built' || o.status === 'error') return [];
  switch (o.type) {
    case 'eis-fit':
      return eisFitFigures(o, m);
    case 'arrhenius':
      return arrheniusFigures(o);
    case 'diffusion':
      return diffusionFigures(o);
    case 'cycling': {
      const r = o.results as { capacityUnit?: string; cycles?: Array<{ cycle: number; charge: Quantity | null; discharge: Quantity | null; coulombicEfficiency: number | null }>; profiles?: Array<{ cycle: number; half: 'charge' | 'discharge'; capacity: number[]; voltage: number[] }> };
      const unit = r.capacityUnit === 'mAh/g' ? 'mAh g⁻¹' : 'mAh';
      const figs: Figure[] = [];
      if (r.profiles?.length) figs.push(voltageProfilesFigure(r.profiles, { id: `voltage-profiles-${o.id}`, capacityUnit: unit }));
      const full = (r.cycles ?? []).filter((c) => c.charge && c.discharge && c.coulombicEfficiency !== null);
      if (full.length) figs.push(capacityFigure(full.map((c) => ({ cycle: c.cycle, charge: c.charge!.value, discharge: c.discharge!.value, coulombicEfficiency: c.coulombicEfficiency! })), { id: `capacity-ce-${o.id}`, capacityUnit: unit }));
      return figs;
    }
    case 'rate': {
      const r = o.results as { capacityUnit?: string; steps?: Array<{ cRate: number | null; cycles: number[]; dischargeByCycle: Array<number | null> }> };
      const steps = (r.steps ?? []).filter((s) => s.cRate !== null).map((s) => ({ cRate: Number(s.cRate!.toPrecision(2)), cycles: s.cycles.filter((_, i) => s.dischargeByCycle[i] !== null), discharge: s.dischargeByCycle.filter((d): d is number => d !== null) }));
      return steps.length ? [rateFigure(steps, { id: `rate-${o.id}`, capacityUnit: r.capacityUnit === 'mAh/g' ? 'mAh g⁻¹' : 'mAh' })] : [];
    }
    case 'eis-drt': {
      const r = o.results as { spectra?: Array<{ state: string; tau: number[]; gamma: number[]; peaks: Array<{ tau: Quantity }> }> };
      const sp = r.spectra ?? [];
      if (!sp.length) return [];
      const shown = sp.length <= 4 ? sp : [sp[0]!, sp[Math.floor(sp.length / 3)]!, sp[Math.floor((2 * sp.length) / 3)]!, sp[sp.length - 1]!];
      const figs = [drtFigure(shown.map((s) => ({ label: s.state, tau: s.tau, gamma: s.gamma, peaks: s.peaks.map((p) => p.tau.value) })), { id: `drt-${o.id}` })];
      if (sp.length >= 2) figs.push(drtMapFigure(sp.map((s) => ({ state: s.state, tau: s.tau, gamma: s.gamma })), { id: `drt-map-${o.id}` }));
      return figs;
    }
    case 'xrd': {
      const r = o.results as { wavelength?: Quantity; phases?: Array<{ name: string; peaks: Array<{ twoTheta: number; intensity: number }> }>; pattern?: { twoTheta: number[]; intensity: number[] }; model?: { label: string; twoTheta: number[]; intensity: number[] } };
      if (!r.phases?.length && !r.pattern && !r.model) return [];
      const patterns = [...(r.pattern ? [{ label: 'measured', ...r.pattern }] : []), ...(r.model ? [r.model] : [])];
      return [xrdFigure(patterns, r.phases ?? [], { id: `xrd-${o.id}`, wavelengthLabel: wavelengthLabel(r.wavelength) })];
    }
    case 'pdf': {
      const r = o.results as { r?: number[]; G?: number[]; qMax?: number | null };
      return r.r && r.G ? [pdfFigure([{ label: r.qMax ? `model, Q_max = ${r.qMax} Å⁻¹ (Lorch)` : 'model', r: r.r, G: r.G }], { id: `pdf-${o.id}` })] : [];
    }
    case 'melt-quench': {
      const r = o.results as { atoms?: number; thermo?: { timePs: number[]; temperatureK: number[]; targetK: Array<number | null>; potentialEnergyEv: number[] }; polyhedra?: { polyhedra: Array<{ label: string; fraction: number }> } };
      const figs: Figure[] = [];
      if (r.thermo && r.atoms) figs.push(mdTraceFigure({ timePs: r.thermo.timePs, temperatureK: r.thermo.temperatureK, targetK: r.thermo.targetK, potentialEnergyPerAtomEv: r.thermo.potentialEnergyEv.map((e) => e / r.atoms!) }, { id: `md-trace-${o.id}` }));
      if (r.polyhedra?.polyhedra.length) figs.push(polyhedraFigure([{ label: 'quenched cell', polyhedra: r.polyhedra.polyhedra }], { id: `polyhedra-${o.id}`, title: 'Polyhedra of the quenched cell' }));
      return figs;
    }
    case 'window': {
      const r = o.results as { oxidation?: Quantity | null; reduction?: Quantity | null; threshold?: Quantity; curve?: { voltage: number[]; current: number[]; currentUnit: string } };
      if (!r.curve) return [];
      const title = o.title;
      return [windowFigure({ label: title, voltage: r.curve.voltage, current: r.curve.current, currentUnit: r.curve.currentUnit === 'mA/cm2' ? 'mA cm⁻²' : 'mA', oxidation: r.oxidation?.value ?? null, reduction: r.reduction?.value ?? null, ...(r.threshold ? { threshold: r.threshold.value } : {}) }, { id: `window-${o.id}`, title: 'Stability window' })];
    }
    case 'gitt': {
      const r = o.results as { pulses?: Array<{ voltage: Quantity; diffusionCoefficient: Quantity }> };
      return r.pulses?.length ? [gittFigure(r.pulses.map((p) => ({ state: p.voltage.value, diffusionCoefficient: p.diffusionCoefficient.value })), { id: `gitt-${o.id}` })] : [];
    }
    case 'rdf': {
      const r = o.results as { r?: number[]; pairs?: Record<string, { g: number[] }> };
      return r.r && r.pairs ? [rdfFigure({ r: r.r, pairs: r.pairs }, { id: `rdf-${o.id}` })] : [];
    }
    case 'coordination': {
      const r = o.results as { samples?: Array<{ label: string; polyhedra: Array<{ label: string; fraction: number }> }> };
      return r.samples?.length ? [polyhedraFigure(r.samples.map((s) => ({ label: s.label, polyhedra: s.polyhedra })), { id: `polyhedra-${o.id}` })] : [];
    }
    default:
      return [];
  }
}
