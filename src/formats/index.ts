export * from './types.js';
export * from './text.js';
export * from './detect.js';
export { impedanceFormats, readImpedance } from './impedance/index.js';
export { cyclingFormats } from './cycling/index.js';
export { readCycler } from './cycling/read.js';
export { structureFormats } from './structure/index.js';
export { patternFormats, type XYPattern } from './pattern/index.js';
export { cifFormat, readCif, writeCif } from './cif/index.js';
