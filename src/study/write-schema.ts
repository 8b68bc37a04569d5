/** Regenerates schemas/study.schema.json from the zod manifest: `npx tsx src/study/write-schema.ts`. */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/files.js';
import { studyJsonSchema } from './manifest.js';

export function schemaText(): string {
  return JSON.stringify(studyJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileAtomic(fileURLToPath(new URL('../../schemas/study.schema.json', import.meta.url)), schemaText());
}
