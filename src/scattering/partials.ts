/**
 * Input shared by the total-scattering routes (X-ray PDF and the amorphous powder pattern):
 * partial pair distribution functions g_ab(r) in the CONTRACT §5 convention (bins
 * [k·dr, (k+1)·dr) reported at centres, exact shell volumes), with the composition and volume
 * they were computed for. The scattering module does not compute g(r) itself (that is atoms/'s
 * job): PartialPdfAccumulator feeds frames to atoms/rdf's RdfAccumulator, the engine of
 * `structure rdf`, and hands its partials over with the composition and mean volume.
 */
import { elementSymbol } from '../core/elements.js';
import type { Cell } from '../atoms/structure.js';
import { cellVolume } from '../atoms/structure.js';
import { speciesCounts } from '../atoms/composition.js';
import { RdfAccumulator } from '../atoms/rdf.js';

export interface PartialPdfInput {
  /** Bin centres, Å, evenly spaced by dr starting at dr/2. */
  r: Float64Array;
  /** Bin width, Å. */
  dr: number;
  /** Atoms per element: atomic number → count. */
  counts: ReadonlyMap<number, number>;
  /** Cell volume, Å³ (ρ0 = N/V). */
  volume: number;
  /** Partials by atomic numbers; g_ab = g_ba, so each unordered pair once is enough. */
  partials: readonly { a: number; b: number; g: Float64Array }[];
}

/**
 * Partial g(r) of every unordered species pair over frames, with the mean volume: the input of
 * the total-scattering routes. A species with a single atom has no like pairs; its g_aa is zero.
 */
export class PartialPdfAccumulator {
  private readonly species: [number, number][];
  private readonly single: { a: number; b: number }[] = [];
  private readonly rdf: RdfAccumulator;
  private volumeSum = 0;

  /**
   * @param rMax outer edge, Å; @param dr bin width, Å. Throws RangeError when no pair exists
   * (a single atom) or the bins do not fit.
   */
  constructor(numbers: Uint8Array, rMax: number, dr: number, pbc: readonly [boolean, boolean, boolean] = [true, true, true]) {
    this.species = speciesCounts(numbers);
    const pairs: { a: number; b: number }[] = [];
    this.species.forEach(([a, na], i) => {
      for (const [b] of this.species.slice(i)) (a === b && na < 2 ? this.single : pairs).push({ a, b });
    });
    if (pairs.length === 0) throw new RangeError('a single atom has no pair distribution function');
    this.rdf = new RdfAccumulator(numbers, pairs, rMax, dr, pbc);
  }

  /** Adds one frame: positions n×3 Å and its cell. */
  addFrame(positions: Float64Array, cell: Cell): void {
    this.rdf.addFrame(positions, cell);
    this.volumeSum += cellVolume(cell);
  }

  get frames(): number {
    return this.rdf.frames;
  }

  result(): PartialPdfInput & { frames: number } {
    if (this.rdf.frames === 0) throw new RangeError('no frames were added');
    const res = this.rdf.result();
    return {
      r: res.r,
      dr: res.dr,
      counts: new Map(this.species),
      volume: this.volumeSum / res.frames,
      partials: [...res.pairs.map((p) => ({ a: p.a, b: p.b, g: p.g })), ...this.single.map((p) => ({ ...p, g: new Float64Array(res.r.length) }))],
      frames: res.frames,
    };
  }
}

/** The element list (in the order of `counts`), concentrations c_a and number density ρ0 (Å⁻³). */
export function composition(input: PartialPdfInput): { z: number[]; c: number[]; rho0: number; n: number } {
  const z = [...input.counts.keys()];
  const n = [...input.counts.values()].reduce((a, b) => a + b, 0);
  return { z, c: z.map((k) => input.counts.get(k)! / n), rho0: n / input.volume, n };
}

/** g_ab for atomic numbers a, b (either order); throws if the partial is missing. */
export function partialOf(input: PartialPdfInput, a: number, b: number): Float64Array {
  const p = input.partials.find((q) => (q.a === a && q.b === b) || (q.a === b && q.b === a));
  if (!p) throw new RangeError(`partial g(r) ${elementSymbol(a)}-${elementSymbol(b)} is missing`);
  return p.g;
}

/** Unordered pairs (a ≤ b in the element order) as index pairs. */
export function unorderedPairs(m: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) out.push([i, j]);
  return out;
}

/**
 * Partial structure factors S_ab(Q) = 1 + 4πρ0 Σ_k r_k² (g_ab(r_k) − 1) sin(Q r_k)/(Q r_k) L(r_k) dr,
 * with the real-space window L(r) = sin(πr/R)/(πr/R) (R = outer bin edge) when `window` is set
 * (it tames the truncation of g at R). Returns one Float64Array per unordered pair.
 */
export function partialStructureFactors(input: PartialPdfInput, q: Float64Array, window: boolean): Float64Array[] {
  const { z, rho0 } = composition(input);
  const nb = input.r.length;
  const R = nb * input.dr;
  const weightR = new Float64Array(nb);
  for (let k = 0; k < nb; k++) {
    const r = input.r[k]!;
    const x = (Math.PI * r) / R;
    weightR[k] = 4 * Math.PI * rho0 * r * r * input.dr * (window ? Math.sin(x) / x : 1);
  }
  const pairs = unorderedPairs(z.length);
  const h = pairs.map(([i, j]) => {
    const g = partialOf(input, z[i]!, z[j]!);
    return Float64Array.from(weightR, (w, k) => w * (g[k]! - 1));
  });
  const out = pairs.map(() => new Float64Array(q.length));
  const kernel = new Float64Array(nb);
  for (let m = 0; m < q.length; m++) {
    const qm = q[m]!;
    // sin(Q r_k) on the uniform grid r_k = (k + ½) dr by the rotation recurrence (one sin/cos
    // pair per Q instead of one per bin; drift ~1e-13 over thousands of bins).
    const cd = Math.cos(qm * input.dr);
    const sd = Math.sin(qm * input.dr);
    let sn = Math.sin(qm * input.r[0]!);
    let cs = Math.cos(qm * input.r[0]!);
    for (let k = 0; k < nb; k++) {
      const qr = qm * input.r[k]!;
      kernel[k] = qr === 0 ? 1 : sn / qr;
      const t = sn * cd + cs * sd;
      cs = cs * cd - sn * sd;
      sn = t;
    }
    for (let p = 0; p < pairs.length; p++) {
      const hp = h[p]!;
      let sum = 0;
      for (let k = 0; k < nb; k++) sum += hp[k]! * kernel[k]!;
      out[p]![m] = 1 + sum;
    }
  }
  return out;
}
