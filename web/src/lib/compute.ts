/** Promise-based calls into the compute worker (one worker; requests are answered in order). */
import type { Request, Responses } from './protocol.js';

let worker: Worker | undefined;
let next = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (v: unknown) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/compute.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ id: number; ok: boolean; value?: unknown; error?: string; progress?: boolean }>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      if (ev.data.progress) {
        p.progress?.(ev.data.value);
        return;
      }
      pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.value);
      else p.reject(new Error(ev.data.error));
    };
    worker.onerror = (ev) => {
      for (const p of pending.values()) p.reject(new Error(ev.message || 'the compute worker failed'));
      pending.clear();
    };
  }
  return worker;
}

/** Sends a request; `onProgress` receives intermediate results where the operation has them (fit). */
export function compute<R extends Request>(req: R, onProgress?: (v: Responses[R['op']]) => void): Promise<Responses[R['op']]> {
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress: onProgress as ((v: unknown) => void) | undefined });
    getWorker().postMessage({ id, req });
  });
}
