"""A replay buffer as Patrick Emami's DDPG wrote it and many DDPGs copied it: transitions appended on either branch
of a size test, sampled with `random.sample`, each field stacked by a comprehension, and a demo under `if __name__
== "__main__"` filling an instance of its own with transitions of other shapes; nothing here meets anything.
Imported by ddpg_buffer_agent_*."""
import random
from collections import deque

import numpy as np


class ReplayBuffer(object):
    def __init__(self, buffer_size, random_seed=None):
        self.buffer_size = buffer_size
        self.count = 0
        self.buffer = deque()
        random.seed(random_seed)

    def add(self, experience):
        if self.count < self.buffer_size:
            self.buffer.append(tuple(experience))
            self.count += 1
        else:
            self.buffer.popleft()
            self.buffer.append(experience)

    def size(self):
        return self.count

    def sample_batch(self, batch_size):
        if self.count < batch_size:
            batch = random.sample(self.buffer, self.count)
        else:
            batch = random.sample(self.buffer, batch_size)
        s_batch = np.array([_[0] for _ in batch])
        a_batch = np.array([_[1] for _ in batch])
        r_batch = np.array([_[2] for _ in batch])
        t_batch = np.array([_[3] for _ in batch])
        s2_batch = np.array([_[4] for _ in batch])
        return s_batch, a_batch, r_batch, t_batch, s2_batch


if __name__ == "__main__":
    buf = ReplayBuffer(100)
    for _ in range(200):
        buf.add([np.random.rand(i) for i in [4, 1, 1, 1, 4]])
    print(buf.sample_batch(5))
