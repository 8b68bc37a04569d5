/** The embedded MD engine: potentials (BMH + DSF/Ewald/PME, bonds), force field, integrators, thermostats, FIRE, protocols. */
export * from './potential.js';
export { createSystem, unwrappedPositions, totalCharge, wrapPositions as wrapSystemPositions, type MdSystem } from './system.js';
export * from './forcefield.js';
export * from './protocol.js';
export * from './runner.js';
