"""Sorted docnum set operations (`index.docsets`) equal numpy's general ones, dense or sparse."""

from __future__ import annotations

import numpy as np
import pytest

from index import docsets


@pytest.mark.parametrize("sizes", [(0, 50), (5, 5000), (3000, 4000), (20000, 30), (1, 1)])
def test_set_operations_equal_numpys(sizes):
    rng = np.random.default_rng(sum(sizes))
    a = np.unique(rng.integers(0, 100_000, sizes[0]))
    b = np.unique(rng.integers(0, 100_000, sizes[1]))
    assert docsets.intersect(a, b).tolist() == np.intersect1d(a, b).tolist()
    assert docsets.difference(a, b).tolist() == np.setdiff1d(a, b).tolist()
    assert docsets.union([a, b, a[:3]]).tolist() == np.union1d(a, b).tolist()
    assert docsets.member(a, b).tolist() == np.isin(a, b).tolist()
    spread = np.unique(rng.integers(0, 2**40, 50))  # far beyond a dense table
    assert docsets.union([spread, a]).tolist() == np.union1d(spread, a).tolist()
    assert docsets.unique_sorted(np.sort(np.concatenate([a, a]))).tolist() == a.tolist()
