/**
 * The study report: one self-contained HTML file (inline CSS and SVG, no script, no network at
 * view time) with, per analysis, its status, methods text, number tables and figures, the
 * provenance of every input (generated data are labelled), and every error met on the way.
 */
import type { Figure } from '../figures/figure.js';
import type { StudyRun } from '../study/pipeline.js';
import type { AnalysisOutcome } from '../study/types.js';
import { figuresFor } from './figures-for.js';
import { esc, table } from './html.js';
import { summaryTable } from './summary.js';
import { tablesFor } from './tables.js';

export interface Software {
  superionic: string;
  node: string;
  [name: string]: string;
}

export interface Report {
  html: string;
  figures: Figure[];
}

const STATUS_TEXT = { ok: 'done', partial: 'done with problems', error: 'failed', 'not-built': 'not built yet' } as const;

const CSS = `
body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:1100px;margin:2em auto;padding:0 1.2em;color:#1b1b1b;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}th,td{border:1px solid #d5d5d5;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td{font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:.05em .6em;border-radius:1em;font-size:.8em;margin-left:.6em;vertical-align:middle;color:#fff}
.ok{background:#009E73}.partial{background:#E69F00}.error{background:#D55E00}.not-built{background:#888}
.gen{background:#fff3cd;border:1px solid #e0c060;border-radius:.3em;padding:0 .3em;font-size:.8em}
.methods{background:#f7f7f7;border-left:3px solid #0072B2;padding:.5em .8em;font-size:.92em}
.figs{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:1.2em 1.6em;margin:1em 0}
figure{margin:0}figure svg{width:100%;height:auto;display:block}
figcaption{font-size:.88em;color:#444;margin-top:.3em}.errors li{color:#a33}.muted{color:#666}
`;

function figureHtml(f: Figure, n: number): string {
  return `<figure id="fig-${esc(f.id)}">${f.svg}<figcaption><b>Figure ${n}. ${esc(f.title)}.</b> ${esc(f.caption)} <span class="muted">(figures/${esc(f.id)}.svg, .png)</span></figcaption></figure>`;
}

function section(o: AnalysisOutcome, figs: Figure[], run: StudyRun, firstFigure: number): string {
  const parts = [`<h2 id="a-${esc(o.id)}">${esc(o.title)}<span class="status ${o.status}">${STATUS_TEXT[o.status]}</span></h2>`];
  parts.push(`<p class="muted">Analysis <code>${esc(o.id)}</code> (${esc(o.type)})${o.cached ? ', from cache' : ''}${o.inputs.length ? `; ${o.inputs.length} input file${o.inputs.length > 1 ? 's' : ''}` : ''}.</p>`);
  if (o.status === 'not-built') {
    parts.push('<p>This analysis is <b>not built yet</b> in this version of superionic; no numbers are shown for it.</p>');
    return parts.join('\n');
  }
  if (o.methods) parts.push(`<div class="methods"><b>Methods.</b> ${esc(o.methods)}</div>`);
  parts.push(tablesFor(o, run.manifest));
  if (figs.length) parts.push(`<div class="figs">${figs.map((f, i) => figureHtml(f, firstFigure + i)).join('\n')}</div>`);
  if (o.errors.length) parts.push(`<ul class="errors">${o.errors.map((e) => `<li>${e.file ? `<code>${esc(e.file)}</code>: ` : ''}${esc(e.message)}</li>`).join('')}</ul>`);
  return parts.join('\n');
}

function provenance(run: StudyRun): string {
  const rows: string[][] = [];
  for (const m of run.manifest.measurements) rows.push([esc(m.id), `<code>${esc(m.file)}</code>`, esc(m.technique), m.provenance?.generated ? `<span class="gen">generated</span> ${esc(m.provenance.from ?? '')}${m.provenance.by ? ` (by <code>${esc(m.provenance.by)}</code>)` : ''}` : esc(m.provenance?.source ?? 'measured')]);
  for (const s of run.manifest.simulations)
    for (const f of [s.structure, s.trajectory].filter(Boolean) as string[]) rows.push([esc(s.id), `<code>${esc(f)}</code>`, s.trajectory === f ? 'trajectory' : 'structure', s.provenance?.generated ? `<span class="gen">generated</span> ${esc(s.provenance.source ?? s.provenance.from ?? '')}` : esc(s.provenance?.source ?? '')]);
  return rows.length ? `<details><summary>${rows.length} input files and where they come from</summary>${table(['Id', 'File', 'Kind', 'Provenance'], rows)}</details>` : '';
}

/** Builds the report and the figure set (the caller writes them to disk). */
export function buildReport(run: StudyRun, software: Software): Report {
  const m = run.manifest;
  const allFigures: Figure[] = [];
  const sections: string[] = [];
  const problems: Array<{ where: string; message: string }> = [];
  for (const o of run.outcomes) {
    let figs: Figure[] = [];
    try {
      figs = figuresFor(o, m);
    } catch (e) {
      problems.push({ where: `${o.id} (figures)`, message: (e as Error).message });
    }
    sections.push(section(o, figs, run, allFigures.length + 1));
    allFigures.push(...figs);
    for (const e of o.errors) problems.push({ where: e.file ?? o.id, message: e.message });
  }
  const anyGenerated = m.measurements.some((x) => x.provenance?.generated) || m.simulations.some((x) => x.provenance?.generated);
  const summary = table(
    ['Analysis', 'Type', 'Status'],
    run.outcomes.map((o) => [`<a href="#a-${esc(o.id)}">${esc(o.title)}</a>`, esc(o.type), `<span class="status ${o.status}">${STATUS_TEXT[o.status]}</span>`]),
  );
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.name)} — superionic report</title><style>${CSS}</style></head>
<body>
<h1>${esc(m.name)}</h1>
${m.description ? `<p>${esc(m.description)}</p>` : ''}
${m.reference ? `<p class="muted">Reference: ${esc(m.reference)}</p>` : ''}
${anyGenerated ? '<p><span class="gen">generated</span> marks inputs that were generated (simulated) rather than measured; their numbers reproduce the values they were generated from.</p>' : ''}
${problems.length ? `<p><b>${problems.length} problem${problems.length > 1 ? 's' : ''}</b> — see <a href="#problems">the list at the end</a>; the rest of the study was analysed.</p>` : ''}
${summaryTable(run.outcomes)}
<h2>Contents</h2>
${summary}
${provenance(run)}
${sections.join('\n')}
<h2 id="problems">Problems</h2>
${problems.length ? `<ul class="errors">${problems.map((p) => `<li><code>${esc(p.where)}</code>: ${esc(p.message)}</li>`).join('')}</ul>` : '<p>None.</p>'}
<h2>Software</h2>
<p class="muted">${Object.entries(software).map(([k, v]) => `${esc(k)} ${esc(v)}`).join(' · ')}. Figures: Observable Plot rendered to SVG without a browser; PNG by resvg with the bundled DejaVu Sans font. Cache: ${run.cache.hits} analyses reused, ${run.cache.misses} computed.</p>
</body></html>
`;
  return { html, figures: allFigures };
}
