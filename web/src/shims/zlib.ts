/**
 * Browser stand-in for node:zlib. Only the Neware .ndax reader inflates (synchronously) and the
 * browser has no synchronous inflate; such files are listed from the server's inspection and
 * should be analysed with the CLI.
 */
export function inflateRawSync(): never {
  throw new Error('compressed (.ndax) archives are read by the CLI, not in the browser workbench');
}
