import { InputError } from '../../../src/core/errors.js';
import type { Frame, Trajectory } from '../../../src/atoms/trajectory.js';

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

export function frames(t: Trajectory): Frame[] {
  return [...(t.frames() as Iterable<Frame>)];
}

/** Runs fn, expects an InputError, returns it (for line and message checks). */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
