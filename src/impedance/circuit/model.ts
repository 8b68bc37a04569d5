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
import { circuitElements, formatCircuit, parseCircuit, type CircuitNode, type ElementNode } from './parse.js';

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

/** The name of an element's parameter `index`: the element's own name if it has one parameter, else NAME_index. */
export function parameterName(el: ElementNode, index: number): string {
  return el.def.params.length === 1 ? el.name : `${el.name}_${index}`;
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
  /** Slot of the node's chain factor ∂Z_root/∂Z_node (−1: identically 1). */
  private readonly factorOf: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childEnd: Int32Array;
  private readonly children: Int32Array;
  private readonly defs: (ElementDef | null)[];
  private readonly paramOffset: Int32Array;
  // Scratch sized for the last frequency count: per-node Z and chain factors (node-major,
  // n values each) and per-parameter element derivatives (parameter-major), with views.
  private n = -1;
  private lastFrequency: Float64Array | null = null;
  private w = new Float64Array(0);
  private zr: Float64Array[] = [];
  private zi: Float64Array[] = [];
  private fr: Float64Array[] = [];
  private fi: Float64Array[] = [];
  private dr: Float64Array[] = [];
  private di: Float64Array[] = [];

  constructor(circuit: string | CircuitNode) {
    this.tree = typeof circuit === 'string' ? parseCircuit(circuit) : circuit;
    this.circuit = formatCircuit(this.tree);
    const params: ParameterInfo[] = [];
    for (const el of circuitElements(this.tree)) {
      el.def.params.forEach((spec, index) => {
        params.push({
          name: parameterName(el, index),
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
    this.factorOf = new Int32Array(m).fill(-1);
    for (let k = m - 2; k >= 0; k--) {
      const q = this.parent[k]!;
      this.factorOf[k] = this.kind[q] === SERIES ? this.factorOf[q]! : k;
    }
  }

  /** Sizes the scratch for n frequencies and fills ω = 2πf (cached while the array is the same). */
  private prepare(frequency: Float64Array): number {
    const n = frequency.length;
    if (n !== this.n) {
      const m = this.kind.length;
      const P = this.parameterCount;
      const block = (count: number): Float64Array[] => {
        const buf = new Float64Array(count * n);
        return Array.from({ length: count }, (_, k) => buf.subarray(k * n, (k + 1) * n));
      };
      this.w = new Float64Array(n);
      this.zr = block(m);
      this.zi = block(m);
      this.fr = block(m);
      this.fi = block(m);
      // element derivative blocks start at the element's first parameter and span its parameters
      const dr = new Float64Array(P * n);
      const di = new Float64Array(P * n);
      this.dr = Array.from({ length: P }, (_, k) => dr.subarray(k * n));
      this.di = Array.from({ length: P }, (_, k) => di.subarray(k * n));
      this.n = n;
      this.lastFrequency = null;
    }
    if (frequency !== this.lastFrequency) {
      for (let i = 0; i < n; i++) this.w[i] = 2 * Math.PI * frequency[i]!;
      this.lastFrequency = frequency;
    }
    return n;
  }

  /** Index of a parameter by name, or −1. */
  indexOf(name: string): number {
    return this.parameters.findIndex((p) => p.name === name);
  }

  /**
   * Parameter values (in the order of `parameters`) from a record by name, e.g. from
   * `parseParameterList`; values not given are NaN. Unknown names, out-of-range values and
   * (with `complete`) missing ones are errors attributed to `field`.
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

  /**
   * Z(f) for every frequency (Hz) into re/im (Ω). The frequency array is cached by identity:
   * do not modify it in place between calls.
   */
  evaluate(frequency: Float64Array, p: Float64Array, re: Float64Array, im: Float64Array): void {
    const n = this.prepare(frequency);
    this.nodeImpedances(n, p);
    const root = this.kind.length - 1;
    re.set(this.zr[root]!.subarray(0, n));
    im.set(this.zi[root]!.subarray(0, n));
  }

  /**
   * Z(f) and the Jacobian, column-major in the layout of a stacked residual vector
   * [Re Z(f_0…f_n−1), Im Z(f_0…f_n−1)]: jac[k·2n + i] = ∂Re Z(f_i)/∂p_k and
   * jac[k·2n + n + i] = ∂Im Z(f_i)/∂p_k (length 2n·P).
   */
  evaluateWithJacobian(frequency: Float64Array, p: Float64Array, re: Float64Array, im: Float64Array, jac: Float64Array): void {
    const n = this.prepare(frequency);
    this.nodeImpedances(n, p);
    const m = this.kind.length;
    const root = m - 1;
    const { zr, zi, fr, fi, dr, di, kind, parent, paramOffset, defs } = this;
    re.set(zr[root]!.subarray(0, n));
    im.set(zi[root]!.subarray(0, n));
    // A node's chain factor lives in slot factorOf[k]: a series child shares its parent's slot
    // (same factor), so only children of parallel nodes compute; slot −1 means the factor is 1
    // (the root and everything in series with it), where ∂Z/∂p is the element's own.
    const factorOf = this.factorOf;
    for (let k = root - 1; k >= 0; k--) {
      const q = parent[k]!;
      if (kind[q] === SERIES) continue;
      const fk = fr[k]!;
      const gk = fi[k]!;
      const slot = factorOf[q]!;
      const zqr = zr[q]!;
      const zqi = zi[q]!;
      const zkr = zr[k]!;
      const zki = zi[k]!;
      if (slot < 0) {
        for (let i = 0; i < n; i++) {
          // (Z_parent/Z_k)²; Z_parent/Z_k = Z_parent·conj(Z_k)/|Z_k|²
          const a = zkr[i]!;
          const b = zki[i]!;
          const inv = 1 / (a * a + b * b);
          const cr = (zqr[i]! * a + zqi[i]! * b) * inv;
          const ci = (zqi[i]! * a - zqr[i]! * b) * inv;
          fk[i] = cr * cr - ci * ci;
          gk[i] = 2 * cr * ci;
        }
      } else {
        const fq = fr[slot]!;
        const gq = fi[slot]!;
        for (let i = 0; i < n; i++) {
          // … times the parent's factor
          const a = zkr[i]!;
          const b = zki[i]!;
          const inv = 1 / (a * a + b * b);
          const cr = (zqr[i]! * a + zqi[i]! * b) * inv;
          const ci = (zqi[i]! * a - zqr[i]! * b) * inv;
          const ar = cr * cr - ci * ci;
          const ai = 2 * cr * ci;
          fk[i] = fq[i]! * ar - gq[i]! * ai;
          gk[i] = fq[i]! * ai + gq[i]! * ar;
        }
      }
    }
    for (let k = 0; k < m; k++) {
      if (kind[k] !== ELEMENT) continue;
      const o = paramOffset[k]!;
      const np = defs[k]!.params.length;
      const slot = factorOf[k]!;
      for (let j = 0; j < np; j++) {
        const xr = dr[o + j]!;
        const xi = di[o + j]!;
        const col = (o + j) * 2 * n;
        if (slot < 0) {
          for (let i = 0; i < n; i++) {
            jac[col + i] = xr[i]!;
            jac[col + n + i] = xi[i]!;
          }
          continue;
        }
        const a = fr[slot]!;
        const b = fi[slot]!;
        for (let i = 0; i < n; i++) {
          jac[col + i] = a[i]! * xr[i]! - b[i]! * xi[i]!;
          jac[col + n + i] = a[i]! * xi[i]! + b[i]! * xr[i]!;
        }
      }
    }
  }

  /** Fills zr/zi for all nodes and the elements' local derivatives dr/di. */
  private nodeImpedances(n: number, p: Float64Array): void {
    const { zr, zi, dr, di, kind, children, childStart, childEnd, paramOffset, defs, w } = this;
    const m = kind.length;
    for (let k = 0; k < m; k++) {
      const kd = kind[k];
      const sr = zr[k]!;
      const si = zi[k]!;
      if (kd === ELEMENT) {
        const o = paramOffset[k]!;
        defs[k]!.evaluate(w, n, p, o, sr, si, dr[o]!, di[o]!);
      } else if (kd === SERIES) {
        sr.set(zr[children[childStart[k]!]!]!);
        si.set(zi[children[childStart[k]!]!]!);
        for (let c = childStart[k]! + 1; c < childEnd[k]!; c++) {
          const cr = zr[children[c]!]!;
          const ci = zi[children[c]!]!;
          for (let i = 0; i < n; i++) {
            sr[i] += cr[i]!;
            si[i] += ci[i]!;
          }
        }
      } else {
        sr.fill(0);
        si.fill(0);
        // accumulate admittances, then invert
        for (let c = childStart[k]!; c < childEnd[k]!; c++) {
          const cr = zr[children[c]!]!;
          const ci = zi[children[c]!]!;
          for (let i = 0; i < n; i++) {
            // 1/z = conj(z)/|z|² (a plain division is enough: |z| stays far from over/underflow)
            const a = cr[i]!;
            const b = ci[i]!;
            const inv = 1 / (a * a + b * b);
            sr[i] += a * inv;
            si[i] -= b * inv;
          }
        }
        for (let i = 0; i < n; i++) {
          const a = sr[i]!;
          const b = si[i]!;
          const inv = 1 / (a * a + b * b);
          sr[i] = a * inv;
          si[i] = -b * inv;
        }
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
