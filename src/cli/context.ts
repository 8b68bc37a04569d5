/**
 * What a command needs from the outside world, injected so the whole CLI runs in-process in
 * tests: output streams, whether stderr is a terminal, and the exit code it accumulates.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is an interactive terminal (progress bars and warnings under --json only then). */
  stderrIsTTY: boolean;
}

export class CliContext {
  exitCode = 0;

  constructor(readonly io: CliIO) {}

  /** Raises the exit code (never lowers it): 1 input, 2 usage, 3 numerical failure. */
  setExitCode(code: number): void {
    if (code > this.exitCode) this.exitCode = code;
  }

  /** Prints exactly one JSON document on stdout. */
  printJson(doc: unknown): void {
    this.io.stdout(JSON.stringify(doc, jsonReplacer, 2) + '\n');
  }

  /** Prints human-readable text on stdout. */
  print(text: string): void {
    this.io.stdout(text.endsWith('\n') ? text : text + '\n');
  }

  /** One error line on stderr in the contract's form. */
  error(message: string): void {
    this.io.stderr(`superionic: error: ${message}\n`);
  }

  /** A warning: always without --json; under --json only when stderr is a terminal (CONTRACT §0). */
  warn(message: string, json: boolean): void {
    if (!json || this.io.stderrIsTTY) this.io.stderr(`superionic: warning: ${message}\n`);
  }
}

/** Typed arrays become plain arrays; non-finite numbers become null rather than invalid JSON. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
