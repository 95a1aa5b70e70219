"""numpy: an intended broadcast — standardising a (B, k) batch with x - mean(x, axis=0) over (k,) statistics."""
import numpy as np

batch = np.random.rand(128, 6) * 10.0
mean = batch.mean(axis=0)
std = batch.std(axis=0) + 1e-8
normalised = (batch - mean) / std

targets = np.random.rand(128, 6)
mse = np.mean((normalised - targets) ** 2)
print(mse)
