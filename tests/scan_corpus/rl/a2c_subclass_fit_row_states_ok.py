"""Keras 2 A2C on gym 0.26's LunarLander: one `keras.Model` subclass whose call gives a value head and policy
logits, compiled with a function loss for each output and fitted on a batch of states kept as vectors (each
`state` appended as it comes), so they stack to (B, 8), the value head is (B, 1), and Keras brings the (B,)
discounted returns to (B, 1) before the function sees them: elementwise."""
import gym
import numpy as np
import tensorflow as tf
from tensorflow import keras

GAMMA = 0.99
BATCH = 64

env = gym.make("LunarLander-v2", render_mode="rgb_array")


class ActorCritic(keras.Model):
    def __init__(self, actions):
        super().__init__()
        self.hidden = keras.layers.Dense(64, activation="relu")
        self.value = keras.layers.Dense(1)
        self.logits = keras.layers.Dense(actions)

    def call(self, inputs):
        x = self.hidden(inputs)
        return self.value(x), self.logits(x)


def critic_loss(returns, values):
    return 0.5 * keras.losses.mean_squared_error(returns, values)


def actor_loss(acts_and_advantages, logits):
    actions = tf.cast(acts_and_advantages[:, 0], tf.int32)
    advantages = acts_and_advantages[:, 1]
    xent = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return xent(actions, logits, sample_weight=advantages)


model = ActorCritic(env.action_space.n)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=[critic_loss, actor_loss])

state = env.reset()[0]
for update in range(1000):
    states, actions, rewards, dones, values = [], [], [], [], []
    for _ in range(BATCH):
        value, logits = model(state[None])
        action = int(tf.random.categorical(logits[0], 1)[0, 0])
        next_state, reward, terminated, truncated, _ = env.step(action)
        states.append(state)
        actions.append(action)
        rewards.append(reward)
        dones.append(terminated or truncated)
        values.append(float(np.squeeze(value)))
        state = env.reset()[0] if terminated or truncated else next_state
    returns = np.zeros(BATCH)
    running = 0.0
    for t in reversed(range(BATCH)):
        running = rewards[t] + GAMMA * running * (1 - dones[t])
        returns[t] = running
    advantages = returns - np.array(values)
    acts_and_advantages = np.stack([np.array(actions, dtype=np.float32), advantages], axis=1)
    model.fit(tf.stack(states), [returns, acts_and_advantages], batch_size=BATCH, verbose=0)
