/**
 * External engines (LAMMPS, Chromium) come from Debian packages. Where one is missing a test
 * may skip and say why — except under CI=true, where .ci/run installs it and absence is a failure.
 */
import { execFileSync } from 'node:child_process';

export function findExecutable(...names: string[]): string | undefined {
  for (const name of names) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      /* not on PATH */
    }
  }
  return undefined;
}

/**
 * Returns the executable's path, or undefined (the caller skips) when it is absent outside CI.
 * Under CI=true a missing engine throws, failing the suite.
 */
export function requireEngine(label: string, ...names: string[]): string | undefined {
  const p = findExecutable(...names);
  if (!p && process.env.CI === 'true') {
    throw new Error(`${label} (${names.join(' or ')}) is not installed, but CI=true: .ci/run must install it`);
  }
  if (!p) console.warn(`skipping ${label} tests: ${names.join(' or ')} not found on PATH (apt-get install it)`);
  return p;
}
