/**
 * What the study manifest (study.json, schemas/study.schema.json) says about one file: its
 * sample, temperature and the circuit/bulk element an eis-fit analysis uses for it, so the
 * workbench starts from the same choices as `superionic run`. Read loosely: a manifest the
 * workbench does not understand only means no defaults.
 */
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
