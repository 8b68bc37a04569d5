/** Option parsers shared by the commands: numbers with their option name in the error. */
import { InvalidArgumentError } from 'commander';

/** A finite number, e.g. `--thickness-cm 0.06`. */
export function number(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return x;
}

/** A strictly positive number. */
export function positive(value: string): number {
  const x = number(value);
  if (!(x > 0)) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return x;
}

/** A non-negative integer. */
export function integer(value: string): number {
  const x = number(value);
  if (!Number.isInteger(x) || x < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return x;
}

/** A whole number ≥ 1 (counts and strides, where 0 would divide by zero or do nothing). */
export function positiveInteger(value: string): number {
  const x = integer(value);
  if (x < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}"`);
  return x;
}

/** A choice among fixed words. */
export function oneOf<T extends string>(...choices: T[]) {
  return (value: string): T => {
    if (!(choices as string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got "${value}"`);
    }
    return value as T;
  };
}
