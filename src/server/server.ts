/**
 * The workbench's HTTP server (node:http, no framework). Security model: it listens on
 * 127.0.0.1 only; every request must name this server in its Host header (127.0.0.1:PORT or
 * localhost:PORT — anything else, e.g. a DNS-rebinding name, gets 403); a cross-site Origin is
 * refused; study files are served read-only and only from inside the study folder (see
 * safe-path.ts); request bodies are capped (413 above the limit).
 *
 * Routes:
 *   GET  /api/study              {name, root?, files: StudyFile[], truncated, limits}
 *   GET  /api/file?path=REL      the bytes of one study file
 *   GET  /api/record?path=REL    a cycling file read here, as columns (record-codec.ts), for the
 *                                formats the browser cannot parse (.ndax, .res)
 *   POST /api/inspect?name=NAME  body = file bytes → inspect info (nothing is written to disk)
 *   GET  /*                      the built web app (web/dist), index.html for unknown paths
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectBytes, readAs } from '../formats/detect.js';
import type { CyclerRecord } from '../cycling/record.js';
import { encodeRecord } from './record-codec.js';
import { PathRefused, resolveFileInside } from './safe-path.js';
import { contentType } from './static.js';
import { StudyIndex } from './study-index.js';

export const DEFAULT_PORT = 5178;
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const HOST = '127.0.0.1';

export interface ServerOptions {
  /** Study folder served read-only; undefined = no study (files can still be dropped). */
  studyDir?: string;
  /** 0 picks any free port. */
  port?: number;
  /** Folder of the built web app; defaults to web/dist of this package. */
  webRoot?: string;
  /** Largest accepted request body in bytes (default 64 MiB). */
  maxUploadBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** web/dist at the same depth from src/server and dist/server. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/dist/', import.meta.url));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const webRoot = realpathOrUndefined(options.webRoot ?? defaultWebRoot());
  const studyRoot = options.studyDir === undefined ? undefined : realpathSync(options.studyDir);
  const index = studyRoot ? new StudyIndex(studyRoot, { maxInspectBytes: maxUpload, maxFiles: 5000 }) : undefined;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError || e instanceof PathRefused ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowed = [`${HOST}:${port}`, `localhost:${port}`];
    const host = req.headers.host?.toLowerCase();
    if (!host || !allowed.includes(host)) throw new HttpError(403, 'this server answers only to http://127.0.0.1:PORT or http://localhost:PORT');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && !allowed.some((h) => origin === `http://${h}`)) {
      throw new HttpError(403, 'cross-origin requests are refused');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;

    if (path === '/api/study' && req.method === 'GET') {
      const listing = index ? index.list() : { files: [], truncated: false };
      sendJson(res, 200, {
        name: studyRoot ? basename(studyRoot) : null,
        root: studyRoot ?? null,
        manifest: studyRoot ? readManifest(studyRoot) : null,
        ...listing,
        limits: { maxUploadBytes: maxUpload },
      });
      return;
    }
    if (path === '/api/file' && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!studyRoot) throw new HttpError(404, 'no study folder is open');
      const rel = url.searchParams.get('path');
      if (!rel) throw new HttpError(400, 'missing ?path=');
      const real = resolveFileInside(studyRoot, rel);
      sendFile(req, res, real, 'application/octet-stream', 'no-store');
      return;
    }
    if (path === '/api/record' && req.method === 'GET') {
      if (!studyRoot) throw new HttpError(404, 'no study folder is open');
      const rel = url.searchParams.get('path');
      if (!rel) throw new HttpError(400, 'missing ?path=');
      const real = resolveFileInside(studyRoot, rel);
      if (statSync(real).size > maxUpload) throw new HttpError(413, `larger than ${maxUpload} bytes`);
      let body: Uint8Array;
      try {
        body = encodeRecord(readAs<CyclerRecord>(new Uint8Array(readFileSync(real)), rel, ['cycling', 'voltammetry']).data);
      } catch (e) {
        throw new HttpError(422, e instanceof Error ? e.message : String(e));
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/octet-stream', 'content-length': String(body.length), 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (path === '/api/inspect' && req.method === 'POST') {
      const name = url.searchParams.get('name') ?? 'upload';
      const body = await readBody(req, maxUpload);
      try {
        sendJson(res, 200, inspectBytes(body, name));
      } catch (e) {
        sendJson(res, 422, { file: name, error: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (path.startsWith('/api/')) throw new HttpError(404, 'no such API route');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    serveApp(req, res, path);
  }

  function serveApp(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (!webRoot || !existsSync(join(webRoot, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The workbench front end is not built: run `npm run build:web` (the API under /api/ works).\n');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      throw new HttpError(400, 'malformed percent-encoding in the path');
    }
    if (rel === '') rel = 'index.html';
    let real: string;
    try {
      real = resolveFileInside(webRoot, rel);
    } catch (e) {
      if (e instanceof PathRefused && e.status === 404 && !rel.startsWith('assets/')) real = join(webRoot, 'index.html');
      else throw e;
    }
    const immutable = rel.startsWith('assets/');
    sendFile(req, res, real, contentType(real), immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function readManifest(root: string): unknown {
  const p = join(root, 'study.json');
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return null;
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // other sites may not embed or read these responses (study files included) even without CORS
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function sendJson(res: ServerResponse, status: number, doc: unknown): void {
  const body = JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function sendFile(req: IncomingMessage, res: ServerResponse, real: string, type: string, cache: string): void {
  const size = statSync(real).size;
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(size), 'cache-control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(real).pipe(res);
}

/** Reads a request body of at most `limit` bytes; 413 as soon as it is known to be larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `request body larger than ${limit} bytes`));
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      total += c.length;
      if (total > limit) {
        failed = true;
        reject(new HttpError(413, `request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolveBody(new Uint8Array(Buffer.concat(chunks)));
    });
    req.on('error', reject);
  });
}
