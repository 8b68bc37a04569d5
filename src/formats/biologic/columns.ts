/**
 * The technique-agnostic result of reading a BioLogic EC-Lab / BT-Lab file, text (.mpt) or
 * binary (.mpr). Column names are EC-Lab's text-export header names ("freq/Hz", "Re(Z)/Ohm",
 * "-Im(Z)/Ohm", "time/s", "Ewe/V", "I/mA", "<I>/mA", "control/V/mA",
 * "Q charge/discharge/mA.h", "cycle number", "Ns", "ox/red", "half cycle", …) so that the
 * .mpt and the .mpr of the same run give the same names. Values are as stored (units in the
 * name); flags are 0/1 (mode 1 = CC, 2 = CV, 3 = rest/OCV).
 */

export interface BiologicColumn {
  /** EC-Lab's header name, e.g. "Ewe/V". Names may repeat (PEIS exports have "<I>/mA" twice). */
  name: string;
  /** The unit part of the name ("V", "mA.h", "V/mA"), '' for counters and flags. */
  unit: string;
  values: Float64Array;
}

export interface BiologicTable {
  columns: BiologicColumn[];
  /** Short technique code where known: PEIS, GEIS, CV, CVA, CA, CP, OCV, GCPL, MB, LSV, ZIR, … */
  technique?: string;
  /**
   * What else the file said. Keys used: `software` ("EC-Lab"/"BT-Lab"), `techniqueName`
   * (the long name in the text header), `techniqueId` (.mpr settings byte 0), `headerLines`,
   * `startTime` (ISO 8601, local time of the instrument, no zone), `timeFromDates` (true when
   * the time/s column held date-times and was converted to seconds since the first row),
   * `dataVersion`, `columnIds`, `ecLabVersion`, `loopStarts` (row index where each loop
   * starts, from the "VMP loop" module) (.mpr), `header` (.mpt "key : value" lines, e.g.
   * "Characteristic mass": "4.970 mg", "Electrode surface area": "0.001 cm²"), `nonFinite`.
   */
  meta: Record<string, unknown>;
}

/** Number of rows (0 for a table without columns). */
export function rowCount(table: BiologicTable): number {
  return table.columns[0]?.values.length ?? 0;
}

/**
 * The first column whose name is one of `candidateNames` (tried in order: put the preferred
 * name first, e.g. findColumn(t, 'Ewe/V', '<Ewe>/V', 'Ecell/V')). Undefined if none is there.
 */
export function findColumn(table: BiologicTable, ...candidateNames: string[]): BiologicColumn | undefined {
  for (const name of candidateNames) {
    const c = table.columns.find((col) => col.name === name);
    if (c) return c;
  }
  return undefined;
}

/** The unit part of an EC-Lab column name: "Ewe/V" → "V", "control/V/mA" → "V/mA", "Ns" → "". */
export function unitOfName(name: string): string {
  if (name.startsWith('control/')) return name.slice('control/'.length);
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : '';
}

/** EC-Lab's long technique names (text header line 4) → short codes used in `technique`. */
const TECHNIQUE_CODES: Record<string, string> = {
  'potentio electrochemical impedance spectroscopy': 'PEIS',
  'galvano electrochemical impedance spectroscopy': 'GEIS',
  'staircase potentio electrochemical impedance spectroscopy': 'SPEIS',
  'staircase galvano electrochemical impedance spectroscopy': 'SGEIS',
  'cyclic voltammetry': 'CV',
  'cyclic voltammetry advanced': 'CVA',
  'linear sweep voltammetry': 'LSV',
  'chronoamperometry / chronocoulometry': 'CA',
  chronoamperometry: 'CA',
  chronopotentiometry: 'CP',
  'open circuit voltage': 'OCV',
  'galvanostatic cycling with potential limitation': 'GCPL',
  'modulo bat': 'MB',
  'ir compensation (peis)': 'ZIR',
  'battery capacity determination': 'BCD',
};

export function techniqueCode(longName: string): string | undefined {
  return TECHNIQUE_CODES[longName.trim().toLowerCase()];
}

/** .mpr settings-module byte 0 → technique code (after yadg's and galvani's findings). */
export const TECHNIQUE_IDS: Record<number, string> = {
  4: 'GCPL',
  6: 'CV',
  11: 'OCV',
  24: 'CA',
  25: 'CP',
  29: 'PEIS',
  30: 'GEIS',
  48: 'CV',
  50: 'ZIR',
  51: 'CVA',
  108: 'LSV',
  119: 'GCPL',
  127: 'MB',
  136: 'BCD',
};

/** Techniques whose rows are impedance points (freq, Re(Z), −Im(Z)). */
export const IMPEDANCE_TECHNIQUES = new Set(['PEIS', 'GEIS', 'SPEIS', 'SGEIS', 'ZIR']);
