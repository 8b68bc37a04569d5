/** Ion dynamics from trajectories: unwrapping, MSD, GLS diffusion, conductivity, Haven ratio, sites and hops. */
export * from './analyze.js';
export * from './gls-msd.js';
export * from './msd.js';
export * from './conductivity.js';
export * from './unwrap.js';
export * from './sites.js';
export { fitArrhenius as fitDiffusionArrhenius, type ArrheniusPoint as DiffusionArrheniusPoint, type ArrheniusFit as DiffusionArrheniusFit } from './arrhenius.js';
