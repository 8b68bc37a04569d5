#!/usr/bin/env python3
"""Assembles the literature rigid-ion parameter files for Na2O2-MCly (M = Hf, Zr, Ta).

usage: python3 make_potentials.py   (writes na2o2-hfcl4-lit-v0.json, na2o2-zrcl4-lit-v0.json,
                                      na2o2-tacl5-lit-v0.json next to this script)
Form (CONTRACT section 8, LAMMPS born): E = A exp((sigma - r)/rho) - C/r^6 + D/r^8 + Coulomb.
Unit conversion only; every number is either copied from the cited source or marked "estimate".
"""
import json, math, os

KJMOL_TO_EV = 1.0 / 96.48533212  # 1 kJ/mol in eV
CUT = 10.0

TETER = ("Teter (unpublished) Buckingham set, as tabulated in 'Predicting densities and elastic moduli "
         "of SiO2-based glasses by machine learning', npj Comput. Mater. 6, 25 (2020), "
         "doi:10.1038/s41524-020-0291-z, Table 1 (charges O -1.2, Na +0.6, Zr +2.4)")
FUMI_TOSI = ("Fumi & Tosi, J. Phys. Chem. Solids 25, 31 (1964), doi:10.1016/0022-3697(64)90159-3, with the "
             "C6/C8 dispersion terms of Mayer (1933) as used by Lewis, Singer & Woodcock, J. Chem. Soc. "
             "Faraday Trans. 2 71, 301 (1975); values as tabulated for NaCl in the ESPResSo user guide "
             "(BMHTF potential, kJ/mol units) and converted to eV here. Full charges +-1 in the source.")


def pair(a, b, A, rho, C=0.0, D=0.0, sigma=0.0, source="", status="published"):
    return {"a": a, "b": b, "A": A, "rho": rho, "sigma": sigma, "C": C, "D": D, "cutoff": CUT,
            "status": status, "source": source}


def fumi_tosi(a, b, A_kj, C_kj, D_kj, sigma):
    # ESPResSo form: A exp(B(sigma - r)) - C/r^6 - D/r^8 with B = 3.1546 1/A  ->  LAMMPS born: D -> -D
    return pair(a, b, A_kj * KJMOL_TO_EV, 1 / 3.1546, C_kj * KJMOL_TO_EV, -D_kj * KJMOL_TO_EV, sigma, FUMI_TOSI)


def build(M, formal_M, y):
    q = 0.6  # charges: 0.6 x formal (Teter's scaling), O counted as peroxide O(-1) so Na2O2.MCly is neutral
    charges = {"Na": q * 1, M: q * formal_M, "O": -q * 1, "Cl": -q * 1}
    teter_MO = {"Zr": (17943.38, 0.226627, 127.65)}
    pairs = [
        fumi_tosi("Na", "Na", 25.4435, 101.1719, 48.1771, 2.34),
        pair("Na", "O", 4383.756, 0.243838, 30.7, source=TETER),
        fumi_tosi("Na", "Cl", 20.3548, 674.4793, 837.0770, 2.755),
        pair("O", "O", 2029.22, 0.343645, 192.58, source=TETER),
        fumi_tosi("Cl", "Cl", 15.2661, 6985.6786, 14031.5785, 3.170),
    ]
    if M in teter_MO:
        A, rho, C = teter_MO[M]
        pairs.append(pair(M, "O", A, rho, C, source=TETER))
    elif M == "Hf":
        A, rho, C = teter_MO["Zr"]
        pairs.append(pair(M, "O", A, rho, C, status="estimate",
                          source="estimate: Teter Zr-O used for Hf-O (no published Hf-O partial-charge set found; "
                                 "Hf4+ and Zr4+ have nearly equal radii by the lanthanide contraction)"))
    else:  # Ta
        A, rho, C = teter_MO["Zr"]
        pairs.append(pair(M, "O", A, rho, C, status="estimate",
                          source="estimate: Teter Zr-O used for Ta-O (Ta5+ is slightly smaller than Zr4+; no "
                                 "published Ta-O set compatible with these charges was found)"))
    # M-Cl: no published rigid-ion set; Born-Mayer repulsion placed so that the M-Cl force balance
    # with these charges sits near the EXAFS M-Cl distance (~2.45 A), as in DEMO-NHOC-v0.
    pairs.append(pair(M, "Cl", 3500.0, 0.300, status="estimate",
                      source="estimate: repulsion only, A chosen for an M-Cl force balance near 2.45 A with these "
                             "charges (DEMO-NHOC-v0, research/md-engines.md); no published M-Cl parameters found"))
    pairs.append(pair("O", "Cl", math.sqrt(2029.22 * 3434.908), (0.343645 + 1 / 3.1546) / 2,
                      math.sqrt(192.58 * 6985.6786 * KJMOL_TO_EV), status="estimate",
                      source="estimate: geometric mean of A and C, arithmetic mean of rho, of Teter O-O and the "
                             "Fumi-Tosi Cl-Cl term at sigma = 0 (A = 3434.908 eV); no published O-Cl set found"))
    bonds = [{"a": "O", "b": "O", "form": "morse", "D0": 5.745545072672576, "alpha": 1.76673177347202,
              "r0": 1.4360959705038794, "detect": {"maxDistance": 1.9}, "status": "estimate",
              "source": "estimate: peroxide O-O Morse bond of NHOC-FM-xTB-v0 (force-matched to GFN1-xTB, "
                        "shared/data/potentials); acts only if the start structure has O2 dimers (< 1.9 A)"}]
    name = f"Na2O2-{M}Cl{y}-lit-v0"
    return {
        "name": name,
        "about": (f"Literature-assembled rigid-ion potential for xNa2O2-{M}Cl{y} glasses: Teter/Du Buckingham "
                  "for Na-O, O-O (and Zr-O), Fumi-Tosi Born-Mayer-Huggins for Na-Na, Na-Cl, Cl-Cl, estimates for "
                  f"{M}-O{' (Zr proxy)' if M != 'Zr' else ''}, {M}-Cl, O-Cl and the peroxide bond. Charges are 0.6 x "
                  "formal. The pieces were fitted in different charge frames (Teter 0.6 x formal, Fumi-Tosi full "
                  "charges), so this is a starting point for engine and workflow work, NOT a validated model: "
                  "check density/pressure, g(r) against EXAFS and forces against DFT before using its numbers."),
        "charges": charges,
        "coulomb": {"method": "ewald", "accuracy": 1e-5, "cutoff": CUT},
        "pairs": pairs,
        "bonds": bonds,
        "cation_cation": "Coulomb only (Na-M, M-M), as in the Teter set",
    }


here = os.path.dirname(os.path.abspath(__file__))
for M, formal, y in [("Hf", 4, 4), ("Zr", 4, 4), ("Ta", 5, 5)]:
    doc = build(M, formal, y)
    with open(os.path.join(here, f"na2o2-{M.lower()}cl{y}-lit-v0.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
