/**
 * What the study manifest (study.json, schemas/study.schema.json) says about one file: its
 * sample, temperature and the circuit/bulk element an eis-fit analysis uses for it, so the
 * workbench starts from the same choices as `superionic run`. Read loosely: a manifest the
 * workbench does not understand only means no defaults.
 */
import { celsiusToKelvin } from '../../../src/core/units.js';

export interface PelletGeometry {
  thicknessCm?: number;
  diameterCm?: number;
  areaCm2?: number;
}

export interface FileContext {
  /** e.g. "Na₂O₂–HfCl₄ (NHOC) · 25 °C" */
  label?: string;
  circuit?: string;
  bulk?: string;
  pellet?: PelletGeometry;
  generated?: boolean;
}

interface Loose {
  [k: string]: unknown;
}

function list(x: unknown): Loose[] {
  return Array.isArray(x) ? (x.filter((v) => v && typeof v === 'object') as Loose[]) : [];
}

export function fileContext(manifest: unknown, path: string): FileContext | undefined {
  if (!manifest || typeof manifest !== 'object') return undefined;
  const m = manifest as Loose;
  const measurement = list(m.measurements).find((x) => x.file === path);
  if (!measurement) return undefined;
  const sample = list(m.samples).find((s) => s.id === measurement.sample);
  const fit = list(m.analyses).find((a) => a.type === 'eis-fit' && Array.isArray(a.measurements) && a.measurements.includes(measurement.id));
  const parts: string[] = [];
  if (sample) parts.push(String(sample.label ?? sample.id));
  if (typeof measurement.temperatureC === 'number') parts.push(`${measurement.temperatureC} °C`);
  else if (typeof measurement.temperatureK === 'number') parts.push(`${measurement.temperatureK} K`);
  const pellet = sample && typeof sample.pellet === 'object' ? (sample.pellet as PelletGeometry) : undefined;
  const provenance = measurement.provenance as Loose | undefined;
  return {
    label: parts.join(' · ') || undefined,
    circuit: typeof fit?.circuit === 'string' ? fit.circuit : undefined,
    bulk: typeof fit?.bulk === 'string' ? fit.bulk : undefined,
    pellet,
    generated: provenance?.generated === true,
  };
}

export interface ConductivityPlan {
  sample: string;
  label: string;
  pellet: PelletGeometry;
  measurements: { id: string; file: string; temperatureK: number; circuit: string; bulk?: string }[];
}

/**
 * The impedance measurements of each sample with a temperature, a pellet geometry and an
 * eis-fit analysis: what an Arrhenius plot needs.
 */
export function conductivityPlans(manifest: unknown): ConductivityPlan[] {
  if (!manifest || typeof manifest !== 'object') return [];
  const m = manifest as Loose;
  const fits = list(m.analyses).filter((a) => a.type === 'eis-fit' && Array.isArray(a.measurements));
  const plans: ConductivityPlan[] = [];
  for (const s of list(m.samples)) {
    const pellet = s.pellet as PelletGeometry | undefined;
    if (!pellet || !(Number(pellet.thicknessCm) > 0)) continue;
    const rows: ConductivityPlan['measurements'] = [];
    for (const x of list(m.measurements)) {
      if (x.sample !== s.id || x.technique !== 'eis' || typeof x.file !== 'string') continue;
      const T = typeof x.temperatureK === 'number' ? x.temperatureK : typeof x.temperatureC === 'number' ? celsiusToKelvin(x.temperatureC) : undefined;
      const fit = fits.find((a) => (a.measurements as unknown[]).includes(x.id));
      if (T === undefined || !fit || typeof fit.circuit !== 'string') continue;
      rows.push({ id: String(x.id), file: x.file, temperatureK: T, circuit: fit.circuit, bulk: typeof fit.bulk === 'string' ? fit.bulk : undefined });
    }
    if (rows.length >= 2) plans.push({ sample: String(s.id), label: String(s.label ?? s.id), pellet, measurements: rows.sort((a, b) => a.temperatureK - b.temperatureK) });
  }
  return plans;
}
