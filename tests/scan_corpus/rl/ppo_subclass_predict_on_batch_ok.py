"""TF2 PPO with a keras.Model subclass of two heads: the rollout's values come from the model's own predict_on_batch (its call), the bootstrapped discounted rewards are made a (T, 1) column before they meet the (T, 1) value head."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow import keras

GAMMA = 0.99
BATCH_SIZE = 64


class ActorCritic(keras.Model):
    def __init__(self, num_actions):
        super().__init__()
        self.hidden = keras.layers.Dense(64, activation="relu")
        self.value = keras.layers.Dense(1)
        self.policy_logits = keras.layers.Dense(num_actions)

    def call(self, inputs):
        x = self.hidden(inputs)
        return self.value(x), self.policy_logits(x)

    def action_value(self, state):
        value, logits = self.predict_on_batch(state)
        return tf.random.categorical(logits, 1)[0, 0], value


def critic_loss(discounted_rewards, values):
    return 0.5 * tf.reduce_mean(keras.losses.mean_squared_error(discounted_rewards, values))


def discount(rewards, dones, next_value):
    returns = np.array(rewards + [next_value[0]])
    for t in reversed(range(len(rewards))):
        returns[t] = rewards[t] + GAMMA * returns[t + 1] * (1 - dones[t])
    return returns[:-1]


env = gym.make("CartPole-v1")
model = ActorCritic(env.action_space.n)
optimizer = keras.optimizers.Adam(1e-3)
state, _ = env.reset()
for update in range(1000):
    states, rewards, dones = [], [], []
    for _ in range(BATCH_SIZE):
        action, value = model.action_value(state.reshape(1, -1))
        next_state, reward, terminated, truncated, _ = env.step(int(action))
        states.append(state)
        rewards.append(reward)
        dones.append(terminated)
        state = next_state if not (terminated or truncated) else env.reset()[0]
    _, next_value = model.action_value(state.reshape(1, -1))
    returns = discount(rewards, dones, next_value[0])
    with tf.GradientTape() as tape:
        values, logits = model(tf.stack(states))
        loss = critic_loss(returns[:, None], values)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
