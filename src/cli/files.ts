/**
 * Runs a command over one or several input files (CONTRACT §0): with --json one document for
 * one file, an array for several, in order. A file that fails with bad input prints its one
 * error line, contributes `{ file, error }` to the array, and makes the exit status 1; the
 * other files are still processed.
 */
import { InputError } from '../core/errors.js';
import type { CliContext } from './context.js';

export async function forEachFile<T>(
  ctx: CliContext,
  files: string[],
  json: boolean,
  run: (file: string) => T | Promise<T>,
  human: (doc: T, file: string) => string,
): Promise<void> {
  const docs: unknown[] = [];
  for (const file of files) {
    try {
      const doc = await run(file);
      docs.push(doc);
      if (!json) ctx.print(files.length > 1 ? `== ${file}\n${human(doc, file)}` : human(doc, file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      ctx.error(e.message);
      ctx.setExitCode(1);
      docs.push({ file, error: e.message });
    }
  }
  if (json && (files.length > 1 || ctx.exitCode === 0)) ctx.printJson(files.length === 1 ? docs[0] : docs);
}
