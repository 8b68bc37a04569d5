import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';

// CONTRACT §0: a usage error (here: a required option left out) exits 2 with one line;
// a wrong value (a mass of zero) is bad input and exits 1 (issue 4).
describe('required options', () => {
  const cyc = sharedData('cycling/biologic/navani_jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr');
  for (const args of [
    ['cycling', 'rate', cyc],
    ['gitt', cyc, '--mass-mg', '5', '--molar-volume', '30', '--area-cm2', '1'],
    ['gitt', cyc, '--mass-mg', '5', '--molar-mass', '100', '--area-cm2', '1'],
    ['gitt', cyc, '--mass-mg', '5', '--molar-mass', '100', '--molar-volume', '30'],
    ['gitt', cyc, '--molar-mass', '100', '--molar-volume', '30', '--area-cm2', '1'],
  ]) {
    it(`${args.filter((a) => a.startsWith('--') || !a.includes('/')).join(' ')} → exit 2`, async () => {
      const r = await runCli([...args, '--json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^superionic: error: --[a-z0-9-]+ is required/);
    });
  }

  it('a mass of zero is bad input: exit 1', async () => {
    const r = await runCli(['cycling', 'rate', cyc, '--mass-mg', '0', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^superionic: error: --mass-mg/);
  });
});
