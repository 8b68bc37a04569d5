import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliContext } from '../../src/cli/context.js';
import { register, startServe } from '../../src/cli/commands/serve.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { sharedData } from '../helpers/paths.js';
import { decodeRecord } from '../../src/server/record-codec.js';
import { readAs } from '../../src/formats/detect.js';
import type { CyclerRecord } from '../../src/cycling/record.js';
import { rawRequest } from './http.js';

const LIMIT = 1024 * 1024; // 1 MiB for the tests

let dir: string;
let study: string;
let web: string;
let srv: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superionic-server-'));
  study = join(dir, 'study');
  web = join(dir, 'web');
  mkdirSync(join(study, 'data', 'eis'), { recursive: true });
  mkdirSync(join(study, 'data', 'structure'), { recursive: true });
  mkdirSync(join(study, '.superionic-cache'));
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>workbench</title>');
  copyFileSync(sharedData('eis', 'impedance.py', 'exampleData.csv'), join(study, 'data', 'eis', 'exampleData.csv'));
  copyFileSync(sharedData('structure', 'nacl_rocksalt.cif'), join(study, 'data', 'structure', 'nacl_rocksalt.cif'));
  mkdirSync(join(study, 'data', 'cycling'));
  copyFileSync(sharedData('cycling', 'neware', 'navani_test.ndax'), join(study, 'data', 'cycling', 'navani_test.ndax'));
  writeFileSync(join(study, 'data', 'broken.csv'), 'this,is\nnot,data\n');
  writeFileSync(join(study, 'study.json'), JSON.stringify({ name: 'test study' }));
  writeFileSync(join(study, '.superionic-cache', 'x.csv'), 'hidden');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
  symlinkSync(join(dir, 'secret.txt'), join(study, 'escape.txt'));
  symlinkSync(dir, join(study, 'escape-dir'));
  symlinkSync(join(study, 'data', 'eis', 'exampleData.csv'), join(study, 'inner-link.csv'));
  srv = await startServer({ studyDir: study, port: 0, webRoot: web, maxUploadBytes: LIMIT });
});

afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('binding and Host header', () => {
  it('listens on 127.0.0.1 only, on the port it reports', () => {
    const addr = srv.server.address();
    expect(addr).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/`);
  });

  it('is not reachable on other interfaces of this machine', async () => {
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!other) return; // no external interface in this sandbox: binding is checked above
    const { request } = await import('node:http');
    const err = await new Promise<string>((resolve) => {
      const req = request({ host: other.address, port: srv.port, path: '/', timeout: 2000 }, () => resolve('connected'));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.end();
    });
    expect(err).not.toBe('connected');
  });

  it('answers to 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await rawRequest(srv.port, '/api/study')).status).toBe(200);
    expect((await rawRequest(srv.port, '/api/study', { host: `localhost:${srv.port}` })).status).toBe(200);
  });

  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT', ''])('refuses Host "%s" with 403', async (h) => {
    const res = await rawRequest(srv.port, '/api/study', { host: h.replace('PORT', String(srv.port)) });
    expect(res.status).toBe(403);
    expect(res.json().error).toMatch(/127\.0\.0\.1/);
  });

  it('refuses a cross-site Origin', async () => {
    const res = await rawRequest(srv.port, '/api/study', { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    const same = await rawRequest(srv.port, '/api/study', { headers: { origin: `http://127.0.0.1:${srv.port}` } });
    expect(same.status).toBe(200);
  });
});

describe('study listing', () => {
  it('lists the study files with what each is, skipping hidden folders and links that leave the study', async () => {
    const doc = (await rawRequest(srv.port, '/api/study')).json();
    expect(doc.name).toBe('study');
    expect(doc.manifest).toEqual({ name: 'test study' });
    expect(doc.limits.maxUploadBytes).toBe(LIMIT);
    const paths = doc.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['data/broken.csv', 'data/cycling/navani_test.ndax', 'data/eis/exampleData.csv', 'data/structure/nacl_rocksalt.cif', 'inner-link.csv', 'study.json']);
    const byPath = Object.fromEntries(doc.files.map((f: { path: string }) => [f.path, f]));
    const eis = byPath['data/eis/exampleData.csv'];
    expect(eis.inspect.kind).toBe('impedance');
    expect(eis.inspect.points).toBe(readFileSync(sharedData('eis', 'impedance.py', 'exampleData.csv'), 'utf8').trim().split('\n').length);
    expect(eis.size).toBeGreaterThan(1000);
    const cif = byPath['data/structure/nacl_rocksalt.cif'];
    expect(cif.inspect.kind).toBe('structure');
    expect(cif.inspect.atoms).toBe(8);
    expect(byPath['data/broken.csv'].error).toMatch(/\S/);
    expect(byPath['data/broken.csv'].inspect).toBeUndefined();
    expect(byPath['study.json'].role).toBe('manifest');
  });
});

describe('file access stays inside the study', () => {
  it('serves a study file byte for byte', async () => {
    const res = await rawRequest(srv.port, '/api/file?path=data/eis/exampleData.csv');
    expect(res.status).toBe(200);
    expect(res.body.equals(readFileSync(join(study, 'data', 'eis', 'exampleData.csv')))).toBe(true);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('follows a link that stays inside the study', async () => {
    const res = await rawRequest(srv.port, '/api/file?path=inner-link.csv');
    expect(res.status).toBe(200);
  });

  it.each([
    ['..', '../secret.txt'],
    ['nested ..', 'data/../../secret.txt'],
    ['encoded %2e%2e', '%2e%2e/secret.txt'],
    ['encoded slash', '..%2fsecret.txt'],
    ['absolute', '/etc/passwd'],
    ['encoded absolute', '%2Fetc%2Fpasswd'],
    ['backslash', '..%5Csecret.txt'],
    ['NUL', 'data%00/x'],
  ])('refuses %s', async (_label, p) => {
    const res = await rawRequest(srv.port, `/api/file?path=${p}`);
    expect([400, 403]).toContain(res.status);
    expect(res.text()).not.toContain('TOP-SECRET');
    expect(res.text()).not.toContain('root:');
  });

  it('refuses symbolic links whose target is outside (403)', async () => {
    const file = await rawRequest(srv.port, '/api/file?path=escape.txt');
    expect(file.status).toBe(403);
    const viaDir = await rawRequest(srv.port, '/api/file?path=escape-dir/secret.txt');
    expect(viaDir.status).toBe(403);
    expect(viaDir.text()).not.toContain('TOP-SECRET');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await rawRequest(srv.port, '/api/file?path=nope.csv')).status).toBe(404);
    expect((await rawRequest(srv.port, '/api/file?path=data')).status).toBe(404);
  });

  it('does not let the app route reach outside the web folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fsecret.txt']) {
      const res = await rawRequest(srv.port, p);
      expect(res.text()).not.toContain('TOP-SECRET');
      expect(res.text()).not.toContain('root:');
    }
    expect((await rawRequest(srv.port, '/%E0%A4%A')).status).toBe(400);
    const index = await rawRequest(srv.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});

describe('cycling records read by the server', () => {
  it('sends a Neware .ndax as columns that decode to exactly what the reader returns', async () => {
    const res = await rawRequest(srv.port, '/api/record?path=data/cycling/navani_test.ndax');
    expect(res.status).toBe(200);
    const got = decodeRecord(new Uint8Array(res.body));
    const bytes = new Uint8Array(readFileSync(sharedData('cycling', 'neware', 'navani_test.ndax')));
    const want = readAs<CyclerRecord>(bytes, 'data/cycling/navani_test.ndax', ['cycling']).data;
    expect(got.time.length).toBeGreaterThan(100);
    for (const k of ['time', 'voltage', 'current', 'step', 'cycle', 'chargeCapacity', 'dischargeCapacity'] as const) {
      if (want[k]) expect(Array.from(got[k]!), k).toEqual(Array.from(want[k]!));
    }
    expect(got.meta.format).toBe(want.meta.format);
  });

  it('answers 422 for a file that is not a cycling record and refuses paths outside', async () => {
    expect((await rawRequest(srv.port, '/api/record?path=data/structure/nacl_rocksalt.cif')).status).toBe(422);
    expect((await rawRequest(srv.port, '/api/record?path=../secret.txt')).status).toBe(400);
    expect((await rawRequest(srv.port, '/api/record?path=escape.txt')).status).toBe(403);
  });
});

describe('uploads', () => {
  it('inspects an uploaded file without writing it anywhere', async () => {
    const bytes = readFileSync(sharedData('structure', 'nacl_rocksalt.cif'));
    const res = await rawRequest(srv.port, '/api/inspect?name=nacl.cif', { method: 'POST', body: bytes });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ file: 'nacl.cif', kind: 'structure', atoms: 8 });
  });

  it('answers 422 with the reader\'s message for an unreadable upload', async () => {
    const res = await rawRequest(srv.port, '/api/inspect?name=x.bin', { method: 'POST', body: new Uint8Array([0, 1, 2, 3]) });
    expect(res.status).toBe(422);
    expect(res.json().error).toMatch(/x\.bin/);
  });

  it('refuses a body over the limit with 413 (declared length)', async () => {
    const res = await rawRequest(srv.port, '/api/inspect?name=big.csv', { method: 'POST', body: new Uint8Array(LIMIT + 1) });
    expect(res.status).toBe(413);
  });

  it('refuses a chunked body over the limit with 413', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: srv.port, path: '/api/inspect?name=big.csv', method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve(413) : reject(e)));
      const chunk = new Uint8Array(64 * 1024);
      for (let sent = 0; sent <= LIMIT; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('serve command', () => {
  it('prints the URL, serves, and stops when asked', async () => {
    let out = '';
    const ctx = new CliContext({ stdout: (s) => (out += s), stderr: () => {}, stderrIsTTY: false });
    const running = await startServe(ctx, study, { port: 0, maxUploadMib: 1 });
    try {
      expect(out.trim()).toBe(running.url);
      expect((await rawRequest(running.port, '/api/study')).json().files.length).toBe(6);
    } finally {
      await running.close();
    }
  });

  it('runs through commander until the stop signal, then closes', async () => {
    let out = '';
    const ctx = new CliContext({ stdout: (s) => (out += s), stderr: () => {}, stderrIsTTY: false });
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const program = new Command('superionic').exitOverride();
    register(program, ctx, () => stopped);
    const done = program.parseAsync(['serve', study, '--port', '0'], { from: 'user' });
    while (!out) await new Promise((r) => setTimeout(r, 10));
    const port = Number(new URL(out.trim()).port);
    expect((await rawRequest(port, '/api/study')).status).toBe(200);
    stop();
    await done;
    await expect(rawRequest(port, '/api/study')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects a study path that is not a folder', async () => {
    const ctx = new CliContext({ stdout: () => {}, stderr: () => {}, stderrIsTTY: false });
    await expect(startServe(ctx, join(study, 'study.json'), { port: 0, maxUploadMib: 1 })).rejects.toThrow(/not a folder/);
    await expect(startServe(ctx, join(dir, 'missing'), { port: 0, maxUploadMib: 1 })).rejects.toThrow(/no such study folder/);
  });
});
