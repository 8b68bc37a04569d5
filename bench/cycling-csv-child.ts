/**
 * Child process of cycling.bench.ts: parses one CSV file with the generic cycler reader and
 * prints JSON with the median parse time and the peak RSS (high-water mark) over the parse, so
 * the memory figure is not polluted by the parent's CSV generation.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { genericCsvFormat } from '../src/formats/csv-cycling/format.js';

const file = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(file));
const rssBefore = process.memoryUsage().rss;
// peak over one parse first (later repetitions would add the previous results' garbage)
genericCsvFormat.read(bytes, file);
const peakKb = process.resourceUsage().maxRSS;
const times: number[] = [];
let rows = 0;
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  const r = genericCsvFormat.read(bytes, file);
  times.push(performance.now() - t0);
  rows = r.time.length;
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: times[2], best: times[0], rows, bytes: bytes.length, rssBefore, peak: peakKb * 1024 }));
