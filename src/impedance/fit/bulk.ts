/**
 * Which fitted resistance is the bulk (CONTRACT §2): by default the resistor of the
 * highest-frequency arc (smallest time constant), else the series resistor.
 *
 * An arc's time constant: p(R, C) → τ = RC; p(R, CPE) → τ = (R·Q)^(1/α) (the ZARC relation);
 * Zarc/K/HN/G → their τ parameter. R is the sum of the resistors in the arc's resistive branch
 * and is named by its first resistor (for p(R2-Wo1, C2): R2).
 */
import { InputError } from '../../core/errors.js';
import { parameterName, type CircuitModel } from '../circuit/model.js';
import type { CircuitNode, ElementNode } from '../circuit/parse.js';
import { arcUnits, isCapacitor } from './initial.js';

export interface ArcResistance {
  /** Parameter name of the arc's resistance (R2, Zarc1_0 …). */
  parameter: string;
  /** Characteristic time constant in s at the given values. */
  tau: number;
}

/** The circuit's arcs with their resistance parameter and τ at parameter values `p`. */
export function arcResistances(model: CircuitModel, p: Float64Array): ArcResistance[] {
  const value = (el: ElementNode, index: number): number => p[model.indexOf(parameterName(el, index))]!;
  const out: ArcResistance[] = [];
  for (const unit of arcUnits(model.tree)) {
    if (unit.kind === 'element') {
      out.push({ parameter: parameterName(unit.node, 0), tau: value(unit.node, 1) });
      continue;
    }
    const caps = unit.node.children.filter(isCapacitor);
    const resistors = unit.node.children.filter((c) => !isCapacitor(c)).flatMap(seriesResistors);
    if (resistors.length === 0) continue;
    const r = resistors.reduce((s, el) => s + value(el, 0), 0);
    const cap = caps[0]!;
    const tau = cap.def.type === 'C' ? r * value(cap, 0) : Math.pow(r * value(cap, 0), 1 / value(cap, 1));
    out.push({ parameter: resistors[0]!.name, tau });
  }
  return out;
}

/** Resistors in series along a branch (not inside nested parallels). */
function seriesResistors(node: CircuitNode): ElementNode[] {
  if (node.kind === 'element') return node.def.type === 'R' ? [node] : [];
  if (node.kind === 'series') return node.children.flatMap(seriesResistors);
  return [];
}

/**
 * The bulk resistance parameter: `requested` if given (must be a parameter in Ohm), else the
 * resistance of the arc with the smallest τ, else the first top-level series resistor,
 * else undefined.
 */
export function bulkParameter(model: CircuitModel, p: Float64Array, requested?: string): string | undefined {
  if (requested !== undefined) {
    const k = model.indexOf(requested);
    if (k < 0 || model.parameters[k]!.unit !== 'Ohm' || model.parameters[k]!.symbol !== 'R') {
      const choices = model.parameters.filter((q) => q.unit === 'Ohm' && q.symbol === 'R').map((q) => q.name);
      throw new InputError('--bulk', undefined, `"${requested}" is not a resistance of ${model.circuit}; choose one of ${choices.join(', ') || '(none)'}`);
    }
    return requested;
  }
  const arcs = arcResistances(model, p).filter((a) => Number.isFinite(a.tau));
  if (arcs.length) return arcs.reduce((a, b) => (b.tau < a.tau ? b : a)).parameter;
  const terms = model.tree.kind === 'series' ? model.tree.children : [model.tree];
  const r = terms.find((t): t is ElementNode => t.kind === 'element' && t.def.type === 'R');
  return r?.name;
}
