/**
 * Seeded random numbers (DESIGN §4: same seed, same bytes). A thin wrapper over pure-rand's
 * xoroshiro128+ that hands out doubles in [0, 1), standard normals (Box–Muller, both values used)
 * and integers. `state()`/`createRngFromState()` let checkpoints resume the exact same stream.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export interface Rng {
  /** Uniform double in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** The full generator state, JSON-serialisable, for checkpoints. */
  state(): RngState;
}

export interface RngState {
  generator: number[];
  spareNormal: number | null;
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  // xoroshiro128+ seeded from a small integer starts with poorly mixed outputs; burn them.
  for (let i = 0; i < 32; i++) gen.next();
  return wrap(gen, null);
}

export function createRngFromState(state: RngState): Rng {
  return wrap(xoroshiro128plusFromState(state.generator), state.spareNormal);
}

function wrap(gen: JumpableRandomGenerator, spareNormal: number | null): Rng {
  let spare = spareNormal;
  const uniform = (): number => uniformFloat64(gen);
  return {
    uniform,
    normal(): number {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      return uniformInt(gen, 0, n - 1);
    },
    state(): RngState {
      return { generator: [...gen.getState()], spareNormal: spare };
    },
  };
}
