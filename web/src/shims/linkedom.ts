/** In the browser the figure modules draw into the real document instead of linkedom's. */
export function parseHTML(_html: string): { document: Document } {
  return { document };
}
