/** Helpers the runners share: per-file error capture, geometry, versions for the methods text. */
import { celsiusToKelvin, discAreaCm2 } from '../../core/units.js';
import { readImpedance } from '../../formats/impedance/index.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { issueOf } from '../issues.js';
import type { Measurement, Sample } from '../manifest.js';
import type { RunContext, StudyIssue } from '../types.js';

/** Runs `f` for each item, collecting per-item failures as issues instead of stopping. */
export async function eachCollecting<T, R>(items: T[], fileOf: (t: T) => string | undefined, f: (t: T) => Promise<R> | R, errors: StudyIssue[]): Promise<Array<{ item: T; value: R }>> {
  const out: Array<{ item: T; value: R }> = [];
  for (const item of items) {
    try {
      out.push({ item, value: await f(item) });
    } catch (e) {
      errors.push(issueOf(e, fileOf(item)));
    }
  }
  return out;
}

export function readSpectrum(ctx: RunContext, m: Measurement): ImpedanceSpectrum {
  return readImpedance(ctx.read(m.file), m.file);
}

/** Pellet area in cm² from the sample's geometry, or undefined. */
export function pelletArea(s: Sample | undefined): number | undefined {
  const p = s?.pellet;
  if (!p) return undefined;
  return p.areaCm2 ?? (p.diameterCm !== undefined ? discAreaCm2(p.diameterCm) : undefined);
}

export function kelvin(m: Measurement): number | undefined {
  return m.temperatureC === undefined ? undefined : celsiusToKelvin(m.temperatureC);
}

export const arr = (a: ArrayLike<number>): number[] => Array.from(a);
