"""numpy model of R0-p(R1,C1)-p(R2-Wo1,C2) with impedance.py 1.7.1's element formulas, shared by
bench/eis_fit_scipy.py (timing) and test/fixtures/eis-fit/make_reference.py (reference optimum)."""
import os
import numpy as np

NAMES = ["R0", "R1", "C1", "R2", "Wo1_0", "Wo1_1", "C2"]
INITIAL_GUESS = [0.01, 0.01, 100, 0.01, 0.05, 100, 1]  # impedance.py getting-started


def example_data(shared):
    """exampleData.csv with impedance.py's ignoreBelowX (keep Im Z < 0): 57 points."""
    d = np.loadtxt(os.path.join(shared, "data", "eis", "impedance.py", "exampleData.csv"), delimiter=",")
    d = d[d[:, 2] < 0]
    return d[:, 0], d[:, 1] + 1j * d[:, 2]


def model(p, f):
    r0, r1, c1, r2, z0, tau, c2 = p
    jw = 2j * np.pi * f
    s = np.sqrt(jw * tau)
    wo = z0 / (s * np.tanh(s))
    zc1 = 1 / (jw * c1)
    zc2 = 1 / (jw * c2)
    a1 = 1 / (1 / r1 + 1 / zc1)
    a2 = 1 / (1 / (r2 + wo) + 1 / zc2)
    return r0 + a1 + a2


def residuals(p, f, z, w):
    d = (model(p, f) - z) * w
    return np.concatenate([d.real, d.imag])
