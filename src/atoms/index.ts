/**
 * Atoms: lattice arithmetic, composition, neighbour search, partial g(r), coordination
 * polyhedra, network connectivity and the amorphous-cell builder. Lengths in Å, densities in
 * g/cm³. (Structure/Trajectory types are exported from the package root.)
 */
export {
  cellDeterminant,
  cellInverse,
  cellFromParameters,
  cellParameters,
  isOrthorhombic,
  isValidCell,
  minimumImage,
  perpendicularWidths,
  toCartesian,
  toFractional,
  wrapPositions,
} from './lattice.js';
export { cellFormula, density, parseFormula, reducedFormula, speciesCounts, totalMass, U_PER_A3_TO_G_PER_CM3 } from './composition.js';
export { buildCellList, forEachNeighbor, neighborPairs, type CellList, type PairList } from './neighbors.js';
export { RdfAccumulator, firstMinimum, type RdfPair, type RdfResult } from './rdf.js';
export { cutoffBonds, type Bonds, type LigandCutoff } from './bonds.js';
export { CoordinationAccumulator, polyhedronLabel, type CoordinationResult } from './coordination.js';
export { NetworkAccumulator, type LigandClasses, type NetworkResult } from './network.js';
export { buildAmorphous, pairMinDistance, type BuildOptions, type BuildResult } from './build.js';
