/**
 * Element colours (Jmol scheme, the convention of most structure viewers) and covalent radii
 * (Cordero et al. 2008, Å) for drawing atoms; unknown elements fall back to grey / 1.5 Å.
 */
const JMOL: Record<number, string> = {
  1: '#ffffff', 3: '#cc80ff', 5: '#ffb5b5', 6: '#909090', 7: '#3050f8', 8: '#ff0d0d', 9: '#90e050',
  11: '#ab5cf2', 12: '#8aff00', 13: '#bfa6a6', 14: '#f0c8a0', 15: '#ff8000', 16: '#ffff30', 17: '#1ff01f',
  19: '#8f40d4', 20: '#3dff00', 22: '#bfc2c7', 25: '#9c7ac7', 26: '#e06633', 27: '#f090a0', 28: '#50d050',
  29: '#c88033', 30: '#7d80b0', 32: '#668f8f', 34: '#ffa100', 35: '#a62929', 39: '#94ffff', 40: '#94e0e0',
  41: '#73c2c9', 42: '#54b5b5', 47: '#c0c0c0', 50: '#668080', 53: '#940094', 57: '#70d4ff', 72: '#4dc2ff',
  73: '#4da6ff', 74: '#2194d6',
};
const RADIUS: Record<number, number> = {
  1: 0.31, 3: 1.28, 5: 0.84, 6: 0.76, 7: 0.71, 8: 0.66, 9: 0.57, 11: 1.66, 12: 1.41, 13: 1.21, 14: 1.11,
  15: 1.07, 16: 1.05, 17: 1.02, 19: 2.03, 20: 1.76, 22: 1.6, 25: 1.39, 26: 1.32, 27: 1.26, 28: 1.24,
  29: 1.32, 30: 1.22, 32: 1.2, 34: 1.2, 35: 1.2, 39: 1.9, 40: 1.75, 41: 1.64, 42: 1.54, 47: 1.45,
  50: 1.39, 53: 1.39, 57: 2.07, 72: 1.75, 73: 1.7, 74: 1.62,
};

export function elementColor(z: number): string {
  return JMOL[z] ?? '#b0b0b0';
}

export function covalentRadius(z: number): number {
  return RADIUS[z] ?? 1.5;
}
