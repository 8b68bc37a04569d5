/** Battery cycling and electrochemical test analysis (pure; units in each file's doc comments). */
export * from './record.js';
export * from './segment.js';
export * from './cycles.js';
export * from './rate.js';
export * from './profile.js';
export * from './dqdv.js';
export * from './gitt.js';
export * from './polarization.js';
export * from './window.js';
