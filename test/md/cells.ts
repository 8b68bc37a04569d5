/**
 * Small test cells generated here (random sequential placement with pair-specific minimum
 * distances, like anchors/md/gen-amorphous.mjs), and the demo NHOC potential in JSON form.
 */
import type { Structure } from '../../src/atoms/structure.js';
import { atomicNumber } from '../../src/core/elements.js';
import { createRng } from '../../src/core/rng.js';
import type { Potential } from '../../src/md/potential.js';

/** Na2HfO2Cl4 × fu in a cubic (or stretched) box at `density` g/cm³. */
export function randomNhoc(
  fu: number, seed: number, density = 3.0, stretch: [number, number, number] = [1, 1, 1], peroxide = false, metal = 'Hf', chlorines = 4,
): Structure {
  const species: string[] = [];
  for (let k = 0; k < fu; k++) species.push('Na', 'Na', metal, 'O', 'O', ...Array<string>(chlorines).fill('Cl'));
  const metalMass: Record<string, number> = { Hf: 178.49, Zr: 91.224, Ta: 180.948 };
  const massFu = 2 * 22.98977 + metalMass[metal]! + 2 * 15.999 + chlorines * 35.453;
  const volume = (fu * massFu) / 6.02214076e23 / density * 1e24; // Å^3
  const s = Math.cbrt(volume / (stretch[0] * stretch[1] * stretch[2]));
  const L = stretch.map((f) => f * s) as [number, number, number];
  const rng = createRng(seed);
  const cation = (e: string) => e === 'Na' || e === metal;
  const minDist = (a: string, b: string) => {
    if (cation(a) !== cation(b)) return 2.0;
    if (!cation(a)) return 2.6;
    return a === metal && b === metal ? 3.4 : 3.0;
  };
  const pos: number[] = [];
  for (let i = 0; i < species.length; i++) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 100000) throw new Error('could not place atoms');
      // peroxide: the second O of a formula unit sits 1.45 Å from the first
      const partner = peroxide && species[i] === 'O' && species[i - 1] === 'O' ? i - 1 : -1;
      let p = [rng.uniform() * L[0], rng.uniform() * L[1], rng.uniform() * L[2]];
      if (partner >= 0) {
        const u = [rng.normal(), rng.normal(), rng.normal()];
        const nu = Math.hypot(u[0]!, u[1]!, u[2]!);
        p = [0, 1, 2].map((k) => pos[3 * partner + k]! + (1.45 * u[k]!) / nu);
      }
      let ok = true;
      for (let j = 0; j < i && ok; j++) {
        if (j === partner) continue;
        let d2 = 0;
        for (let k = 0; k < 3; k++) {
          let d = p[k]! - pos[3 * j + k]!;
          d -= L[k]! * Math.round(d / L[k]!);
          d2 += d * d;
        }
        if (d2 < minDist(species[i]!, species[j]!) ** 2) ok = false;
      }
      if (ok) {
        pos.push(...p);
        break;
      }
    }
  }
  return {
    cell: [[L[0], 0, 0], [0, L[1], 0], [0, 0, L[2]]],
    numbers: Uint8Array.from(species.map((e) => atomicNumber(e)!)),
    positions: Float64Array.from(pos),
    pbc: [true, true, true],
  };
}

/** DEMO-NHOC-v0 (anchors/md/nhoc-demo-pot.lmp) as a CONTRACT §8 potential. */
export function demoPotential(method: 'dsf' | 'ewald' | 'pme', cutoff = 10, accuracy = 1e-6): Potential {
  const pair = (a: string, b: string, A: number, rho: number, C: number, D: number) => ({ a, b, A, rho, sigma: 0, C, D, cutoff });
  return {
    charges: { Na: 0.6, Hf: 2.4, O: -0.6, Cl: -0.6 },
    coulomb: method === 'dsf' ? { method, alpha: 0.2, cutoff } : { method, accuracy, cutoff },
    pairs: [
      pair('Na', 'Na', 419.08387, 0.31746, 1.0485735, -0.4993207),
      pair('Na', 'O', 4383.7555, 0.243838, 30.7, 0),
      pair('Na', 'Cl', 1239.1458, 0.31746, 6.9904902, -8.6756976),
      pair('Hf', 'O', 17943.384, 0.226627, 127.65, 0),
      pair('Hf', 'Cl', 3500, 0.3, 0, 0),
      pair('O', 'O', 2029.2204, 0.343645, 192.58, 0),
      pair('O', 'Cl', 2640.1109, 0.330553, 118.08083, 0),
      pair('Cl', 'Cl', 3434.9081, 0.31746, 72.401505, -145.42716),
    ],
  };
}
