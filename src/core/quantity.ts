/**
 * A physical quantity as it appears in every JSON output (CONTRACT §0):
 * `{ value, unit, stderr? }`. `stderr` is one standard error in the same unit.
 */
export interface Quantity {
  value: number;
  unit: string;
  stderr?: number;
}

/** Builds a Quantity; a non-finite stderr is dropped rather than serialised as null. */
export function quantity(value: number, unit: string, stderr?: number): Quantity {
  const q: Quantity = { value, unit };
  if (stderr !== undefined && Number.isFinite(stderr)) q.stderr = stderr;
  return q;
}
