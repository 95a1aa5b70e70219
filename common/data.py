"""The question's dataset, its cyclic batching, and a full-data loss evaluation whose memory grows with N."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from common.config import Config

# Elements one block of a pairwise (broadcast) loss evaluation may hold: 2**22 float64 values are 32 MiB.
BLOCK_ELEMENTS = 2**22


def make_dataset(config: Config) -> tuple[np.ndarray, np.ndarray]:
    """`X = RandomState(seed).rand(N, dim)`, `Y = X[:, 0]`, in the configured dtype."""
    X = np.random.RandomState(config.seed).rand(config.data_size, config.dim).astype(config.dtype)
    return X, X[:, 0]


def batches(config: Config) -> Iterator[tuple[int, int, int]]:
    """Yield `(step, start, end)`: the question's `start = i * B % N`, `end = min(start + B, N)`."""
    n, size = config.data_size, config.batch_size
    for step in range(config.steps):
        start = step * size % n
        yield step, start, min(start + size, n)


def chunks(config: Config) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The steps of `batches` as `(steps, starts, ends)` arrays, each chunk ending at a logged or the last step."""
    chunk: list[tuple[int, int, int]] = []
    for step, start, end in batches(config):
        chunk.append((step, start, end))
        if step % config.log_every == 0 or step == config.steps - 1:
            yield tuple(np.array(column, dtype=np.int64) for column in zip(*chunk, strict=True))
            chunk = []


def full_data_loss(
    loss_on: Callable[[np.ndarray, np.ndarray], float],
    X: np.ndarray,
    Y: np.ndarray,
    *,
    pairwise: bool,
    block_elements: int = BLOCK_ELEMENTS,
) -> float:
    """The loss `loss_on(X, Y)` over all N rows, evaluated over row blocks of the predictions.

    A pairwise (broadcasting) loss `mean_ij (p_i - y_j)**2` builds a (rows x N) matrix, so each block of
    prediction rows is paired with every label; a row-wise loss pairs each block with its own labels.
    Block means weighted by block size give the same mean as one (N x N) evaluation, in O(N) memory.
    """
    n = len(X)
    rows = max(1, block_elements // n) if pairwise else n
    total = 0.0
    for start in range(0, n, rows):
        end = min(start + rows, n)
        labels = Y if pairwise else Y[start:end]
        total += float(loss_on(X[start:end], labels)) * (end - start)
    return total / n
