/** What every figure module returns, and helpers shared by the modules. */
import { plotToSvg, type PlotSpec } from './render.js';

export interface Figure {
  /** file-name stem: figures/<id>.svg and .png */
  id: string;
  title: string;
  /** one or two sentences for the report: what is drawn and which conventions apply */
  caption: string;
  svg: string;
}

export type Numbers = ArrayLike<number>;

/** Rows {x, y, ...extra} from two parallel arrays, skipping non-finite pairs (Plot would break the line there anyway). */
export function rows<T extends object>(x: Numbers, y: Numbers, extra: T = {} as T, map: (x: number, y: number) => [number, number] = (a, b) => [a, b]): Array<{ x: number; y: number } & T> {
  const out: Array<{ x: number; y: number } & T> = [];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const [a, b] = map(x[i]!, y[i]!);
    if (Number.isFinite(a) && Number.isFinite(b)) out.push({ x: a, y: b, ...extra });
  }
  return out;
}

function sizeOf(svg: string): { w: number; h: number } {
  const w = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const h = Number(/\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(w) || !Number.isFinite(h)) throw new Error('svg without width/height');
  return { w, h };
}

/** Stacks SVG panels top to bottom into one SVG (nested <svg> elements, so each keeps its own styles). */
export function stackVertical(svgs: string[]): string {
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const svg of svgs) {
    const { w, h } = sizeOf(svg);
    parts.push(svg.replace(/^<svg/, `<svg x="0" y="${y}"`));
    y += h;
    width = Math.max(width, w);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" style="background:white">${parts.join('')}</svg>`;
}

/** Renders a themed spec and wraps it as a Figure. */
export function figure(id: string, title: string, caption: string, spec: PlotSpec): Figure {
  return { id, title, caption, svg: plotToSvg(spec) };
}

/** Picks a readable multiple of a unit for data whose largest magnitude is `maxAbs` (Ω → kΩ, MΩ, …). */
export function scaleUnit(maxAbs: number, unit: string): { factor: number; unit: string } {
  const steps: Array<[number, string]> = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [f, p] of steps) if (maxAbs >= 10 * f) return { factor: 1 / f, unit: p + unit };
  return { factor: 1, unit };
}

/** Largest finite |value| of several arrays (0 when none). */
export function maxAbs(...arrays: Numbers[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
