/** Messages between the page and the compute worker (typed arrays travel by transfer). */
import type { CircuitFit } from '../../../src/impedance/fit/fit.js';
import type { InspectInfo } from '../../../src/formats/types.js';
import type { Cell } from '../../../src/atoms/structure.js';
import type { DrtPeak } from '../../../src/impedance/drt/peaks.js';

export interface SpectrumData {
  frequency: Float64Array;
  real: Float64Array;
  imag: Float64Array;
}

export interface CycleRow {
  cycle: number;
  /** mAh (or mAh/g when the active mass is known) */
  charge: number | null;
  discharge: number | null;
  /** percent */
  ce: number | null;
}

export interface CyclingData {
  time: Float64Array;
  voltage: Float64Array;
  current: Float64Array;
  cycles: CycleRow[];
  capacityUnit: 'mAh' | 'mAh/g';
  technique?: string;
  /** V–Q curves per half cycle (capacity in capacityUnit from the half cycle's start), decimated. */
  profiles: { cycle: number; direction: 'charge' | 'discharge'; capacity: Float64Array; voltage: Float64Array }[];
  /** dQ/dV per half cycle (capacityUnit per V; discharge negative, the usual convention). */
  dqdv: { cycle: number; direction: 'charge' | 'discharge'; voltage: Float64Array; dqdv: Float64Array }[];
}

export interface StructureData {
  numbers: Uint8Array;
  positions: Float64Array;
  cell: Cell;
  pbc: [boolean, boolean, boolean];
  frames?: number;
  /** Set for trajectories: the worker keeps the frames under this key to average g(r). */
  key?: string;
}

export type Opened =
  | { kind: 'impedance'; info: InspectInfo; spectrum: SpectrumData }
  | { kind: 'cycling'; info: InspectInfo; cycling: CyclingData }
  | { kind: 'structure'; info: InspectInfo; structure: StructureData }
  | { kind: 'pattern'; info: InspectInfo; pattern: { x: Float64Array; y: Float64Array; xLabel: string; yLabel: string } }
  | { kind: 'other'; info: InspectInfo };

export interface KkData {
  M: number;
  mu: number;
  valid: boolean;
  maxResidual: number;
  rmsResidual: number;
  threshold: number;
  frequency: Float64Array;
  real: Float64Array;
  imag: Float64Array;
}

export interface DrtData {
  lambda: number;
  tau: Float64Array;
  gamma: Float64Array;
  rInf: number;
  polarizationResistance: number;
  relativeResidualRms: number;
  peaks: DrtPeak[];
}

export interface RdfPartial {
  label: string;
  g: Float64Array;
  cn: Float64Array;
}

export interface StructureAnalysis {
  /** Frames averaged in g(r) (1 for a single structure). */
  frames: number;
  r: Float64Array;
  partials: RdfPartial[];
  /** Network formers present (symbols) and the cutoffs used per ligand, Å. */
  formers: string[];
  cutoffs: { ligand: string; rc: number }[];
  /** Per centre atom: indices of its ligands (flattened with offsets). */
  centres: Int32Array;
  offsets: Int32Array;
  ligands: Int32Array;
  /** Per atom: number of formers bonded (for ligands), used to mark bridging atoms. */
  formerBonds: Uint8Array;
  /** Polyhedron label of each centre, e.g. "HfO2Cl4". */
  labels: string[];
  bridging: number;
  nonBridging: number;
}

export type Request =
  | { op: 'open'; name: string; bytes: Uint8Array }
  | { op: 'fit'; spectrum: SpectrumData; circuit: string; initial?: Record<string, number>; weighting?: 'modulus' | 'unit' | 'proportional' }
  | { op: 'record'; bytes: Uint8Array }
  | { op: 'kk'; spectrum: SpectrumData }
  | { op: 'drt'; spectrum: SpectrumData; options?: { lambda?: number | 'auto'; lambdaMethod?: string; derivative?: 1 | 2 } }
  | { op: 'structure'; structure: StructureData }
  | { op: 'frame'; key: string; index: number; cutoffs: { ligand: string; rc: number }[] };

export type FitData = Omit<CircuitFit, 'covariance'>;

export interface Responses {
  open: Opened;
  record: CyclingData;
  fit: FitData;
  kk: KkData;
  drt: DrtData;
  structure: StructureAnalysis;
  frame: { structure: StructureData; analysis: StructureAnalysis; timePs?: number };
}
