/** Equivalent circuits: grammar, elements with analytic derivatives, compiled evaluation. */
export * from './elements.js';
export * from './parse.js';
export * from './model.js';
