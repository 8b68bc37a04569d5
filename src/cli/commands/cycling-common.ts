/** Option checks shared by the cycling commands (mass, area) — bad values are bad input (exit 1), missing required ones usage errors (exit 2). */
import { InputError, UsageError } from '../../core/errors.js';
import { quantity, type Quantity } from '../../core/quantity.js';

/** g from `--mass-mg`; a mass ≤ 0 is an error naming the option. */
export function massG(mg: number | undefined, required: boolean): number | undefined {
  if (mg === undefined) {
    // A missing required option is a usage error (exit 2); a wrong value is bad input (exit 1).
    if (required) throw new UsageError('--mass-mg is required: the active-material mass in mg');
    return undefined;
  }
  if (!(mg > 0)) throw new InputError('--mass-mg', undefined, `must be a positive mass of active material in mg; got ${mg}`);
  return mg / 1000;
}

export function positiveOption(name: string, x: number | undefined, what: string): number | undefined {
  if (x === undefined) return undefined;
  if (!(x > 0)) throw new InputError(name, undefined, `must be positive (${what}); got ${x}`);
  return x;
}

/** Ah → mAh/g with a mass, else mAh. */
export function capacityQuantity(ah: number, mass: number | undefined): Quantity {
  return mass ? quantity((ah * 1000) / mass, 'mAh/g') : quantity(ah * 1000, 'mAh');
}
