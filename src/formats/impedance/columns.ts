/**
 * Recognises impedance columns from header names, whatever the instrument or the user called
 * them: frequency (`freq/Hz`, `Frequency (Hz)`, `frequency_Hz`, `Freq(Hz)`), real part (`Z'`,
 * `Zre`, `Zreal`, `Re(Z)/Ohm`, `real_Ohm`), imaginary part (`Z''`, `Z"`, `Zim`, `Zimag`,
 * `Im(Z)`, with a leading minus for files that store −Z'': `-Im(Z)/Ohm`, `−Z''`, `-Zimag`),
 * modulus (`|Z|`, `Zmod`, `Z/ohm`) and phase (`Phase/deg`, `Zphz`, `theta`, `-Phase`).
 * Units found in the name (`/Hz`, `(kOhm)`, `_Ohm`, `[deg]`) give scale factors to Hz, Ω, rad.
 */

export type ImpedanceRole = 'frequency' | 'real' | 'imag' | 'modulus' | 'phase';

export interface ColumnInfo {
  role: ImpedanceRole;
  /** The header names the negated quantity (−Z'' or −phase): the reader flips the sign. */
  negated: boolean;
  /** Multiplies the stored number into Hz (frequency), Ω (real, imag, modulus) or rad (phase). */
  scale: number;
  /** The unit as written, '' if none. */
  unit: string;
}

const FREQUENCY_UNITS: Record<string, number> = { Hz: 1, hz: 1, HZ: 1, kHz: 1e3, khz: 1e3, mHz: 1e-3, MHz: 1e6 };
const OHM_UNITS: Record<string, number> = {
  ohm: 1, ohms: 1, Ohm: 1, Ohms: 1, OHM: 1, '\u03a9': 1, '\u2126': 1,
  kohm: 1e3, kOhm: 1e3, kohms: 1e3, kOhms: 1e3, 'k\u03a9': 1e3, 'k\u2126': 1e3,
  mohm: 1e-3, mOhm: 1e-3, 'm\u03a9': 1e-3, 'm\u2126': 1e-3,
  MOhm: 1e6, Mohm: 1e6, 'M\u03a9': 1e6, 'M\u2126': 1e6,
  GOhm: 1e9, 'G\u03a9': 1e9,
};
const ANGLE_UNITS: Record<string, number> = {
  deg: Math.PI / 180, degree: Math.PI / 180, degrees: Math.PI / 180, '°': Math.PI / 180, Deg: Math.PI / 180,
  rad: 1, Rad: 1, radians: 1,
};

function knownUnit(u: string): boolean {
  return u in FREQUENCY_UNITS || u in OHM_UNITS || u in ANGLE_UNITS;
}

/** Splits a header name into base name and unit (`Re(Z)/Ohm` → `Re(Z)`, `Ohm`). */
export function splitUnit(name: string): { base: string; unit: string } {
  const s = name.trim();
  const bracket = /^(.*?)\s*[([]\s*([^()[\]]*?)\s*[)\]]\s*$/.exec(s);
  if (bracket && bracket[1] && knownUnit(bracket[2]!)) return { base: bracket[1], unit: bracket[2]! };
  const slash = s.lastIndexOf('/');
  if (slash > 0 && knownUnit(s.slice(slash + 1).trim())) return { base: s.slice(0, slash).trim(), unit: s.slice(slash + 1).trim() };
  const tail = /^(.*?)[_\s]+([A-Za-z\u03a9\u2126\u00b0]+)$/.exec(s);
  if (tail && tail[1] && knownUnit(tail[2]!)) return { base: tail[1], unit: tail[2]! };
  return { base: s, unit: '' };
}

const FREQ = new Set(['f', 'freq', 'frequency', 'fr', 'freqhz']);
const REAL = new Set(["z'", 'zre', 'zreal', 're(z)', 'rez', 'real', 're', 'zr', "z'real", 'real(z)', 'z1', 'realz', 'zrealpart']);
const IMAG = new Set(["z''", 'zim', 'zimg', 'zimag', 'im(z)', 'imz', 'imag', 'im', 'zi', 'imag(z)', 'z2', 'imagz', 'imaginary', "z'imag"]);
const MOD = new Set(['|z|', 'zmod', 'mod(z)', 'modz', 'modulus', 'z', 'abs(z)', '|z|mod', 'impedance', 'zabs', 'magnitude']);
const PHASE = new Set(['phase', 'phase(z)', 'zphz', 'zphase', 'theta', 'phi', 'angle', 'phaseangle', 'arg(z)', 'φ', 'θ']);

/** Normalised lookup key: lower case, no spaces/underscores/dots, `"` → `''`, typographic primes → `'`. */
function key(base: string): string {
  let k = base
    .toLowerCase()
    .replace(/[\u2032\u2019\u00b4`]/g, "'")
    .replace(/[\u2033"]/g, "''")
    .replace(/[\s_.]/g, '');
  // A trailing non-unit parenthesis that is not part of the name itself, e.g. Autolab's "Z'(a)".
  if (!/^(re|im|mod|phase|abs|arg|real|imag)\(/.test(k)) k = k.replace(/\([a-z]?\)$/, '');
  return k;
}

/** What a header name means for impedance, or undefined if it is some other column. */
export function classifyColumn(name: string): ColumnInfo | undefined {
  let s = name.trim().replace(/^[\u2212\u2013]/, '-');
  let negated = false;
  if (s.startsWith('-')) {
    negated = true;
    s = s.slice(1).trim();
  }
  const { base, unit } = splitUnit(s);
  const k = key(base);
  if (FREQ.has(k) || k.startsWith('freq')) {
    if (negated) return undefined;
    if (unit && !(unit in FREQUENCY_UNITS)) return undefined;
    return { role: 'frequency', negated, scale: unit ? FREQUENCY_UNITS[unit]! : 1, unit };
  }
  const ohm = (role: ImpedanceRole): ColumnInfo | undefined =>
    unit && !(unit in OHM_UNITS) ? undefined : { role, negated, scale: unit ? OHM_UNITS[unit]! : 1, unit };
  if (IMAG.has(k)) return ohm('imag');
  if (REAL.has(k)) return negated ? undefined : ohm('real');
  if (MOD.has(k)) return negated ? undefined : ohm('modulus');
  if (PHASE.has(k)) {
    if (unit && !(unit in ANGLE_UNITS)) return undefined;
    return { role: 'phase', negated, scale: unit ? ANGLE_UNITS[unit]! : Math.PI / 180, unit };
  }
  return undefined;
}

/** Where the impedance columns are in a header; `real`/`imag` preferred over `modulus`/`phase`. */
export interface ImpedanceColumns {
  frequency: number;
  /** Either real+imag … */
  real?: number;
  imag?: number;
  /** … or modulus+phase. */
  modulus?: number;
  phase?: number;
  info: ColumnInfo[];
}

/** Finds the impedance columns in a header row; undefined if frequency and a complete Z pair are not all there. */
export function findImpedanceColumns(names: readonly string[]): ImpedanceColumns | undefined {
  const found: Partial<Record<ImpedanceRole, number>> = {};
  const info: ColumnInfo[] = [];
  names.forEach((n, i) => {
    const c = classifyColumn(n);
    if (!c) return;
    info[i] = c;
    if (found[c.role] === undefined) found[c.role] = i;
  });
  if (found.frequency === undefined) return undefined;
  if (found.real !== undefined && found.imag !== undefined) {
    return { frequency: found.frequency, real: found.real, imag: found.imag, info };
  }
  if (found.modulus !== undefined && found.phase !== undefined) {
    return { frequency: found.frequency, modulus: found.modulus, phase: found.phase, info };
  }
  return undefined;
}

/** Which of frequency / Z' / Z'' are missing from a header, for the error message. */
export function missingImpedanceColumns(names: readonly string[]): string[] {
  const roles = new Set(names.map((n) => classifyColumn(n)?.role));
  const missing: string[] = [];
  if (!roles.has('frequency')) missing.push('frequency (e.g. "freq/Hz")');
  if (!(roles.has('real') && roles.has('imag')) && !(roles.has('modulus') && roles.has('phase'))) {
    if (!roles.has('real')) missing.push(`Z' (e.g. "Re(Z)/Ohm")`);
    if (!roles.has('imag')) missing.push(`Z'' (e.g. "-Im(Z)/Ohm")`);
  }
  return missing;
}
