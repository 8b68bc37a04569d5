/** Equivalent-circuit fitting: weighting, automatic starting values, restarts, statistics. */
export * from './weighting.js';
export * from './features.js';
export * from './initial.js';
export * from './problem.js';
export * from './fit.js';
export * from './bulk.js';
