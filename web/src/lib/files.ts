/** The files the workbench knows: those of the open study (served read-only) and dropped ones. */
import type { InspectInfo } from '../../../src/formats/types.js';

export interface WorkbenchFile {
  id: string;
  name: string;
  /** Path inside the study, or the dropped file's name. */
  path: string;
  source: 'study' | 'dropped';
  size: number;
  inspect?: InspectInfo;
  error?: string;
  role?: 'manifest';
  bytes(): Promise<Uint8Array>;
}

export interface StudyListing {
  name: string | null;
  /** The parsed study.json, when the folder has one. */
  manifest: unknown;
  files: WorkbenchFile[];
  truncated: boolean;
  maxUploadBytes: number;
}

interface ApiFile {
  path: string;
  size: number;
  inspect?: InspectInfo;
  error?: string;
  role?: 'manifest';
}

/** The study the server has open (an empty listing when the page is not served by `superionic serve`). */
export async function loadStudy(): Promise<StudyListing> {
  try {
    const res = await fetch('./api/study');
    if (!res.ok) throw new Error(String(res.status));
    const doc = (await res.json()) as { name: string | null; manifest: unknown; files: ApiFile[]; truncated: boolean; limits: { maxUploadBytes: number } };
    return {
      name: doc.name,
      manifest: doc.manifest,
      truncated: doc.truncated,
      maxUploadBytes: doc.limits.maxUploadBytes,
      files: doc.files.map((f) => ({
        id: `study:${f.path}`,
        name: f.path.split('/').pop() ?? f.path,
        path: f.path,
        source: 'study' as const,
        size: f.size,
        inspect: f.inspect,
        error: f.error,
        role: f.role,
        bytes: async () => {
          const r = await fetch(`./api/file?path=${encodeURIComponent(f.path)}`);
          if (!r.ok) throw new Error(`${f.path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
          return new Uint8Array(await r.arrayBuffer());
        },
      })),
    };
  } catch {
    return { name: null, manifest: null, files: [], truncated: false, maxUploadBytes: 64 * 1024 * 1024 };
  }
}

let dropCount = 0;

export function droppedFile(file: File): WorkbenchFile {
  return {
    id: `dropped:${++dropCount}:${file.name}`,
    name: file.name,
    path: file.name,
    source: 'dropped',
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

/** "12.3 kB" style sizes. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) (v /= 1024), u++;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** What the file list shows about a file: "impedance · 71 points". */
export function describe(info: InspectInfo | undefined): string {
  if (!info) return '';
  const parts: string[] = [];
  if (info.points !== undefined) parts.push(`${info.points} points`);
  if (info.rows !== undefined) parts.push(`${info.rows.toLocaleString('en')} rows`);
  if (info.atoms !== undefined) parts.push(`${info.atoms} atoms`);
  if (info.frames !== undefined && Number(info.frames) > 1) parts.push(`${info.frames} frames`);
  return parts.join(' · ');
}
