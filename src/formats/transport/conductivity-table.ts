/**
 * The conductivity-vs-temperature table `superionic arrhenius` reads (CONTRACT §3): a CSV with
 * a header naming a temperature column `T_K` or `T_C` and `sigma_S_cm` (or `sigma_mS_cm`),
 * optionally `sigma_stderr_S_cm` / `sigma_stderr_mS_cm` for a weighted fit.
 */
import { InputError } from '../../core/errors.js';
import { celsiusToKelvin } from '../../core/units.js';
import type { ArrheniusPoint } from '../../transport/arrhenius.js';
import { columnIndex, parseNumericTable } from '../table.js';

export function readConductivityTable(bytes: Uint8Array, file: string): ArrheniusPoint[] {
  if (bytes.length === 0) throw new InputError(file, undefined, 'the file is empty');
  const t = parseNumericTable(bytes, file);
  const kCol = columnIndex(t, 'T_K');
  const cCol = columnIndex(t, 'T_C');
  if (kCol < 0 && cCol < 0) throw new InputError(file, t.headerLine, `no temperature column: expected T_K or T_C in the header (found ${t.header.join(', ')})`);
  const sCol = columnIndex(t, 'sigma_S_cm');
  const msCol = columnIndex(t, 'sigma_mS_cm');
  if (sCol < 0 && msCol < 0) throw new InputError(file, t.headerLine, `no conductivity column: expected sigma_S_cm or sigma_mS_cm (found ${t.header.join(', ')})`);
  const eCol = columnIndex(t, 'sigma_stderr_S_cm');
  const emCol = columnIndex(t, 'sigma_stderr_mS_cm');
  const points: ArrheniusPoint[] = [];
  for (let i = 0; i < t.lines.length; i++) {
    const line = t.lines[i]!;
    const T = kCol >= 0 ? t.columns[kCol]![i]! : celsiusToKelvin(t.columns[cCol]![i]!);
    const sigma = sCol >= 0 ? t.columns[sCol]![i]! : t.columns[msCol]![i]! * 1e-3;
    if (!(T > 0)) throw new InputError(file, line, `temperature ${T} K is not above absolute zero`);
    if (!(sigma > 0)) throw new InputError(file, line, `conductivity must be positive, got ${sigma} S/cm`);
    const p: ArrheniusPoint = { temperatureK: T, conductivity: sigma };
    if (eCol >= 0 || emCol >= 0) {
      const err = eCol >= 0 ? t.columns[eCol]![i]! : t.columns[emCol]![i]! * 1e-3;
      // A weighted fit needs every point's uncertainty; a zero or negative one is a typo, not a weight.
      if (!(err > 0)) throw new InputError(file, line, `the conductivity's standard error must be positive, got ${err} S/cm`);
      p.conductivityStderr = err;
    }
    points.push(p);
  }
  if (points.length < 2) throw new InputError(file, undefined, `an Arrhenius fit needs at least two rows, found ${points.length}`);
  const temps = new Set(points.map((p) => p.temperatureK));
  if (temps.size < 2) throw new InputError(file, undefined, 'all rows have the same temperature; expected at least two temperatures');
  return points;
}
