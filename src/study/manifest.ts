/**
 * The study manifest (`study.json`): samples, measurements, simulations and the analyses to
 * run on them. Validated with zod; the JSON Schema in `schemas/study.schema.json` is generated
 * from this file (`npx tsx src/study/write-schema.ts`) and a test keeps the two in step.
 * Units are in the field names (…Cm, …Mg, …K, …Hz) so a manifest reads without a manual.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an identifier: letters, digits, ".", "_" or "-"');
const relPath = z.string().min(1).describe('path relative to the study folder');

/** Where a file came from when it was not measured by the study's authors. */
export const Provenance = z
  .object({
    generated: z.boolean().default(false).describe('true when the data were generated (simulated) rather than measured'),
    by: z.string().optional().describe('script that generated the file, relative to the study folder'),
    from: z.string().optional().describe('the values the data were generated from (e.g. "σ25 = 0.52 mS/cm, Ea = 0.36 eV")'),
    source: z.string().optional().describe('origin of a real file (dataset, licence)'),
  })
  .strict();

export const Sample = z
  .object({
    id,
    label: z.string().optional(),
    composition: z
      .object({
        formula: z.string().optional().describe('e.g. "Na2O2·HfCl4"'),
        family: z.string().optional().describe('composition series, e.g. "xNa2O2–HfCl4"'),
        x: z.number().optional().describe('the composition variable of the series'),
        metal: z.string().optional(),
      })
      .strict()
      .optional(),
    pellet: z
      .object({
        thicknessCm: z.number().positive().describe('cm'),
        diameterCm: z.number().positive().optional().describe('cm'),
        areaCm2: z.number().positive().optional().describe('cm²; alternative to diameterCm'),
      })
      .strict()
      .refine((p) => p.diameterCm !== undefined || p.areaCm2 !== undefined, { message: 'give diameterCm or areaCm2' })
      .optional(),
    activeMassMg: z.number().positive().optional().describe('mg of active material in the cell (capacities in mAh/g)'),
  })
  .strict();

export const Technique = z.enum(['eis', 'cycling', 'rate', 'gitt', 'lsv', 'cv', 'dc-polarization', 'xrd']);

export const Measurement = z
  .object({
    id,
    file: relPath,
    technique: Technique,
    sample: id.optional(),
    temperatureC: z.number().optional().describe('°C'),
    state: z.string().optional().describe('state of charge / cycle label, for in-situ series'),
    provenance: Provenance.optional(),
  })
  .strict();

export const Simulation = z
  .object({
    id,
    sample: id.optional(),
    structure: relPath.optional(),
    trajectory: relPath.optional(),
    temperatureK: z.number().positive().optional().describe('K'),
    frameIntervalPs: z.number().positive().optional().describe('ps between saved frames of the trajectory (default: the time stamps in the file)'),
    provenance: Provenance.optional(),
  })
  .strict();

const base = { id, title: z.string().optional() };
const ids = z.array(id).min(1);

export const Analysis = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('eis-fit'),
      measurements: ids,
      circuit: z.string().min(1).describe('equivalent circuit, e.g. "R0-p(R1,CPE1)-CPE2"'),
      bulk: z.string().optional().describe('name of the bulk resistor (default: the highest-frequency arc)'),
      fminHz: z.number().positive().optional(),
      fmaxHz: z.number().positive().optional(),
      weighting: z.enum(['modulus', 'unit', 'proportional']).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('eis-kk'), measurements: ids }).strict(),
  z
    .object({
      ...base,
      type: z.literal('eis-drt'),
      measurements: ids.describe('spectra in series order (rows of the τ × state map)'),
      lambda: z.union([z.literal('auto'), z.number().positive()]).optional(),
      fminHz: z.number().positive().optional().describe('drop frequencies below (e.g. a blocking-electrode spur)'),
      fmaxHz: z.number().positive().optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('arrhenius'),
      from: id.describe('id of the eis-fit analysis whose conductivities are used, grouped by sample'),
      form: z.enum(['sigmaT', 'sigma']).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('cycling'), measurement: id }).strict(),
  z.object({ ...base, type: z.literal('rate'), measurement: id, oneCmAG: z.number().positive().optional().describe('mA/g that is 1C (default 120)') }).strict(),
  z
    .object({
      ...base,
      type: z.literal('gitt'),
      measurement: id,
      molarMassGMol: z.number().positive(),
      molarVolumeCm3Mol: z.number().positive(),
      areaCm2: z.number().positive(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('window'), measurement: id, areaCm2: z.number().positive().optional(), thresholdMaCm2: z.number().positive().optional() }).strict(),
  z.object({ ...base, type: z.literal('rdf'), simulation: id, pairs: z.array(z.string().regex(/^[A-Z][a-z]?-[A-Z][a-z]?$/, 'a pair like "Hf-O"')).optional(), rMaxA: z.number().positive().optional(), binA: z.number().positive().optional() }).strict(),
  z.object({ ...base, type: z.literal('coordination'), simulations: ids, center: z.string(), ligands: z.record(z.string(), z.number().positive()).describe('ligand → cutoff (Å), in label order') }).strict(),
  z.object({ ...base, type: z.literal('xrd'), phases: z.array(z.object({ name: z.string(), structure: relPath }).strict()).min(1), pattern: id.optional().describe('measurement id of a measured pattern'), model: id.optional().describe('simulation id of an amorphous model whose pattern is computed by the Debye/S(Q) route'), wavelength: z.union([z.literal('CuKa'), z.number().positive()]).optional() }).strict(),
  z.object({ ...base, type: z.literal('pdf'), simulation: id, rMaxA: z.number().positive().optional(), binA: z.number().positive().optional(), qMaxInvA: z.number().positive().optional() }).strict(),
  z.object({ ...base, type: z.literal('diffusion'), simulation: id, species: z.string(), fitStartPs: z.number().nonnegative().optional(), fitEndPs: z.number().positive().optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('melt-quench'),
      sample: id.optional(),
      structure: relPath.describe('starting cell (orthorhombic), e.g. a LAMMPS data file or extended XYZ'),
      potential: relPath.describe('potential JSON (CONTRACT §8)'),
      targetK: z.number().positive().describe('K, the temperature quenched to'),
      meltK: z.number().positive().optional().describe('K (default 1200)'),
      meltPs: z.number().positive().optional().describe('ps (default 5)'),
      quenchRateKPerFs: z.number().positive().optional().describe('K/fs (default 0.1)'),
      equilibratePs: z.number().positive().optional().describe('ps (default 10)'),
      timestepFs: z.number().positive().optional().describe('fs (default 2)'),
      seed: z.number().int().optional(),
      center: z.string().optional().describe('polyhedra of the quenched cell around this element'),
      ligands: z.record(z.string(), z.number().positive()).optional().describe('ligand → cutoff (Å)'),
    })
    .strict(),
]);

export const StudyManifest = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    reference: z.string().optional().describe('the publication the study reproduces or follows'),
    samples: z.array(Sample).default([]),
    measurements: z.array(Measurement).default([]),
    simulations: z.array(Simulation).default([]),
    analyses: z.array(Analysis).default([]),
  })
  .strict();

export type StudyManifest = z.infer<typeof StudyManifest>;
export type Sample = z.infer<typeof Sample>;
export type Measurement = z.infer<typeof Measurement>;
export type Simulation = z.infer<typeof Simulation>;
export type Analysis = z.infer<typeof Analysis>;
export type AnalysisType = Analysis['type'];

/** The JSON Schema of the manifest (draft 2020-12), as committed in schemas/study.schema.json. */
export function studyJsonSchema(): unknown {
  return z.toJSONSchema(StudyManifest, { io: 'input' });
}
