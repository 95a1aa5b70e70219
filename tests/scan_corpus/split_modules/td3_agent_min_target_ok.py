"""The TD3 agent of td3_critic_net_trap.py: its target is np.min over np.vstack of the two (B, 1) target critics transposed to (1, B) rows, so (B,); nothing calls learn() here (a training script elsewhere does), and the matrix is made in the critic's module."""
import numpy as np
from td3_critic_net_trap import TwinCritic


class TD3Agent:
    def __init__(self, env, gamma=0.99):
        self.obs_dim = env.observation_space.shape[0]
        self.act_dim = env.action_space.shape[0]
        self.bound = env.action_space.high[0]
        self.gamma = gamma
        self.critic = TwinCritic(self.obs_dim, self.act_dim)
        self.memory = []

    def update(self, obs, act, target):
        self.critic.train(obs, act, target)

    def learn(self, batch_size=100):
        idx = np.random.randint(0, len(self.memory), size=batch_size)
        obs = np.array([self.memory[i][0] for i in idx])
        act = np.array([self.memory[i][1] for i in idx])
        next_obs = np.array([self.memory[i][3] for i in idx])
        next_act = np.clip(np.random.normal(0, 0.2, size=(batch_size, self.act_dim)), -self.bound, self.bound)
        q1 = self.critic.q1_target.predict([next_obs, next_act])
        q2 = self.critic.q2_target.predict([next_obs, next_act])
        target = np.min(np.vstack([q1.transpose(), q2.transpose()]), axis=0)
        for i in range(batch_size):
            target[i] = self.memory[idx[i]][2] + self.gamma * target[i] * (1 - self.memory[idx[i]][4])
        self.update(obs, act, target)
