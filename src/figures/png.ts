/**
 * SVG → PNG through resvg with the committed DejaVu Sans fonts only (system fonts off), so the
 * same SVG gives the same PNG bytes on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `assets/fonts` of the package; the same depth from `src/figures` and `dist/figures`. */
function fontFiles(): string[] {
  const dir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
  const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => dir + f);
  for (const f of files) if (!existsSync(f)) throw new Error(`figure font missing: ${f} (the package's assets/fonts folder)`);
  return files;
}

let fonts: string[] | undefined;

/**
 * Renders an SVG string to PNG bytes at `scale`× its CSS pixel size (2 gives crisp figures for
 * slides and print at the usual single-column widths).
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  fonts ??= fontFiles();
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return new Uint8Array(resvg.render().asPng());
}
