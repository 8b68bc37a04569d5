/** Physical constants, CODATA 2018 exact or recommended values, SI unless the name says otherwise. */

/** Boltzmann constant in eV/K. */
export const BOLTZMANN_EV_PER_K = 8.617333262e-5;
/** Boltzmann constant in J/K (exact). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Elementary charge in C (exact). */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Avogadro constant in 1/mol (exact). */
export const AVOGADRO_PER_MOL = 6.02214076e23;
/** Faraday constant in C/mol. */
export const FARADAY_C_PER_MOL = ELEMENTARY_CHARGE_C * AVOGADRO_PER_MOL;
/** Gas constant in J/(mol K). */
export const GAS_CONSTANT_J_PER_MOL_K = BOLTZMANN_J_PER_K * AVOGADRO_PER_MOL;
/** 0 °C in K. */
export const ZERO_CELSIUS_K = 273.15;
/** Coulomb constant e²/(4πε0) in eV·Å (as LAMMPS `units metal`: qqr2e = 14.399645). */
export const COULOMB_EV_ANGSTROM = 14.399645;
/** Atomic mass unit in g. */
export const ATOMIC_MASS_UNIT_G = 1.66053906660e-24;
/** 1 eV/Å³ in bar. */
export const EV_PER_A3_IN_BAR = 1.602176634e6;
