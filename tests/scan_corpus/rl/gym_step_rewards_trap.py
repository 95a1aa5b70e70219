"""RL, TF2 REINFORCE with baseline: rewards are gym's env.step numbers, returns a (T,) array, the critic's (T, 1)."""
import gym
import numpy as np
import tensorflow as tf

env = gym.make("CartPole-v1")
critic = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(32, activation="tanh"),
                              tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(1e-3)

for episode in range(100):
    state, done = env.reset(), False
    states, rewards = [], []
    while not done:
        result = env.step(env.action_space.sample())
        states.append(state)
        rewards.append(result[1])
        state, done = result[0], result[2]
    returns = np.zeros_like(rewards)
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + 0.99 * running
        returns[t] = running
    with tf.GradientTape() as tape:
        baseline = critic(np.array(states, dtype=np.float32))
        loss = tf.reduce_mean((returns - baseline) ** 2)  # expect: TLW003
    optimizer.apply_gradients(zip(tape.gradient(loss, critic.trainable_variables), critic.trainable_variables))
