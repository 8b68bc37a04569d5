/**
 * The input checks Lin-KK and the DRT share: enough points, finite numbers, positive and
 * distinct frequencies. Bad input becomes one InputError line naming the file and the point.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../spectrum.js';

export function checkSpectrum(s: ImpedanceSpectrum, minPoints: number, what: string): void {
  const file = typeof s.meta.source === 'string' ? s.meta.source : '';
  const n = s.frequency.length;
  if (n < minPoints) {
    throw new InputError(file, undefined, `${n} impedance point(s); ${what} needs at least ${minPoints}`);
  }
  for (let i = 0; i < n; i++) {
    const f = s.frequency[i]!;
    if (!Number.isFinite(f) || !Number.isFinite(s.real[i]!) || !Number.isFinite(s.imag[i]!)) {
      throw new InputError(file, `point ${i + 1}`, 'frequency or impedance is not a finite number');
    }
    if (!(f > 0)) throw new InputError(file, `point ${i + 1}`, `frequency ${f} Hz; expected a positive frequency`);
    if (s.real[i] === 0 && s.imag[i] === 0) {
      throw new InputError(file, `point ${i + 1}`, 'impedance is exactly 0; expected a measured value');
    }
  }
  const sorted = Float64Array.from(s.frequency).sort();
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new InputError(file, 'frequency', `duplicate frequency ${sorted[i]} Hz; expected one point per frequency (split repeated sweeps first)`);
    }
  }
}
