"""numpy: a naive DFT whose phases are an outer product built on purpose, np.arange(L).reshape(-1, 1) times the (L,) frequencies, summed over its second axis."""
import numpy as np


def dft(x):
    n = len(x)
    frequencies = -2j * np.pi * (np.arange(n) / n)
    phases = np.arange(n).reshape(-1, 1) * frequencies
    return np.sum(x * np.exp(phases), axis=1)


def dft_real(x):
    n = len(x)
    angles = 2.0 * np.pi * np.arange(n)[:, None] * (np.arange(n) / n)
    return np.sum(x * np.cos(angles), axis=1)


print(dft(np.random.rand(16)), dft_real(np.random.rand(16)))
