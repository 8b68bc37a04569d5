/**
 * The workbench front end: Vite 8 + Svelte 5. It imports the domain code from ../src directly
 * (pure modules; `.js` import specifiers resolve to the `.ts` sources). Node-only modules that a
 * few readers use are replaced by small browser shims (see src/shims/).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [svelte({ configFile: false })],
  resolve: {
    alias: [
      { find: /^linkedom$/, replacement: here('./src/shims/linkedom.ts') },
      { find: /^mdb-reader$/, replacement: here('./src/shims/mdb-reader.ts') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', fs: { allow: [here('..')] } },
});
