/**
 * LAMMPS `units metal` constants, used as LAMMPS defines them (update.cpp, 2021) so that the
 * embedded engine and LAMMPS integrate the same equations: time ps, distance Å, energy eV,
 * mass g/mol, velocity Å/ps, force eV/Å, temperature K, pressure bar.
 */
/** k_B in eV/K (LAMMPS metal `boltz`). */
export const BOLTZ = 8.617343e-5;
/** mass·velocity² → energy: g/mol·(Å/ps)² → eV. */
export const MVV2E = 1.0364269e-4;
/** force/mass → acceleration: (eV/Å)/(g/mol) → Å/ps². */
export const FTM2V = 1 / 1.0364269e-4;
/** eV/Å³ → bar (LAMMPS `nktv2p`). */
export const NKTV2P = 1.6021765e6;
/** Coulomb constant e²/(4πε₀), eV·Å (LAMMPS `qqr2e`). */
export const QQR2E = 14.399645;
