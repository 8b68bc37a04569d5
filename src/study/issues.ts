/** Turning any thrown error into one report line (InputError already carries file:line). */
import { ConvergenceError, InputError } from '../core/errors.js';
import type { StudyIssue } from './types.js';

export function issueOf(e: unknown, file?: string): StudyIssue {
  if (e instanceof InputError) {
    const where = e.location === undefined || e.location === '' ? e.file : `${e.file}:${e.location}`;
    return { file: where || file, message: e.detail };
  }
  if (e instanceof ConvergenceError) return { file, message: `did not converge: ${e.message}` };
  return { file, message: e instanceof Error ? e.message : String(e) };
}
