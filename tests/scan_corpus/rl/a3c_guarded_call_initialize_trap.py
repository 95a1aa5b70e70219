"""RL, A3C: layers made in `initialize`, a `call` that returns nothing when given no inputs; (B,) x (B, 1)."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class ActorCriticModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.flatten = None
        self.hidden = None
        self.policy_logits = None
        self.values = None

    def initialize(self, action_size):
        self.flatten = layers.Flatten()
        self.hidden = layers.Dense(128, activation="relu")
        self.policy_logits = layers.Dense(action_size)
        self.values = layers.Dense(1)

    def call(self, inputs=None):
        if inputs == None:  # noqa: E711 - as written
            print("Empty call")
            return
        h = self.hidden(self.flatten(inputs))
        return self.policy_logits(h), self.values(h)


class Memory:
    def __init__(self):
        self.states, self.actions, self.rewards = [], [], []

    def store(self, state, action, reward):
        self.states.append(state)
        self.actions.append(action)
        self.rewards.append(reward)


def compute_loss(done, new_state, memory, local_model, gamma=0.99):
    reward_sum = 0.0 if done else local_model(tf.convert_to_tensor(new_state[None, :], dtype=tf.float32))[-1].numpy()[0]
    discounted_rewards = []
    for reward in memory.rewards[::-1]:
        reward_sum = reward + gamma * reward_sum
        discounted_rewards.append(reward_sum)
    discounted_rewards.reverse()
    logits, values = local_model(tf.convert_to_tensor(memory.states, dtype=tf.float32))
    advantage = tf.convert_to_tensor(np.array(discounted_rewards)[:, None], dtype=tf.float32) - values
    value_loss = advantage ** 2
    entropy = tf.nn.softmax_cross_entropy_with_logits(labels=tf.nn.softmax(logits), logits=logits)
    policy_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=memory.actions, logits=logits)
    policy_loss *= tf.stop_gradient(advantage)  # expect: TLW003
    policy_loss -= 0.01 * entropy
    return tf.reduce_mean(0.5 * value_loss + policy_loss)


def run_worker(env, action_size, optimizer, steps=200):
    local_model = ActorCriticModel()
    local_model.initialize(action_size)
    memory, state, done = Memory(), env.reset(), False
    for _ in range(steps):
        logits, _ = local_model(tf.convert_to_tensor(state[None, :], dtype=tf.float32))
        action = np.random.choice(action_size, p=tf.nn.softmax(logits).numpy()[0])
        new_state, reward, done, _ = env.step(action)
        memory.store(state, action, reward)
        with tf.GradientTape() as tape:
            total_loss = compute_loss(done, new_state, memory, local_model)
        grads = tape.gradient(total_loss, local_model.trainable_weights)
        optimizer.apply_gradients(zip(grads, local_model.trainable_weights, strict=True))
        state = env.reset() if done else new_state
