/**
 * A parsed circuit compiled into flat typed arrays for fast evaluation of Z(f) and of the
 * Jacobian ∂Z/∂p (describe, then evaluate — no string evaluation).
 *
 * Per frequency: node impedances bottom-up (series: ΣZ_k; parallel: 1/Σ(1/Z_k)), then the chain
 * factor ∂Z_root/∂Z_node top-down (series child: the parent's factor; parallel child k:
 * parent's factor·(Z_parent/Z_k)²), then ∂Z/∂p = factor(element)·∂Z_element/∂p.
 */
import { InputError } from '../../core/errors.js';
import type { ElementDef, ParameterKind } from './elements.js';
import { C, cdiv } from './complex.js';
import { circuitElements, formatCircuit, parseCircuit, type CircuitNode } from './parse.js';

export interface ParameterInfo {
  /** `R1` for one-parameter elements, `CPE1_0`, `CPE1_1` … otherwise (CONTRACT §2). */
  name: string;
  element: string;
  type: string;
  /** Index of this parameter within its element. */
  index: number;
  symbol: string;
  unit: string;
  kind: ParameterKind;
}

const ELEMENT = 0;
const SERIES = 1;
const PARALLEL = 2;

export class CircuitModel {
  readonly circuit: string;
  readonly tree: CircuitNode;
  readonly parameters: readonly ParameterInfo[];
  readonly parameterCount: number;

  // Nodes in post-order (children before parents; the root is last).
  private readonly kind: Uint8Array;
  private readonly parent: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childEnd: Int32Array;
  private readonly children: Int32Array;
  private readonly defs: (ElementDef | null)[];
  private readonly paramOffset: Int32Array;
  // Scratch (per node / per parameter), reused by every call.
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  private readonly fr: Float64Array;
  private readonly fi: Float64Array;
  private readonly dr: Float64Array;
  private readonly di: Float64Array;
  private readonly z = new Float64Array(2);
  private readonly d = new Float64Array(8);

  constructor(circuit: string | CircuitNode) {
    this.tree = typeof circuit === 'string' ? parseCircuit(circuit) : circuit;
    this.circuit = formatCircuit(this.tree);
    const params: ParameterInfo[] = [];
    for (const el of circuitElements(this.tree)) {
      el.def.params.forEach((spec, index) => {
        params.push({
          name: el.def.params.length === 1 ? el.name : `${el.name}_${index}`,
          element: el.name,
          type: el.def.type,
          index,
          symbol: spec.symbol,
          unit: spec.unit,
          kind: spec.kind,
        });
      });
    }
    this.parameters = params;
    this.parameterCount = params.length;

    const order: CircuitNode[] = [];
    const visit = (n: CircuitNode): void => {
      if (n.kind !== 'element') n.children.forEach(visit);
      order.push(n);
    };
    visit(this.tree);
    const index = new Map(order.map((n, i) => [n, i]));
    const m = order.length;
    this.kind = new Uint8Array(m);
    this.parent = new Int32Array(m).fill(-1);
    this.childStart = new Int32Array(m);
    this.childEnd = new Int32Array(m);
    this.paramOffset = new Int32Array(m).fill(-1);
    this.defs = new Array<ElementDef | null>(m).fill(null);
    const kids: number[] = [];
    let offset = 0;
    order.forEach((n, i) => {
      if (n.kind === 'element') {
        this.kind[i] = ELEMENT;
        this.defs[i] = n.def;
        this.paramOffset[i] = offset;
        offset += n.def.params.length;
      } else {
        this.kind[i] = n.kind === 'series' ? SERIES : PARALLEL;
        this.childStart[i] = kids.length;
        for (const c of n.children) {
          const ci = index.get(c)!;
          kids.push(ci);
          this.parent[ci] = i;
        }
        this.childEnd[i] = kids.length;
      }
    });
    this.children = Int32Array.from(kids);
    this.zr = new Float64Array(m);
    this.zi = new Float64Array(m);
    this.fr = new Float64Array(m);
    this.fi = new Float64Array(m);
    this.dr = new Float64Array(offset);
    this.di = new Float64Array(offset);
  }

  /** Index of a parameter by name, or −1. */
  indexOf(name: string): number {
    return this.parameters.findIndex((p) => p.name === name);
  }

  /**
   * Parameter values from `"NAME=value,…"` or a record. Unknown names and (with `complete`)
   * missing ones are errors attributed to `field`.
   */
  parameterVector(values: Record<string, number>, field: string, complete: boolean): Float64Array {
    const p = new Float64Array(this.parameterCount).fill(Number.NaN);
    for (const [name, v] of Object.entries(values)) {
      const k = this.indexOf(name);
      if (k < 0) throw new InputError(field, undefined, `unknown parameter "${name}" for circuit ${this.circuit}; its parameters are ${this.parameters.map((q) => q.name).join(', ')}`);
      const info = this.parameters[k]!;
      if (!(v > 0) || (info.kind === 'exponent' && v > 1)) {
        throw new InputError(field, undefined, `${name} = ${v} is out of range; expected ${info.kind === 'exponent' ? 'an exponent in (0, 1]' : `a positive value in ${info.unit}`}`);
      }
      p[k] = v;
    }
    if (complete) {
      const missing = this.parameters.filter((_, k) => Number.isNaN(p[k]!)).map((q) => q.name);
      if (missing.length) throw new InputError(field, undefined, `missing value for ${missing.join(', ')} (circuit ${this.circuit} needs ${this.parameters.map((q) => q.name).join(', ')})`);
    }
    return p;
  }

  /** Z(f) for every frequency (Hz) into re/im (Ω). */
  evaluate(frequency: Float64Array, p: Float64Array, re: Float64Array, im: Float64Array): void {
    const n = frequency.length;
    const root = this.kind.length - 1;
    for (let i = 0; i < n; i++) {
      this.nodeImpedances(2 * Math.PI * frequency[i]!, p);
      re[i] = this.zr[root]!;
      im[i] = this.zi[root]!;
    }
  }

  /**
   * Z(f) and the Jacobian: jre[i·P + k] = ∂Re Z(f_i)/∂p_k, jim likewise (row-major, P parameters).
   */
  evaluateWithJacobian(
    frequency: Float64Array,
    p: Float64Array,
    re: Float64Array,
    im: Float64Array,
    jre: Float64Array,
    jim: Float64Array,
  ): void {
    const n = frequency.length;
    const P = this.parameterCount;
    const m = this.kind.length;
    const root = m - 1;
    const { zr, zi, fr, fi, dr, di, kind, parent, paramOffset, defs } = this;
    for (let i = 0; i < n; i++) {
      this.nodeImpedances(2 * Math.PI * frequency[i]!, p);
      re[i] = zr[root]!;
      im[i] = zi[root]!;
      fr[root] = 1;
      fi[root] = 0;
      for (let k = root - 1; k >= 0; k--) {
        const q = parent[k]!;
        if (kind[q] === SERIES) {
          fr[k] = fr[q]!;
          fi[k] = fi[q]!;
        } else {
          // (Z_parent/Z_k)²
          cdiv(zr[q]!, zi[q]!, zr[k]!, zi[k]!);
          const ar = C[0]! * C[0]! - C[1]! * C[1]!;
          const ai = 2 * C[0]! * C[1]!;
          fr[k] = fr[q]! * ar - fi[q]! * ai;
          fi[k] = fr[q]! * ai + fi[q]! * ar;
        }
      }
      const row = i * P;
      for (let k = 0; k < m; k++) {
        if (kind[k] !== ELEMENT) continue;
        const o = paramOffset[k]!;
        const np = defs[k]!.params.length;
        const a = fr[k]!;
        const b = fi[k]!;
        for (let j = 0; j < np; j++) {
          const xr = dr[o + j]!;
          const xi = di[o + j]!;
          jre[row + o + j] = a * xr - b * xi;
          jim[row + o + j] = a * xi + b * xr;
        }
      }
    }
  }

  /** Fills zr/zi for all nodes at ω and the elements' local derivatives dr/di. */
  private nodeImpedances(w: number, p: Float64Array): void {
    const { zr, zi, dr, di, kind, children, childStart, childEnd, paramOffset, defs, z, d } = this;
    const m = kind.length;
    for (let k = 0; k < m; k++) {
      const kd = kind[k];
      if (kd === ELEMENT) {
        const def = defs[k]!;
        const o = paramOffset[k]!;
        def.evaluate(w, p, o, z, d);
        zr[k] = z[0]!;
        zi[k] = z[1]!;
        for (let j = 0; j < def.params.length; j++) {
          dr[o + j] = d[2 * j]!;
          di[o + j] = d[2 * j + 1]!;
        }
      } else if (kd === SERIES) {
        let sr = 0;
        let si = 0;
        for (let c = childStart[k]!; c < childEnd[k]!; c++) {
          sr += zr[children[c]!]!;
          si += zi[children[c]!]!;
        }
        zr[k] = sr;
        zi[k] = si;
      } else {
        let yr = 0;
        let yi = 0;
        for (let c = childStart[k]!; c < childEnd[k]!; c++) {
          cdiv(1, 0, zr[children[c]!]!, zi[children[c]!]!);
          yr += C[0]!;
          yi += C[1]!;
        }
        cdiv(1, 0, yr, yi);
        zr[k] = C[0]!;
        zi[k] = C[1]!;
      }
    }
  }
}

/** Parses "R0=10,CPE1_0=1e-9" into a record; errors name `field`. */
export function parseParameterList(text: string, field: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,;]/)) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) throw new InputError(field, undefined, `"${item}" is not NAME=VALUE (e.g. R1=1e3)`);
    const name = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1).trim();
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) throw new InputError(field, undefined, `value of ${name} is "${raw}", expected a number`);
    if (name in out) throw new InputError(field, undefined, `${name} is given twice`);
    out[name] = v;
  }
  return out;
}
