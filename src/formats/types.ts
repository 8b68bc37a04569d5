/**
 * The shape every file format takes (DESIGN §4): a reader states what it accepts, recognises
 * files by content, parses bytes (no file system here) and summarises what it read for
 * `superionic inspect` (CONTRACT §1).
 */

export type DataKind = 'impedance' | 'cycling' | 'voltammetry' | 'structure' | 'trajectory' | 'pattern' | 'spectrum';

/** What `inspect` prints, less `file` (added by the caller). */
export interface InspectInfo {
  format: string;
  kind: DataKind;
  rows?: number;
  points?: number;
  atoms?: number;
  frames?: number;
  columns?: string[];
  [key: string]: unknown;
}

/** The start of a file, decoded once for all sniffers. */
export interface FileHead {
  /** File name as given (for extension hints only; content decides). */
  name: string;
  /** The first bytes (up to 64 KiB). */
  bytes: Uint8Array;
  /** The first bytes decoded as text (latin1 — every byte maps to one character). */
  text: string;
  /** True if the head has NUL bytes or many control characters. */
  binary: boolean;
  /** True if the file goes on past the head, so the head's last line may be cut. */
  truncated: boolean;
}

export interface FileFormat<T> {
  /** Stable id, printed as `format` by inspect, e.g. "biologic-mpt". */
  id: string;
  /** Human name, e.g. "BioLogic EC-Lab text export (.mpt)". */
  name: string;
  kind: DataKind;
  /**
   * How sure this reader is that the file is its format: 0 = not mine, 100 = certain (magic
   * bytes). Generic readers (plain CSV) answer low so specific ones win.
   */
  sniff(head: FileHead): number;
  /** Parses the whole file. Throws InputError(file, line, …) on malformed input. */
  read(bytes: Uint8Array, file: string): T;
  /** Summary for inspect (format and kind are filled in by the caller if omitted). */
  summarize(data: T): Omit<InspectInfo, 'format' | 'kind'> & Partial<Pick<InspectInfo, 'kind'>>;
}
