/** Figures: one module per kind, all taking plain data shaped like the CLI's JSON (CONTRACT), sharing one theme. */
export type { Figure } from './figure.js';
export { nyquistFigure, type ImpedanceSeries } from './nyquist.js';
export { bodeFigure } from './bode.js';
export { arrheniusFigure, type ArrheniusSeries } from './arrhenius.js';
export { compositionFigure, type CompositionPoint } from './composition.js';
export { drtFigure, drtMapFigure, type DrtCurve, type DrtMapRow } from './drt.js';
export { windowFigure, type WindowData } from './window.js';
export { voltageProfilesFigure, capacityFigure, rateFigure, gittFigure, type VoltageProfile, type CycleSummaryPoint, type RateStep, type GittPoint } from './cycling.js';
export { rdfFigure, polyhedraFigure, pdfFigure, type RdfData, type PolyhedraSample, type PdfSeries } from './structure.js';
export { xrdFigure, type XrdData, type XrdPhase } from './xrd.js';
export { msdFigure, type MsdSeries } from './msd.js';
export { svgToPng } from './png.js';
export { formatQuantity, formatNumber } from './format.js';
