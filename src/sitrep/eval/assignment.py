"""Maximum-weight assignment (Hungarian algorithm) for small, dense bipartite groups.

Used where every gold item of a group may be paired with every predicted item of it (the
casualty rule makes its candidates equivalence classes), so that a full assignment of
``min(rows, columns)`` pairs always exists and only the weights decide which one is taken.
Deterministic: the same matrix always yields the same pairs.
"""

from __future__ import annotations

from collections.abc import Sequence


def max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs ``(row, column)`` of a full assignment with the largest total integer weight.

    Every row is assigned when there are no more rows than columns, every column otherwise.
    """
    if not weights or not weights[0]:
        return []
    if len(weights) > len(weights[0]):
        transposed = [list(col) for col in zip(*weights, strict=True)]
        return sorted((r, c) for c, r in max_weight_assignment(transposed))
    cost = [[-w for w in row] for row in weights]
    return sorted(_min_cost_rows_le_cols(cost))


def _min_cost_rows_le_cols(cost: list[list[int]]) -> list[tuple[int, int]]:
    """O(n^2 m) Hungarian algorithm with potentials; needs ``len(cost) <= len(cost[0])``."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: 1-based row assigned to column j, 0 when free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        min_slack = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                slack = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if slack < min_slack[j]:
                    min_slack[j], way[j] = slack, j0
                if min_slack[j] < delta:
                    delta, j1 = min_slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
