"""numpy: a pairwise (B, 1) - (1, B) distance matrix built on purpose with [:, None] and [None, :], for a contrastive loss."""
import numpy as np

rng = np.random.RandomState(3)
embeddings = rng.rand(32, 1)
labels = rng.randint(0, 4, size=32)

diff = embeddings[:, None, 0] - embeddings[None, :, 0]
dist = np.abs(diff)
same = (labels[:, None] == labels[None, :]).astype(float)
margin = 0.5
contrastive = np.mean(same * dist ** 2 + (1 - same) * np.maximum(margin - dist, 0) ** 2)
print(contrastive)
