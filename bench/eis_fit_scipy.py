"""Times scipy.optimize.least_squares on the getting-started fit (bench/eis-fit.bench.ts runs it).
Same model, data and start as impedance.py's CustomCircuit.fit (curve_fit → least_squares 'trf',
2-point finite-difference Jacobian, ftol=1e-13, bounds [0, inf)), but with the model as plain
numpy instead of impedance.py's string-built eval. Prints one JSON line."""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import least_squares

sys.path.insert(0, os.path.dirname(__file__))
from eis_fit_model import INITIAL_GUESS, example_data, residuals  # noqa: E402

shared = sys.argv[1]
fits = int(sys.argv[2]) if len(sys.argv) > 2 else 200
f, z = example_data(shared)
w = np.ones_like(f)


def fit():
    return least_squares(residuals, INITIAL_GUESS, args=(f, z, w), method="trf", bounds=(0, np.inf), ftol=1e-13, max_nfev=100000)


fit()
t0 = time.perf_counter()
for _ in range(fits):
    res = fit()
ms = (time.perf_counter() - t0) / fits * 1e3
print(json.dumps({"msPerFit": ms, "fits": fits, "nfev": int(res.nfev), "params": res.x.tolist(), "cost": float(2 * res.cost)}))
