/**
 * eis-fit: fits the circuit to every listed spectrum (automatic starting values), takes the
 * bulk resistor and, with the sample's pellet geometry, the conductivity σ = L/(R_bulk·A).
 * Keeps measured and model spectra for the Nyquist and Bode figures.
 */
import { InputError } from '../../core/errors.js';
import { quantity, type Quantity } from '../../core/quantity.js';
import { CircuitModel } from '../../impedance/circuit/index.js';
import { bulkParameter } from '../../impedance/fit/bulk.js';
import { fitCircuit } from '../../impedance/fit/fit.js';
import { selectFrequencyRange } from '../../impedance/spectrum.js';
import { pelletConductivity } from '../../transport/pellet.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, StudyIssue } from '../types.js';
import { arr, eachCollecting, kelvin, pelletArea, readSpectrum } from './common.js';

type A = Extract<Analysis, { type: 'eis-fit' }>;

export const eisFitRunner: AnalysisRunner<A> = {
  type: 'eis-fit',
  version: 1,
  built: true,
  title: () => 'Equivalent-circuit fits and pellet conductivity',
  dependencies: (a, ctx) => {
    const ms = a.measurements.map((id) => ctx.measurement(id));
    return { files: ms.map((m) => m.file), entries: [ms, ms.map((m) => ctx.sample(m.sample) ?? null)], upstream: [] };
  },
  async run(a, ctx) {
    const errors: StudyIssue[] = [];
    const model = new CircuitModel(a.circuit);
    // A wrong bulk name is a fault of the manifest, not of each spectrum: say so once, by field.
    if (a.bulk !== undefined) {
      try {
        bulkParameter(model, new Float64Array(model.parameterCount), a.bulk);
      } catch (e) {
        throw new InputError('study.json', `analyses.${a.id}.bulk`, e instanceof InputError ? e.detail : (e as Error).message);
      }
    }
    const done = await eachCollecting(
      a.measurements.map((id) => ctx.measurement(id)),
      (m) => m.file,
      (m) => {
        const s = readSpectrum(ctx, m);
        const data = selectFrequencyRange(s, a.fminHz, a.fmaxHz);
        const fit = fitCircuit(data, model, a.weighting ? { weighting: a.weighting } : {});
        const parameters: Record<string, Quantity> = {};
        fit.names.forEach((n, i) => (parameters[n] = quantity(fit.values[i]!, fit.units[i]!, fit.stderr[i]!)));
        const row: Record<string, unknown> = {
          measurement: m.id,
          file: m.file,
          sample: m.sample ?? null,
          temperatureK: kelvin(m) ?? null,
          circuit: fit.circuit,
          points: fit.points,
          converged: fit.converged,
          parameters,
          chiSquare: fit.chiSquare,
          aic: fit.aic,
        };
        const sample = ctx.sample(m.sample);
        const area = pelletArea(sample);
        const bulk = bulkParameter(model, fit.values, a.bulk);
        row.bulk = bulk ?? null;
        if (bulk && parameters[bulk]) {
          const R = quantity(parameters[bulk]!.value, 'Ohm', parameters[bulk]!.stderr);
          row.bulkResistance = R;
          const L = sample?.pellet?.thicknessCm;
          // Geometry is taken as exact: only R_bulk's error propagates.
          if (L !== undefined && area !== undefined) row.conductivity = pelletConductivity(R, { thicknessCm: L, areaCm2: area });
        }
        // Model curve on a dense grid over the fitted range, for the figures.
        const n = 120;
        const fmin = Math.min(...data.frequency);
        const fmax = Math.max(...data.frequency);
        const fm = Float64Array.from({ length: n }, (_, k) => fmax * (fmin / fmax) ** (k / (n - 1)));
        const zr = new Float64Array(n);
        const zi = new Float64Array(n);
        model.evaluate(fm, fit.values, zr, zi);
        row.spectrum = { frequency: arr(s.frequency), real: arr(s.real), imag: arr(s.imag) };
        row.model = { frequency: arr(fm), real: arr(zr), imag: arr(zi) };
        if (!fit.converged) errors.push({ file: m.file, message: 'the fit did not converge; its numbers are shown but should not be trusted' });
        return row;
      },
      errors,
    );
    return { results: done.length ? { circuit: model.circuit, fits: done.map((d) => d.value) } : {}, errors };
  },
  methods: (a) =>
    `Each spectrum is fitted with the circuit ${a.circuit} by bounded Levenberg–Marquardt on log-scaled parameters, ${a.weighting ?? 'modulus'} weighting, starting values found automatically from the spectrum (high-frequency intercept, arc apexes and diameters, low-frequency spur) with seeded restarts. Standard errors from the covariance (JᵀWJ)⁻¹·χ²/ν. The bulk resistance is ${a.bulk ?? 'the resistance of the highest-frequency arc (smallest time constant), else the series resistor'}; conductivity σ = L/(R_bulk·A) with the pellet thickness L and electrode area A of the sample, its error propagated from R_bulk only (geometry taken as exact). Z″ is negative for capacitive behaviour; Nyquist plots show −Z″.`,
};
