/**
 * BioLogic .mpr data-column IDs → EC-Lab text-export name and binary type, as far as they are
 * known (reverse-engineered by galvani and yadg, checked here against the .mpt exports of the
 * fixture runs: e.g. cheminfo_test.mpr vs .mpt agree to float32 precision).
 *
 * IDs ≥ 256 seem to be the same quantity as ID − 256 (467 ≡ 211 "Q charge/discharge",
 * 468 ≡ 212 "half cycle", 471 ≡ 215 "<Ece>/V", 352 ≡ 96 "|Ece|/V"); that rule is used for IDs
 * not listed, except 430–433 ("Phase(Zwe-ce)" …) whose ID − 256 (174) means "<Ewe>/V".
 * Flag IDs (1 mode, 2 ox/red, 3 error, 21 control changes, 31 Ns changes, 65 counter inc.)
 * are bits of ONE byte stored where the first flag ID appears.
 */

export type MprType = 'f4' | 'f8' | 'u1' | 'u2' | 'u4' | 'i2' | 'i4';

export const TYPE_SIZE: Record<MprType, number> = { f4: 4, f8: 8, u1: 1, u2: 2, u4: 4, i2: 2, i4: 4 };

/** Flag column ID → [name, bit mask]. */
export const FLAG_COLUMNS: Record<number, [string, number]> = {
  1: ['mode', 0x03],
  2: ['ox/red', 0x04],
  3: ['error', 0x08],
  21: ['control changes', 0x10],
  31: ['Ns changes', 0x20],
  65: ['counter inc.', 0x80],
};

/** Data column ID → [EC-Lab name, type]. */
export const DATA_COLUMNS: Record<number, [string, MprType]> = {
  4: ['time/s', 'f8'],
  5: ['control/V/mA', 'f4'],
  6: ['Ewe/V', 'f4'],
  7: ['dq/mA.h', 'f8'],
  8: ['I/mA', 'f4'],
  9: ['Ece/V', 'f4'],
  11: ['<I>/mA', 'f8'],
  13: ['(Q-Qo)/mA.h', 'f8'],
  16: ['Analog IN 1/V', 'f4'],
  17: ['Analog IN 2/V', 'f4'],
  19: ['control/V', 'f4'],
  20: ['control/mA', 'f4'],
  23: ['dQ/mA.h', 'f8'],
  24: ['cycle number', 'f8'],
  26: ['Rapp/Ohm', 'f4'],
  27: ['Ewe-Ece/V', 'f4'],
  32: ['freq/Hz', 'f4'],
  33: ['|Ewe|/V', 'f4'],
  34: ['|I|/A', 'f4'],
  35: ['Phase(Z)/deg', 'f4'],
  36: ['|Z|/Ohm', 'f4'],
  37: ['Re(Z)/Ohm', 'f4'],
  38: ['-Im(Z)/Ohm', 'f4'],
  39: ['I Range', 'u2'],
  69: ['R/Ohm', 'f4'],
  70: ['P/W', 'f4'],
  74: ['|Energy|/W.h', 'f8'],
  75: ['Analog OUT/V', 'f4'],
  76: ['<I>/mA', 'f4'],
  77: ['<Ewe>/V', 'f4'],
  78: ['Cs-2/\u00b5F-2', 'f4'],
  96: ['|Ece|/V', 'f4'],
  98: ['Phase(Zce)/deg', 'f4'],
  99: ['|Zce|/Ohm', 'f4'],
  100: ['Re(Zce)/Ohm', 'f4'],
  101: ['-Im(Zce)/Ohm', 'f4'],
  123: ['Energy charge/W.h', 'f8'],
  124: ['Energy discharge/W.h', 'f8'],
  125: ['Capacitance charge/\u00b5F', 'f8'],
  126: ['Capacitance discharge/\u00b5F', 'f8'],
  131: ['Ns', 'u2'],
  163: ['|Estack|/V', 'f4'],
  168: ['Rcmp/Ohm', 'f4'],
  169: ['Cs/\u00b5F', 'f4'],
  172: ['Cp/\u00b5F', 'f4'],
  173: ['Cp-2/\u00b5F-2', 'f4'],
  174: ['<Ewe>/V', 'f4'],
  178: ['(Q-Qo)/C', 'f4'],
  179: ['dQ/C', 'f4'],
  182: ['step time/s', 'f8'],
  211: ['Q charge/discharge/mA.h', 'f8'],
  212: ['half cycle', 'u4'],
  213: ['z cycle', 'u4'],
  215: ['<Ece>/V', 'f4'],
  217: ['THD Ewe/%', 'f4'],
  218: ['THD I/%', 'f4'],
  220: ['NSD Ewe/%', 'f4'],
  221: ['NSD I/%', 'f4'],
  223: ['NSR Ewe/%', 'f4'],
  224: ['NSR I/%', 'f4'],
  430: ['Phase(Zwe-ce)/deg', 'f4'],
  431: ['|Zwe-ce|/Ohm', 'f4'],
  432: ['Re(Zwe-ce)/Ohm', 'f4'],
  433: ['-Im(Zwe-ce)/Ohm', 'f4'],
  434: ['(Q-Qo)/C', 'f4'],
  435: ['dQ/C', 'f4'],
  462: ['Temperature/\u00b0C', 'f4'],
  467: ['Q charge/discharge/mA.h', 'f8'],
  468: ['half cycle', 'u4'],
  469: ['z cycle', 'u4'],
  471: ['<Ece>/V', 'f4'],
};

/** Name and type of a data column ID, or undefined if unknown (then the record size is unknown). */
export function dataColumn(id: number): [string, MprType] | undefined {
  const direct = DATA_COLUMNS[id];
  if (direct) return direct;
  if (id >= 256 && !(id >= 430 && id <= 433)) return DATA_COLUMNS[id - 256];
  return undefined;
}
