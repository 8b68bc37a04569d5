/**
 * Automatic starting values: the circuit's structure is matched to what the spectrum shows.
 *
 * - Resistors directly in the top-level series chain share the high-frequency intercept.
 * - "Arc units" — a parallel node with a C or CPE branch, or a Zarc/K/HN/G element — take
 *   the spectrum's arcs in string order ↔ high to low frequency (the usual way circuits are
 *   written: bulk, grain boundary, electrode). An arc of diameter R and apex frequency f gives
 *   τ = 1/(2πf), then C = τ/R, or Q = τ^α/R for a CPE (ZARC: (RQ)^(1/α) = τ), α from the arc's
 *   depression. Resistors in the non-capacitive branch share R. If the spectrum shows fewer
 *   arcs than the circuit has, the widest arc is split in two (half R, τ ×/÷ 3) until enough.
 * - Top-level C, CPE, W, Wo, Ws are the low-frequency spur: sized to −Z″ at the lowest
 *   frequency, with the CPE exponent from the spur's log–log slope.
 * - Warburgs inside an arc's resistive branch (e.g. p(R2-Wo1,C2)) take what is left of Z′ at
 *   the lowest frequency and τ ≈ 1/ω_min.
 * Anything not matched gets a value on the spectrum's own scale.
 */
import type { CircuitNode, ElementNode, ParallelNode } from '../circuit/parse.js';
import { parameterName, type CircuitModel } from '../circuit/model.js';
import type { Arc, SpectrumFeatures } from './features.js';

const CAPACITIVE = new Set(['C', 'CPE']);
const ARC_ELEMENTS = new Set(['Zarc', 'K', 'HN', 'G']);
const DIFFUSION = new Set(['W', 'Wo', 'Ws']);

type ArcUnit = { kind: 'parallel'; node: ParallelNode } | { kind: 'element'; node: ElementNode };

/** Arc units of a circuit in string (pre-)order. */
export function arcUnits(node: CircuitNode, out: ArcUnit[] = []): ArcUnit[] {
  if (node.kind === 'element') {
    if (ARC_ELEMENTS.has(node.def.type)) out.push({ kind: 'element', node });
    return out;
  }
  if (node.kind === 'parallel' && isArcParallel(node)) out.push({ kind: 'parallel', node });
  for (const c of node.children) arcUnits(c, out);
  return out;
}

/** A C or CPE element: the capacitive branch of an arc. */
export function isCapacitor(node: CircuitNode): node is ElementNode {
  return node.kind === 'element' && CAPACITIVE.has(node.def.type);
}

export function isArcParallel(node: ParallelNode): boolean {
  const caps = node.children.filter(isCapacitor);
  return caps.length >= 1 && caps.length < node.children.length;
}

/** The data arcs matched to `count` arc units (high to low frequency), splitting if needed. */
export function matchArcs(features: SpectrumFeatures, count: number): Arc[] {
  let arcs = [...features.arcs];
  if (arcs.length > count) {
    arcs = arcs
      .sort((a, b) => b.height * b.resistance - a.height * a.resistance)
      .slice(0, count)
      .sort((a, b) => b.frequency - a.frequency);
  }
  if (arcs.length === 0 && count > 0) {
    const f = features.frequency;
    const n = f.length;
    const span = Math.max(features.real[n - 1]! - features.rHigh, 0.1 * features.scale);
    arcs.push({ frequency: Math.sqrt(f[0]! * f[n - 1]!), height: span / 2, resistance: span, exponent: 0.85 });
  }
  while (arcs.length < count) {
    let w = 0;
    for (let i = 1; i < arcs.length; i++) if (arcs[i]!.resistance > arcs[w]!.resistance) w = i;
    const a = arcs[w]!;
    const half = { ...a, resistance: a.resistance / 2, height: a.height / 2 };
    arcs.splice(w, 1, { ...half, frequency: a.frequency * 3 }, { ...half, frequency: a.frequency / 3 });
  }
  return arcs;
}

/**
 * Starting parameter values for `model` from `features`. `arcs` (default: `matchArcs`) are the
 * data arcs given to the arc units in order, so restarts can try other assignments.
 */
export function initialParameters(model: CircuitModel, features: SpectrumFeatures, arcs?: Arc[]): Float64Array {
  const p = genericValues(model, features);
  const units = arcUnits(model.tree);
  const queue = [...(arcs ?? matchArcs(features, units.length))];
  const f = features.frequency;
  const n = f.length;
  const wLow = 2 * Math.PI * f[n - 1]!;
  const wHigh = 2 * Math.PI * f[0]!;
  const mzLow = Math.max(-features.imag[n - 1]!, 1e-3 * features.scale);
  let arcTotal = 0;
  for (const a of queue) arcTotal += a.resistance;
  const leftover = Math.max(features.real[n - 1]! - features.rHigh - arcTotal, 0.05 * (arcTotal + features.rHigh));

  const set = (el: ElementNode, index: number, v: number): void => {
    const k = model.indexOf(parameterName(el, index));
    if (k >= 0 && Number.isFinite(v) && v > 0) p[k] = model.parameters[k]!.kind === 'exponent' ? Math.min(1, v) : v;
  };

  const diffusion = (el: ElementNode, amount: number): void => {
    if (el.def.type === 'W') set(el, 0, amount * Math.sqrt(wLow));
    else {
      set(el, 0, amount);
      set(el, 1, 1 / wLow);
    }
  };

  const spurElement = (el: ElementNode): void => {
    const alpha = features.spur.present ? features.spur.exponent : 0.8;
    switch (el.def.type) {
      case 'C':
        set(el, 0, 1 / (wLow * mzLow));
        break;
      case 'CPE':
        set(el, 0, Math.sin((alpha * Math.PI) / 2) / (mzLow * Math.pow(wLow, alpha)));
        set(el, 1, alpha);
        break;
      case 'W':
      case 'Wo':
      case 'Ws':
        diffusion(el, mzLow);
        break;
    }
  };

  /** Resistors (and nested structure) of an arc's resistive branch sharing resistance R. */
  const branch = (node: CircuitNode, r: number): void => {
    if (node.kind === 'element') {
      const t = node.def.type;
      if (t === 'R') set(node, 0, r);
      else if (DIFFUSION.has(t)) diffusion(node, leftover);
      else if (ARC_ELEMENTS.has(t)) arcElement(node, queue.shift());
      else if (CAPACITIVE.has(t)) spurElement(node);
      else if (t === 'L') set(node, 0, (1e-3 * features.scale) / wHigh);
      return;
    }
    if (node.kind === 'parallel') {
      if (isArcParallel(node)) arcParallel(node, queue.shift());
      else node.children.forEach((c) => branch(c, r));
      return;
    }
    const resistors = node.children.filter((c) => c.kind === 'element' && c.def.type === 'R').length;
    for (const c of node.children) branch(c, c.kind === 'element' && c.def.type === 'R' ? r / Math.max(1, resistors) : r);
  };

  const arcParallel = (node: ParallelNode, arc: Arc | undefined): void => {
    if (!arc) return;
    const tau = 1 / (2 * Math.PI * arc.frequency);
    const r = arc.resistance;
    for (const c of node.children) {
      if (isCapacitor(c)) {
        if (c.def.type === 'C') set(c, 0, tau / r);
        else {
          set(c, 0, Math.pow(tau, arc.exponent) / r);
          set(c, 1, arc.exponent);
        }
      } else branch(c, r);
    }
  };

  const arcElement = (el: ElementNode, arc: Arc | undefined): void => {
    if (!arc) return;
    set(el, 0, arc.resistance);
    set(el, 1, 1 / (2 * Math.PI * arc.frequency));
    if (el.def.type === 'Zarc') set(el, 2, arc.exponent);
    if (el.def.type === 'HN') {
      set(el, 2, arc.exponent);
      set(el, 3, 0.9);
    }
  };

  const terms = model.tree.kind === 'series' ? model.tree.children : [model.tree];
  const seriesR = terms.filter((t) => t.kind === 'element' && t.def.type === 'R').length;
  for (const t of terms) {
    if (t.kind === 'element') {
      const type = t.def.type;
      if (type === 'R') set(t, 0, features.rHigh / seriesR);
      else if (type === 'L') set(t, 0, Math.max(features.imag[0]!, 1e-4 * features.scale) / wHigh);
      else if (ARC_ELEMENTS.has(type)) arcElement(t, queue.shift());
      else spurElement(t);
    } else if (t.kind === 'parallel') {
      if (isArcParallel(t)) arcParallel(t, queue.shift());
      else t.children.forEach((c) => branch(c, features.scale / 2));
    }
  }
  return p;
}

/** Values on the spectrum's scale for every parameter (overridden where the structure says more). */
function genericValues(model: CircuitModel, features: SpectrumFeatures): Float64Array {
  const f = features.frequency;
  const wMid = 2 * Math.PI * Math.sqrt(f[0]! * f[f.length - 1]!);
  const s = features.scale / 4;
  return Float64Array.from(model.parameters, (q) => {
    if (q.kind === 'exponent') return q.symbol === 'beta' ? 0.9 : 0.85;
    switch (q.symbol) {
      case 'C':
        return 1 / (wMid * s);
      case 'Q':
        return 1 / (s * Math.pow(wMid, 0.85));
      case 'L':
        return (1e-3 * s) / wMid;
      case 'tau':
        return 1 / wMid;
      case 'sigma':
        return s * Math.sqrt(wMid);
      default:
        return s; // R, Z0
    }
  });
}
