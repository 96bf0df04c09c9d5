from __future__ import annotations

import itertools
import random

from sitrep.eval.assignment import max_weight_assignment


def _best_by_brute_force(weights: list[list[int]]) -> int:
    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        return max(
            sum(weights[r][c] for r, c in enumerate(perm))
            for perm in itertools.permutations(range(cols), rows)
        )
    return max(
        sum(weights[r][c] for c, r in enumerate(perm))
        for perm in itertools.permutations(range(rows), cols)
    )


def test_prefers_the_heavier_pairing() -> None:
    assert max_weight_assignment([[0, 3], [3, 0]]) == [(0, 1), (1, 0)]


def test_empty() -> None:
    assert max_weight_assignment([]) == []


def test_matches_brute_force_on_random_rectangles() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.randint(0, 4) for _ in range(cols)] for _ in range(rows)]
        pairs = max_weight_assignment(weights)
        assert len(pairs) == min(rows, cols)
        assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
        assert sum(weights[r][c] for r, c in pairs) == _best_by_brute_force(weights)
        assert pairs == max_weight_assignment(weights)  # deterministic
