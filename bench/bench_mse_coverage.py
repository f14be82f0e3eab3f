"""Coverage of the MSE intervals on simulated populations of known size (not a timed test).

Usage: .venv/bin/python bench/bench_mse_coverage.py [simulations] [bootstrap]
Populations of 400 persons, four lists caught independently with probabilities 0.3,
0.25, 0.2 and 0.15; a second scenario with a positive dependence between lists 1 and 2.
Prints, for each scenario, how often each 95 % interval contains the true size.
"""

import sys

import numpy as np
import pandas as pd

from diagnostic import mse


def simulate(rng, size, probabilities, dependence=False):
    caught = rng.random((size, len(probabilities))) < probabilities
    if dependence:  # persons on list 0 are twice as likely to be on list 1
        caught[:, 1] = np.where(caught[:, 0], rng.random(size) < 2 * probabilities[1], caught[:, 1])
    seen = caught[caught.any(axis=1)].astype(int)
    frame = pd.DataFrame(seen, columns=[f"L{k}" for k in range(len(probabilities))])
    return frame.groupby(list(frame.columns)).size().reset_index(name="count")


def coverage(simulations, replicates, dependence):
    rng = np.random.default_rng(7)
    hits = {"bootstrap": 0, "conditionnel": 0}
    for k in range(simulations):
        result = mse.estimate(simulate(rng, 400, [0.3, 0.25, 0.2, 0.15], dependence), bootstrap=replicates, seed=k)
        hits["bootstrap"] += result.bootstrap_interval[0] <= 400 <= result.bootstrap_interval[1]
        hits["conditionnel"] += result.conditional_interval[0] <= 400 <= result.conditional_interval[1]
    return {name: round(count / simulations, 3) for name, count in hits.items()}


if __name__ == "__main__":
    simulations = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    replicates = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for dependence in (False, True):
        print({"dependance": dependence, "simulations": simulations, "bootstrap": replicates,
               **coverage(simulations, replicates, dependence)})
