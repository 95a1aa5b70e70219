"""RL, A3C as a3c_bootstrap_call_trap.py, the rollout's states an array the memory holds, of a shape the source does not show: the values are tied to them, (*S[:-1], 1), against the per-sample cross-entropy S[:-1]."""
import numpy as np
import tensorflow as tf


class ActorCritic(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(64, activation="relu")
        self.policy = tf.keras.layers.Dense(n_actions)
        self.value = tf.keras.layers.Dense(1)

    def call(self, inputs):
        h = self.hidden(inputs)
        return self.policy(h), self.value(h)


class Worker:
    def __init__(self, n_actions, gamma=0.99):
        self.n_actions, self.gamma = n_actions, gamma
        self.model = ActorCritic(n_actions)

    def rollout_loss(self, memory, last_state, done):
        tail = 0.0 if done else self.model(tf.convert_to_tensor(last_state[None, :]))[-1].numpy()[0, 0]
        returns = []
        for reward in memory.rewards[::-1]:
            tail = reward + self.gamma * tail
            returns.append(tail)
        returns.reverse()
        logits, values = self.model(memory.states)
        advantage = tf.convert_to_tensor(np.array(returns)[:, None], dtype=tf.float32) - values
        value_loss = advantage ** 2
        policy = tf.nn.softmax(logits)
        entropy = tf.nn.softmax_cross_entropy_with_logits(labels=policy, logits=logits)
        policy_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=memory.actions, logits=logits)
        policy_loss *= tf.stop_gradient(advantage)  # expect: TLW003
        policy_loss -= 0.01 * entropy
        return tf.reduce_mean(0.5 * value_loss + policy_loss)
