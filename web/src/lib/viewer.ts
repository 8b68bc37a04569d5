/**
 * A small three.js viewer for periodic structures: one InstancedMesh of spheres (per-instance
 * colour by element; bridging ligands optionally highlighted), the cell as 12 line segments,
 * and coordination polyhedra (convex hulls of each centre's ligands, minimum-image positions,
 * coloured by polyhedron type). It renders on demand only (camera moves, option changes), which
 * keeps software-GL test machines fast.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { ConvexGeometry } from 'three/examples/jsm/geometries/ConvexGeometry.js';
import { covalentRadius, elementColor } from './elements.js';
import type { StructureAnalysis, StructureData } from './protocol.js';

export const BRIDGING_COLOR = '#f5b800';
export const POLY_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D1F', '#666666'];

export interface ViewOptions {
  /** 'all', 'none', or the index (into analysis.centres) of one centre. */
  polyhedra: 'all' | 'none' | number;
  highlightBridging: boolean;
  /** Sphere radius as a fraction of the covalent radius. */
  atomScale: number;
}

type V3 = [number, number, number];

function inverse3(m: V3[]): V3[] {
  const [a, b, c] = m as [V3, V3, V3];
  const det = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
  const inv = (r: number, s: number): number => {
    const rows = [0, 1, 2].filter((k) => k !== s);
    const cols = [0, 1, 2].filter((k) => k !== r);
    const minor = m[rows[0]!]![cols[0]!]! * m[rows[1]!]![cols[1]!]! - m[rows[0]!]![cols[1]!]! * m[rows[1]!]![cols[0]!]!;
    return (((r + s) % 2 ? -1 : 1) * minor) / det;
  };
  return [0, 1, 2].map((r) => [0, 1, 2].map((s) => inv(r, s)) as V3);
}

export class StructureViewer {
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly camera: THREE.PerspectiveCamera;
  readonly controls: OrbitControls;
  private content = new THREE.Group();
  private atoms: THREE.InstancedMesh | null = null;
  private readonly raycaster = new THREE.Raycaster();
  private frame = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.setClearColor(0xffffff, 1);
    this.camera = new THREE.PerspectiveCamera(35, 1, 0.1, 2000);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = false;
    this.controls.addEventListener('change', () => this.requestRender());
    this.scene.add(new THREE.AmbientLight(0xffffff, 1.1));
    const key = new THREE.DirectionalLight(0xffffff, 1.9);
    key.position.set(1, 1.4, 2);
    this.camera.add(key);
    this.scene.add(this.camera);
    this.scene.add(this.content);
  }

  resize(width: number, height: number): void {
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  requestRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderer.render(this.scene, this.camera);
    });
  }

  /** Renders now (for tests and screenshots). */
  renderNow(): void {
    this.renderer.render(this.scene, this.camera);
  }

  show(s: StructureData, a: StructureAnalysis | null, opts: ViewOptions, resetCamera: boolean): void {
    this.clear();
    const n = s.numbers.length;
    const cell = s.cell as V3[];
    const periodic = s.pbc.some(Boolean) && cell.some((r) => r.some((x) => x !== 0));
    const inv = periodic ? inverse3(cell) : null;
    // Wrap atoms into the cell for display.
    const pos = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const x = s.positions[3 * i]!, y = s.positions[3 * i + 1]!, z = s.positions[3 * i + 2]!;
      if (inv) {
        const f = [0, 1, 2].map((k) => {
          const v = x * inv[0]![k]! + y * inv[1]![k]! + z * inv[2]![k]!;
          return s.pbc[k] ? v - Math.floor(v) : v;
        });
        for (let k = 0; k < 3; k++) pos[3 * i + k] = f[0]! * cell[0]![k]! + f[1]! * cell[1]![k]! + f[2]! * cell[2]![k]!;
      } else {
        pos[3 * i] = x, pos[3 * i + 1] = y, pos[3 * i + 2] = z;
      }
    }

    const segments = n > 4000 ? 8 : n > 1000 ? 12 : 18;
    const sphere = new THREE.SphereGeometry(1, segments, Math.round(segments * 0.7));
    const material = new THREE.MeshStandardMaterial({ roughness: 0.55, metalness: 0.05 });
    const atoms = new THREE.InstancedMesh(sphere, material, n);
    const m = new THREE.Matrix4();
    const color = new THREE.Color();
    for (let i = 0; i < n; i++) {
      const z = s.numbers[i]!;
      const bridging = opts.highlightBridging && a !== null && a.formerBonds[i]! >= 2;
      const r = covalentRadius(z) * opts.atomScale * (bridging ? 1.15 : 1);
      m.makeScale(r, r, r).setPosition(pos[3 * i]!, pos[3 * i + 1]!, pos[3 * i + 2]!);
      atoms.setMatrixAt(i, m);
      atoms.setColorAt(i, color.set(bridging ? BRIDGING_COLOR : elementColor(z)));
    }
    atoms.instanceMatrix.needsUpdate = true;
    if (atoms.instanceColor) atoms.instanceColor.needsUpdate = true;
    this.content.add(atoms);
    this.atoms = atoms;

    if (periodic) this.content.add(this.cellBox(cell));
    if (a && opts.polyhedra !== 'none') this.addPolyhedra(s, a, pos, inv, cell, opts.polyhedra);

    if (resetCamera) this.frameCamera(pos, periodic ? cell : null);
    this.requestRender();
  }

  /** The atom under a point of the canvas (client coordinates), or null. */
  pick(clientX: number, clientY: number): number | null {
    if (!this.atoms) return null;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const hit = this.raycaster.intersectObject(this.atoms, false)[0];
    return hit?.instanceId ?? null;
  }

  /** Distinct polyhedron labels in order of first appearance (the colour key). */
  static polyhedronTypes(a: StructureAnalysis): string[] {
    const counts = new Map<string, number>();
    for (const l of a.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([l]) => l);
  }

  private addPolyhedra(s: StructureData, a: StructureAnalysis, pos: Float64Array, inv: V3[] | null, cell: V3[], which: 'all' | number): void {
    const types = StructureViewer.polyhedronTypes(a);
    const materials = new Map<string, THREE.MeshStandardMaterial>();
    const edges = new THREE.LineBasicMaterial({ color: 0x333333, transparent: true, opacity: 0.45 });
    const list = which === 'all' ? [...a.centres.keys()] : [which];
    for (const c of list) {
      const i = a.centres[c]!;
      const label = a.labels[c]!;
      const centre = new THREE.Vector3(pos[3 * i]!, pos[3 * i + 1]!, pos[3 * i + 2]!);
      const pts: THREE.Vector3[] = [];
      for (let k = a.offsets[c]!; k < a.offsets[c + 1]!; k++) {
        const j = a.ligands[k]!;
        let d = [0, 1, 2].map((q) => s.positions[3 * j + q]! - s.positions[3 * i + q]!) as V3;
        if (inv) {
          const f = [0, 1, 2].map((q) => {
            const v = d[0] * inv[0]![q]! + d[1] * inv[1]![q]! + d[2] * inv[2]![q]!;
            return s.pbc[q] ? v - Math.round(v) : v;
          });
          d = [0, 1, 2].map((q) => f[0]! * cell[0]![q]! + f[1]! * cell[1]![q]! + f[2]! * cell[2]![q]!) as V3;
        }
        pts.push(new THREE.Vector3(centre.x + d[0], centre.y + d[1], centre.z + d[2]));
      }
      if (pts.length < 4) continue;
      let geometry: ConvexGeometry;
      try {
        geometry = new ConvexGeometry(pts);
      } catch {
        continue; // coplanar ligands: no hull
      }
      let mat = materials.get(label);
      if (!mat) {
        const t = types.indexOf(label);
        mat = new THREE.MeshStandardMaterial({ color: POLY_COLORS[t % POLY_COLORS.length], transparent: true, opacity: which === 'all' ? 0.42 : 0.6, roughness: 0.7, side: THREE.DoubleSide, depthWrite: false });
        materials.set(label, mat);
      }
      const mesh = new THREE.Mesh(geometry, mat);
      mesh.renderOrder = 1;
      this.content.add(mesh);
      this.content.add(new THREE.LineSegments(new THREE.EdgesGeometry(geometry), edges));
    }
  }

  private cellBox(cell: V3[]): THREE.LineSegments {
    const [a, b, c] = cell.map((r) => new THREE.Vector3(...r)) as [THREE.Vector3, THREE.Vector3, THREE.Vector3];
    const o = new THREE.Vector3();
    const corners = [o, a, b, c, a.clone().add(b), a.clone().add(c), b.clone().add(c), a.clone().add(b).add(c)];
    const pairs = [[0, 1], [0, 2], [0, 3], [1, 4], [1, 5], [2, 4], [2, 6], [3, 5], [3, 6], [4, 7], [5, 7], [6, 7]];
    const g = new THREE.BufferGeometry().setFromPoints(pairs.flatMap(([p, q]) => [corners[p!]!, corners[q!]!]));
    return new THREE.LineSegments(g, new THREE.LineBasicMaterial({ color: 0x222222 }));
  }

  private frameCamera(pos: Float64Array, cell: V3[] | null): void {
    const box = new THREE.Box3();
    const v = new THREE.Vector3();
    for (let i = 0; i < pos.length; i += 3) box.expandByPoint(v.set(pos[i]!, pos[i + 1]!, pos[i + 2]!));
    if (cell) {
      for (const f of [[0, 0, 0], [1, 1, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]]) {
        box.expandByPoint(v.set(0, 0, 0).addScaledVector(new THREE.Vector3(...cell[0]!), f[0]!).addScaledVector(new THREE.Vector3(...cell[1]!), f[1]!).addScaledVector(new THREE.Vector3(...cell[2]!), f[2]!));
      }
    }
    const centre = box.getCenter(new THREE.Vector3());
    const radius = box.getSize(new THREE.Vector3()).length() / 2;
    const dist = (radius / Math.sin(((this.camera.fov / 2) * Math.PI) / 180)) * 1.02;
    const dir = new THREE.Vector3(0.55, 0.42, 1).normalize();
    this.camera.position.copy(centre).addScaledVector(dir, dist);
    this.camera.near = Math.max(0.1, dist - 3 * radius);
    this.camera.far = dist + 3 * radius;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(centre);
    this.controls.update();
  }

  private clear(): void {
    this.atoms = null;
    for (const child of [...this.content.children]) {
      this.content.remove(child);
      const o = child as THREE.Mesh;
      o.geometry?.dispose();
      const mat = o.material as THREE.Material | THREE.Material[] | undefined;
      if (Array.isArray(mat)) mat.forEach((x) => x.dispose());
      else mat?.dispose();
    }
  }

  dispose(): void {
    this.clear();
    this.controls.dispose();
    this.renderer.dispose();
  }
}
