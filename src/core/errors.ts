/**
 * The error kinds the CLI knows how to report (CONTRACT §0 exit codes):
 * InputError → 1, UsageError and NotBuiltError → 2, ConvergenceError → 3.
 * Domain code throws these; only the CLI turns them into a line on stderr and an exit code.
 */

/** Bad input: unreadable, malformed or inconsistent. `location` is a line number or a field name. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly location: number | string | undefined,
    readonly detail: string,
  ) {
    super(formatInputError(file, location, detail));
    this.name = 'InputError';
  }
}

function formatInputError(file: string, location: number | string | undefined, detail: string): string {
  const where = location === undefined || location === '' ? file : `${file}:${location}`;
  return where ? `${where}: ${detail}` : detail;
}

/** The command line itself is wrong (unknown option, missing argument, contradictory flags). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command or option that the contract names but that is not built yet. */
export class NotBuiltError extends Error {
  constructor(what: string) {
    super(`${what} is not built yet`);
    this.name = 'NotBuiltError';
  }
}

/** A numerical method did not converge; `partial` may carry the best result reached. */
export class ConvergenceError extends Error {
  constructor(
    message: string,
    readonly partial?: unknown,
  ) {
    super(message);
    this.name = 'ConvergenceError';
  }
}

/** Throws an InputError unless `x` is finite; used at parse boundaries so NaN never travels on. */
export function requireFinite(x: number, file: string, location: number | string | undefined, what: string): number {
  if (!Number.isFinite(x)) throw new InputError(file, location, `${what} is not a finite number`);
  return x;
}
