/**
 * Phase identification of a measured powder pattern against candidate crystal structures
 * (search–match on peak lists).
 *
 * 1. Measured peaks: SNIP background, smoothing, maxima above the counting noise and narrower
 *    than `maxFwhm` (findPatternPeaks). With Cu Kα radiation, Kα2 satellites (a weaker peak where
 *    λ(Kα2) = 1.54439 Å puts the partner of a stronger Kα1 = 1.54056 Å peak) are set aside.
 * 2. Each candidate's stick pattern is computed as pymatgen would (xrdPattern) over the measured
 *    range; sticks of at least `minIntensity` (on 0–100) take part.
 * 3. The candidate's lattice may be scaled isotropically by 1 + ε, |ε| ≤ maxStrain (a CIF's cell
 *    rarely equals the sample's); a stick is matched when a measured peak lies within ±tolerance
 *    degrees of its 2θ.
 * 4. Figure of merit (FOM), 0–1: the intensity-weighted fraction of the candidate's sticks that
 *    are matched, Σ_matched I_calc / Σ I_calc, maximised over ε. "explained" is the fraction of
 *    the measured (non-Kα2) peak height its matched peaks account for.
 * 5. Greedy mixture: the candidate with the largest FOM × explained(new) is accepted if its FOM ≥
 *    minFom; its measured peaks are marked explained and the search repeats on what is left,
 *    requiring each further phase to explain at least `minExplained` of new peak height.
 */
import type { Structure } from '../atoms/structure.js';
import { findPatternPeaks, type MeasuredPeak, type PeakSearchOptions } from './peaks.js';
import { xrdPattern } from './xrd.js';

export interface Candidate {
  name: string;
  structure: Structure;
}

export interface IdentifyOptions extends PeakSearchOptions {
  /** Å (default 1.54184, Cu Kα). */
  wavelength?: number;
  /** Match window in degrees of 2θ (default 0.2). */
  tolerance?: number;
  /** Largest isotropic lattice scaling tried, as a fraction (default 0.02). */
  maxStrain?: number;
  /** Sticks weaker than this (0–100) are ignored (default 2). */
  minIntensity?: number;
  /** FOM needed to call a phase present (default 0.7). */
  minFom?: number;
  /** New measured peak height a further phase must explain (default 0.03). */
  minExplained?: number;
  /** Broader peaks are background features, not Bragg peaks (default 1.0° FWHM). */
  maxFwhm?: number;
  /** Set aside Cu Kα2 satellites (default: true when the wavelength is 1.54184 Å). */
  kalpha2?: boolean;
}

export interface CandidateScore {
  name: string;
  /** Figure of merit 0–1 (see file comment). */
  fom: number;
  /** Fraction of measured peak height explained by this phase (at its best ε). */
  explained: number;
  /** Best lattice scaling ε (fraction). */
  strain: number;
  /** Matched sticks / sticks considered. */
  matched: number;
  sticks: number;
  identified: boolean;
  /** Order in which the phase was accepted (1 = main phase), when identified. */
  rank?: number;
}

export interface IdentifyResult {
  peaks: (MeasuredPeak & { kalpha2: boolean; explainedBy?: string })[];
  candidates: CandidateScore[];
  identified: string[];
  /** Fraction of measured (non-Kα2) peak height no identified phase explains. */
  unexplained: number;
}

const CU_KA1 = 1.54056;
const CU_KA2 = 1.54439;
const DEG = Math.PI / 180;

/** Full width at half maximum of a peak of `net` at index i (degrees), or Infinity if it never halves within ±span. */
function fwhmAt(x: Float64Array, net: Float64Array, i: number, span: number): number {
  const half = net[i]! / 2;
  let l = i;
  while (l > 0 && net[l]! > half && x[i]! - x[l]! < span) l--;
  let r = i;
  while (r < net.length - 1 && net[r]! > half && x[r]! - x[i]! < span) r++;
  if (net[l]! > half || net[r]! > half) return Infinity;
  return x[r]! - x[l]!;
}

interface Stick {
  twoTheta: number;
  d: number;
  intensity: number;
}

function shiftedTwoTheta(d: number, eps: number, wavelength: number): number {
  const s = wavelength / (2 * d * (1 + eps));
  return s >= 1 ? NaN : (2 * Math.asin(s)) / DEG;
}

export function identifyPhases(x: Float64Array, y: Float64Array, candidates: readonly Candidate[], o: IdentifyOptions = {}): IdentifyResult {
  const wavelength = o.wavelength ?? 1.54184;
  const tol = o.tolerance ?? 0.2;
  const maxStrain = o.maxStrain ?? 0.02;
  const minI = o.minIntensity ?? 2;
  const minFom = o.minFom ?? 0.7;
  const minExplained = o.minExplained ?? 0.03;
  const search = findPatternPeaks(x, y, o);
  const step = (x[x.length - 1]! - x[0]!) / (x.length - 1);
  const maxFwhm = o.maxFwhm ?? 1.0;
  const peaks = search.peaks
    .filter((p) => fwhmAt(x, search.net, Math.round((p.twoTheta - x[0]!) / step), 2 * maxFwhm) <= maxFwhm)
    .map((p) => ({ ...p, kalpha2: false, explainedBy: undefined as string | undefined }));
  const useKa2 = o.kalpha2 ?? Math.abs(wavelength - 1.54184) < 1e-4;
  if (useKa2) {
    for (const p of peaks) {
      const t1 = (p.twoTheta * DEG) / 2;
      const t2 = Math.asin(Math.min(1, (CU_KA2 / CU_KA1) * Math.sin(t1)));
      const expected = (2 * t2) / DEG;
      for (const q of peaks) {
        if (q !== p && !q.kalpha2 && q.height < 0.75 * p.height && Math.abs(q.twoTheta - expected) < 0.06) q.kalpha2 = true;
      }
    }
  }
  const used = peaks.filter((p) => !p.kalpha2);
  const total = used.reduce((a, p) => a + p.height, 0);

  const sticks = new Map<string, Stick[]>();
  for (const c of candidates) {
    const pat = xrdPattern(c.structure, { wavelength, twoThetaRange: [x[0]!, x[x.length - 1]!] });
    sticks.set(
      c.name,
      pat.peaks.filter((p) => p.intensity >= minI).map((p) => ({ twoTheta: p.twoTheta, d: p.d, intensity: p.intensity })),
    );
  }

  /** Score of a candidate given which measured peaks are already explained. */
  const score = (name: string, explained: Set<number>) => {
    const list = sticks.get(name)!;
    const sum = list.reduce((a, s) => a + s.intensity, 0);
    let best = { fom: 0, strain: 0, matched: 0, hit: new Set<number>(), newHeight: 0, height: 0, residual: Infinity };
    const nSteps = Math.round(maxStrain / 0.0005);
    for (let e = -nSteps; e <= nSteps; e++) {
      const eps = e / 2000; // 0.05 % steps, printed exactly
      let got = 0;
      let matched = 0;
      let residual = 0;
      const hit = new Set<number>();
      for (const s of list) {
        const tt = shiftedTwoTheta(s.d, eps, wavelength);
        let bestJ = -1;
        let bestDist = tol;
        for (let j = 0; j < used.length; j++) {
          const dist = Math.abs(used[j]!.twoTheta - tt);
          if (dist <= bestDist) {
            bestDist = dist;
            bestJ = j;
          }
        }
        if (bestJ >= 0) {
          got += s.intensity;
          residual += s.intensity * bestDist;
          matched++;
          hit.add(bestJ);
        }
      }
      const fom = sum > 0 ? got / sum : 0;
      let newHeight = 0;
      let height = 0;
      for (const j of hit) {
        height += used[j]!.height;
        if (!explained.has(j)) newHeight += used[j]!.height;
      }
      residual = got > 0 ? residual / got : Infinity;
      // Prefer higher FOM, then more newly explained peak height, then the ε whose sticks sit
      // closest to the measured peaks (intensity-weighted mean |Δ2θ|): a coarse lattice refinement.
      const better =
        fom > best.fom + 1e-12 ||
        (Math.abs(fom - best.fom) <= 1e-12 &&
          (newHeight > best.newHeight * (1 + 1e-12) || (Math.abs(newHeight - best.newHeight) <= 1e-12 * Math.max(1, newHeight) && residual < best.residual)));
      if (better) best = { fom, strain: eps, matched, hit, newHeight, height, residual };
    }
    return { ...best, sticks: list.length, explainedNew: total > 0 ? best.newHeight / total : 0, explainedAll: total > 0 ? best.height / total : 0 };
  };

  const explained = new Set<number>();
  const accepted: string[] = [];
  const results = new Map<string, CandidateScore>();
  for (const c of candidates) {
    const s = score(c.name, explained);
    results.set(c.name, { name: c.name, fom: s.fom, explained: s.explainedAll, strain: s.strain, matched: s.matched, sticks: s.sticks, identified: false });
  }
  for (;;) {
    let pick: { name: string; value: number; hit: Set<number> } | undefined;
    for (const c of candidates) {
      if (accepted.includes(c.name)) continue;
      const s = score(c.name, explained);
      if (s.fom < minFom || s.explainedNew < (accepted.length === 0 ? 0 : minExplained)) continue;
      const value = s.fom * s.explainedNew;
      if (!pick || value > pick.value) pick = { name: c.name, value, hit: s.hit };
    }
    if (!pick) break;
    accepted.push(pick.name);
    const r = results.get(pick.name)!;
    r.identified = true;
    r.rank = accepted.length;
    for (const j of pick.hit) {
      explained.add(j);
      used[j]!.explainedBy ??= pick.name;
    }
  }
  let left = 0;
  for (let j = 0; j < used.length; j++) if (!explained.has(j)) left += used[j]!.height;
  return {
    peaks,
    candidates: [...results.values()].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || b.fom - a.fom),
    identified: accepted,
    unexplained: total > 0 ? left / total : 0,
  };
}
