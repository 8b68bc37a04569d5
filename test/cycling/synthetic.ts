/** Builders of synthetic cycler records with known answers (used by the analysis tests). */
import type { CyclerRecord } from '../../src/cycling/record.js';

export interface Segment {
  /** A */
  current: number;
  /** number of points, each `dt` s after the previous */
  points: number;
  /** V at each point as a function of the point's index within the segment and its time since the segment start */
  voltage: (k: number, tSeg: number) => number;
  step?: number;
}

/** Concatenates segments; point k's current flows over the `dt` before it. */
export function buildRecord(segments: Segment[], dt = 10, t0 = 0): CyclerRecord {
  const t: number[] = [];
  const V: number[] = [];
  const I: number[] = [];
  const st: number[] = [];
  let time = t0;
  segments.forEach((s, si) => {
    for (let k = 0; k < s.points; k++) {
      time += dt;
      t.push(time);
      I.push(s.current);
      V.push(s.voltage(k, (k + 1) * dt));
      st.push(s.step ?? si);
    }
  });
  return {
    time: Float64Array.from(t),
    voltage: Float64Array.from(V),
    current: Float64Array.from(I),
    step: Int32Array.from(st),
    meta: { format: 'synthetic' },
  };
}

/** Charge of `qCh` Ah then discharge of `qDis` Ah per cycle at current `i` A, rests of 10 points. */
export function galvanostatic(cycles: { qCh: number; qDis: number; i?: number }[], dt = 3.6, leadingDischarge?: number): CyclerRecord {
  const segs: Segment[] = [{ current: 0, points: 10, voltage: () => 3 }];
  const seg = (q: number, i: number): Segment => {
    const points = Math.round((q * 3600) / (Math.abs(i) * dt));
    return { current: i, points, voltage: (k) => (i > 0 ? 3 + k / points : 4 - k / points) };
  };
  if (leadingDischarge) segs.push(seg(leadingDischarge, -1e-3), { current: 0, points: 10, voltage: () => 3 });
  for (const c of cycles) {
    const i = c.i ?? 1e-3;
    segs.push(seg(c.qCh, i), { current: 0, points: 10, voltage: () => 4 });
    segs.push(seg(c.qDis, -i), { current: 0, points: 10, voltage: () => 3 });
  }
  return buildRecord(segs, dt);
}
