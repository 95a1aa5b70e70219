"""RL, A3C: a bootstrap of 0. or a (1,) row; the returns reshaped to (B, 1), their advantage squeezed to (B,)."""
import gym
import numpy as np
import tensorflow as tf


class ActorCritic(tf.keras.Model):
    def __init__(self, n_actions):
        super().__init__()
        self.actor_hidden = tf.keras.layers.Dense(64, activation="relu")
        self.policy = tf.keras.layers.Dense(n_actions)
        self.critic_hidden = tf.keras.layers.Dense(64, activation="relu")
        self.value = tf.keras.layers.Dense(1)

    def call(self, inputs):
        return self.policy(self.actor_hidden(inputs)), self.value(self.critic_hidden(inputs))


class Rollout:
    def __init__(self):
        self.states, self.actions, self.rewards = [], [], []

    def add(self, state, action, reward):
        self.states.append(state)
        self.actions.append(action)
        self.rewards.append(reward)


class Worker:
    def __init__(self, gamma=0.99):
        self.env = gym.make("CartPole-v1")
        self.model = ActorCritic(2)
        self.gamma = gamma
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def run(self, episodes):
        for _ in range(episodes):
            rollout, state, done = Rollout(), self.env.reset(), False
            while not done:
                logits, _ = self.model(tf.convert_to_tensor(state[None, :], dtype=tf.float32))
                action = np.random.choice(2, p=tf.nn.softmax(logits).numpy()[0])
                next_state, reward, done, _ = self.env.step(action)
                rollout.add(state, action, reward)
                state = next_state
            with tf.GradientTape() as tape:
                loss = self.loss(done, state, rollout)
            grads = tape.gradient(loss, self.model.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))

    def loss(self, done, last_state, rollout):
        if done:
            tail = 0.0
        else:
            tail = self.model(tf.convert_to_tensor(last_state[None, :], dtype=tf.float32))[-1].numpy()[0]
        returns = []
        for reward in rollout.rewards[::-1]:
            tail = reward + self.gamma * tail
            returns.append(tail)
        returns.reverse()
        logits, values = self.model(tf.convert_to_tensor(np.vstack(rollout.states), dtype=tf.float32))
        returns = tf.convert_to_tensor(np.array(returns).reshape(-1, 1), dtype=tf.float32)
        advantage = tf.squeeze(returns - values, axis=1)
        policy_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=rollout.actions, logits=logits)
        policy_loss *= tf.stop_gradient(advantage)
        return tf.reduce_mean(0.5 * advantage ** 2 + policy_loss)


if __name__ == "__main__":
    Worker().run(500)
