/**
 * Scalar complex helpers for the element kernels. They write their result into the shared
 * two-slot register `C` (C[0] real, C[1] imaginary) instead of returning objects, so the
 * per-frequency loops of circuit evaluation allocate nothing. Read C right after each call.
 */
export const C = new Float64Array(2);

/** C = a / b. */
export function cdiv(ar: number, ai: number, br: number, bi: number): void {
  // Smith's algorithm: no overflow for |b| spanning many decades (Ω from 1e-3 to 1e12).
  if (Math.abs(br) >= Math.abs(bi)) {
    const t = bi / br;
    const d = br + bi * t;
    C[0] = (ar + ai * t) / d;
    C[1] = (ai - ar * t) / d;
  } else {
    const t = br / bi;
    const d = br * t + bi;
    C[0] = (ar * t + ai) / d;
    C[1] = (ai * t - ar) / d;
  }
}

/** C = √a, principal branch (Re ≥ 0). */
export function csqrt(ar: number, ai: number): void {
  if (ar === 0 && ai === 0) {
    C[0] = 0;
    C[1] = 0;
    return;
  }
  const m = Math.hypot(ar, ai);
  if (ar >= 0) {
    const t = Math.sqrt(0.5 * (m + ar));
    C[0] = t;
    C[1] = ai / (2 * t);
  } else {
    const t = Math.sqrt(0.5 * (m - ar));
    C[0] = Math.abs(ai) / (2 * t);
    C[1] = ai >= 0 ? t : -t;
  }
}

/**
 * C = tanh(s) for Re s ≥ 0, written with q = e^(−2 Re s) so it never overflows:
 * tanh(a + jb) = (1 − q² + 2jq sin 2b) / (1 + q² + 2q cos 2b). Small |s| uses the series.
 */
export function ctanh(a: number, b: number): void {
  if (a * a + b * b < 1e-8) {
    // s − s³/3 + 2s⁵/15 (error < 1e-20 relative here)
    const s2r = a * a - b * b;
    const s2i = 2 * a * b;
    const s3r = s2r * a - s2i * b;
    const s3i = s2r * b + s2i * a;
    const s5r = s3r * s2r - s3i * s2i;
    const s5i = s3r * s2i + s3i * s2r;
    C[0] = a - s3r / 3 + (2 * s5r) / 15;
    C[1] = b - s3i / 3 + (2 * s5i) / 15;
    return;
  }
  const q = Math.exp(-2 * a);
  const d = 1 + q * q + 2 * q * Math.cos(2 * b);
  C[0] = (1 - q * q) / d;
  C[1] = (2 * q * Math.sin(2 * b)) / d;
}
