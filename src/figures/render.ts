/**
 * Figure rendering without a browser: Observable Plot draws into a linkedom document and we
 * serialise the resulting <svg>. Plot is the same code the web workbench runs in a real DOM.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** Plot options as Plot accepts them (kept loose: Plot's own types need the DOM lib). */
export type PlotSpec = Record<string, unknown>;

/** Renders a Plot specification to a standalone SVG string (with xmlns, no wrapping <figure>). */
export function plotToSvg(spec: PlotSpec): string {
  const node = (Plot.plot as (o: unknown) => { outerHTML: string; tagName: string; querySelector(s: string): { outerHTML: string } | null })({
    ...spec,
    document,
  });
  let svg = node.tagName.toLowerCase() === 'svg' ? node.outerHTML : node.querySelector('svg')?.outerHTML;
  if (!svg) throw new Error('Plot produced no <svg>');
  if (!/^<svg[^>]*\sxmlns=/.test(svg)) svg = svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return svg;
}
