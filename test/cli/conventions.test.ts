import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { packageVersion } from '../../src/cli/main.js';

describe('CLI conventions (CONTRACT §0)', () => {
  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(packageVersion());
  });

  it('has help on every level', async () => {
    for (const args of [['--help'], ['eis', '--help'], ['eis', 'fit', '--help'], ['structure', 'rdf', '--help'], ['md', '--help']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: superionic/);
    }
  });

  it('exits 2 with one line for an unknown command', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^superionic: error: /);
  });

  it('exits 2 when a required option is missing', async () => {
    const r = await runCli(['eis', 'fit', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--circuit/);
  });
});
