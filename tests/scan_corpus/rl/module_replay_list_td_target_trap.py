"""TF2 TD(0) critic for CartPole whose replay memory is a module-level list that `remember()` appends to: the
batch's rewards stack to (B,), the target critic's Dense(1) gives (B, 1), and `rewards + GAMMA * next_v` is a
(B, B) target the squared error averages."""
import gym
import numpy as np
import tensorflow as tf

GAMMA = 0.99
BATCH = 64

env = gym.make("CartPole-v1")
critic = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
target_critic = tf.keras.models.clone_model(critic)
optimizer = tf.keras.optimizers.Adam(1e-3)
memory = []


def remember(state, reward, next_state, done):
    memory.append((state, reward, next_state, float(done)))
    if len(memory) > 10000:
        memory.pop(0)


def replay():
    batch = [memory[i] for i in np.random.randint(0, len(memory), BATCH)]
    states = np.array([t[0] for t in batch], dtype=np.float32)
    rewards = np.array([t[1] for t in batch], dtype=np.float32)
    next_states = np.array([t[2] for t in batch], dtype=np.float32)
    dones = np.array([t[3] for t in batch], dtype=np.float32)
    next_v = target_critic(next_states)
    targets = rewards + GAMMA * next_v * (1.0 - dones)  # expect: TLW003
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(targets - critic(states)))
    grads = tape.gradient(loss, critic.trainable_variables)
    optimizer.apply_gradients(zip(grads, critic.trainable_variables))


for episode in range(300):
    state, done = env.reset(), False
    while not done:
        next_state, reward, done, _ = env.step(env.action_space.sample())
        remember(state, reward, next_state, done)
        state = next_state
        if len(memory) >= BATCH:
            replay()
    target_critic.set_weights(critic.get_weights())
