/**
 * The compute worker: reading files, circuit fits, Lin-KK, DRT and structure analysis (g(r),
 * polyhedra, bridging ligands) run here so the page stays responsive. Each request carries an id;
 * the answer is {id, ok, value} or {id, ok: false, error}.
 */
import { detectFormat } from '../../../src/formats/detect.js';
import type { ImpedanceSpectrum } from '../../../src/impedance/spectrum.js';
import type { CyclerRecord } from '../../../src/cycling/record.js';
import type { Structure } from '../../../src/atoms/structure.js';
import type { Frame, Trajectory } from '../../../src/atoms/trajectory.js';
import { fitCircuit } from '../../../src/impedance/fit/fit.js';
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import { linKK } from '../../../src/impedance/kk/lin-kk.js';
import { computeDrt, type DrtOptions } from '../../../src/impedance/drt/drt.js';
import { segmentHalfCycles } from '../../../src/cycling/segment.js';
import { pairCycles } from '../../../src/cycling/cycles.js';
import { halfCycleProfile } from '../../../src/cycling/profile.js';
import { differentialCapacity } from '../../../src/cycling/dqdv.js';
import type { Opened, Request, Responses, SpectrumData, StructureData, CyclingData } from '../lib/protocol.js';
import { analyseStructure } from '../lib/structure-analysis.js';
import { decodeRecord } from '../../../src/server/record-codec.js';

function spectrumOf(s: SpectrumData): ImpedanceSpectrum {
  return { frequency: s.frequency, real: s.real, imag: s.imag, meta: {} } as ImpedanceSpectrum;
}

/** The last trajectory opened, so that its g(r) can be averaged over every frame. */
let lastTrajectory: { key: string; trajectory: Trajectory } | null = null;
let opened = 0;

function open(name: string, bytes: Uint8Array): Opened {
  const format = detectFormat(bytes, name);
  const data = format.read(bytes, name);
  const summary = format.summarize(data);
  const info = { format: format.id, kind: summary.kind ?? format.kind, ...summary, formatName: format.name };
  if (format.kind === 'impedance') {
    const s = data as ImpedanceSpectrum;
    return { kind: 'impedance', info, spectrum: { frequency: s.frequency, real: s.real, imag: s.imag } };
  }
  if (format.kind === 'cycling' || format.kind === 'voltammetry') {
    return { kind: 'cycling', info, cycling: cyclingData(data as CyclerRecord) };
  }
  if (format.kind === 'structure' || format.kind === 'trajectory') {
    const structure = structureData(data as Structure | Trajectory);
    if (structure.frames !== undefined) {
      structure.key = `${name}#${++opened}`;
      lastTrajectory = { key: structure.key, trajectory: data as Trajectory };
    }
    return { kind: 'structure', info, structure };
  }
  if (format.kind === 'pattern') {
    const p = data as { x: Float64Array; y: Float64Array; xLabel?: string; yLabel?: string };
    return { kind: 'pattern', info, pattern: { x: p.x, y: p.y, xLabel: p.xLabel || 'x', yLabel: p.yLabel || 'y' } };
  }
  return { kind: 'other', info };
}

function cyclingData(r: CyclerRecord): CyclingData {
  const mass = r.meta.activeMassG;
  const scale = mass && mass > 0 ? 1000 / mass : 1000; // Ah → mAh/g or mAh
  let cycles: CyclingData['cycles'] = [];
  const profiles: CyclingData['profiles'] = [];
  const dqdv: CyclingData['dqdv'] = [];
  try {
    const table = pairCycles(segmentHalfCycles(r));
    for (const c of table.cycles) {
      for (const h of [c.charge, c.discharge]) {
        if (!h) continue;
        const p = halfCycleProfile(r, h);
        const d = differentialCapacity(p);
        const sign = h.direction === 'discharge' ? -1 : 1;
        dqdv.push({ cycle: c.cycle, direction: h.direction, voltage: d.voltage, dqdv: Float64Array.from(d.dqdv, (x) => sign * x * scale) });
        const stride = Math.max(1, Math.ceil(p.capacity.length / 800));
        const n = Math.ceil(p.capacity.length / stride);
        const capacity = new Float64Array(n);
        const voltage = new Float64Array(n);
        for (let k = 0; k < n; k++) {
          const i = Math.min(p.capacity.length - 1, k * stride);
          capacity[k] = p.capacity[i]! * scale;
          voltage[k] = p.voltage[i]!;
        }
        profiles.push({ cycle: c.cycle, direction: h.direction, capacity, voltage });
      }
    }
    cycles = table.cycles.map((c) => ({
      cycle: c.cycle,
      charge: c.charge ? c.charge.capacity * scale : null,
      discharge: c.discharge ? c.discharge.capacity * scale : null,
      ce: c.coulombicEfficiency === null ? null : 100 * c.coulombicEfficiency,
    }));
  } catch {
    cycles = []; // not a galvanostatic record (CV, OCV …): the voltage trace is still shown
  }
  return { time: r.time, voltage: r.voltage, current: r.current, cycles, profiles, dqdv, capacityUnit: mass && mass > 0 ? 'mAh/g' : 'mAh', technique: r.meta.technique };
}

function structureData(d: Structure | Trajectory): StructureData {
  if ('frames' in d && typeof d.frames === 'function') {
    const t = d as Trajectory;
    return { numbers: t.structure.numbers, positions: t.structure.positions, cell: t.structure.cell, pbc: t.structure.pbc, frames: t.frameCount };
  }
  const s = d as Structure;
  return { numbers: s.numbers, positions: s.positions, cell: s.cell, pbc: s.pbc };
}

function run(req: Request, progress: (v: unknown) => void): Responses[Request['op']] {
  switch (req.op) {
    case 'open':
      return open(req.name, req.bytes);
    case 'record':
      return cyclingData(decodeRecord(req.bytes));
    case 'fit': {
      // First the single structural (or user) start — usually already the answer, shown at
      // once — then the full fit with its seeded restarts.
      const opts = { initial: req.initial, weighting: req.weighting };
      const allGiven = Object.keys(req.initial ?? {}).length === new CircuitModel(req.circuit).parameterCount;
      if (!allGiven) {
        const { covariance: _q, ...quick } = fitCircuit(req.spectrum, req.circuit, { ...opts, restarts: 0 });
        progress(quick);
      }
      const { covariance: _c, ...fit } = fitCircuit(req.spectrum, req.circuit, opts);
      return fit;
    }
    case 'kk': {
      const r = linKK(spectrumOf(req.spectrum));
      return { M: r.M, mu: r.mu, valid: r.valid, maxResidual: r.maxResidual, rmsResidual: r.rmsResidual, threshold: r.threshold, ...r.residuals };
    }
    case 'drt': {
      const r = computeDrt(spectrumOf(req.spectrum), req.options as DrtOptions | undefined);
      return { lambda: r.lambda, tau: r.tau, gamma: r.gamma, rInf: r.rInf, polarizationResistance: r.polarizationResistance, relativeResidualRms: r.relativeResidualRms, peaks: r.peaks };
    }
    case 'frame': {
      if (!lastTrajectory || lastTrajectory.key !== req.key) throw new Error('the trajectory is no longer loaded; open the file again');
      const t = lastTrajectory.trajectory;
      const frames = t.frames();
      if (!(Symbol.iterator in frames)) throw new Error('this trajectory streams asynchronously; frames cannot be stepped here');
      let k = 0;
      for (const f of frames as Iterable<Frame>) {
        if (k++ !== req.index) continue;
        const structure: StructureData = { numbers: t.structure.numbers, positions: f.positions, cell: f.cell, pbc: t.structure.pbc, frames: t.frameCount, key: req.key };
        return { structure, analysis: analyseStructure(structure, undefined, undefined, 0, req.cutoffs), timePs: f.timePs };
      }
      throw new Error(`frame ${req.index + 1} is beyond the end of the trajectory`);
    }
    case 'structure': {
      const t = req.structure.key && lastTrajectory?.key === req.structure.key ? lastTrajectory.trajectory : null;
      const frames = t ? t.frames() : undefined;
      if (frames && Symbol.iterator in frames) return analyseStructure(req.structure, frames as Iterable<Frame>, t!.frameCount);
      return analyseStructure(req.structure);
    }
  }
}

self.onmessage = (ev: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = ev.data;
  try {
    const value = run(req, (v) => self.postMessage({ id, ok: true, progress: true, value: v }));
    self.postMessage({ id, ok: true, value });
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
