"""A TF2 continuous policy gradient: a tfp Normal whose mean is the policy's (B, 1) output, asked for the log-probability of the (B,) actions taken: log_prob broadcasts them to (B, B), then times the (B,) returns."""
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp

tfd = tfp.distributions
policy = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(64, activation="relu"),
                              tf.keras.layers.Dense(1, activation="tanh")])
log_std = tf.Variable(-0.5)
optimizer = tf.keras.optimizers.Adam(1e-3)


def train(states, actions, returns):
    with tf.GradientTape() as tape:
        dist = tfd.Normal(loc=policy(states), scale=tf.exp(log_std))
        log_probs = dist.log_prob(actions)  # expect: TLW003
        loss = -tf.reduce_mean(log_probs * returns)
    variables = [*policy.trainable_variables, log_std]
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))


states, actions, returns = [], [], []
for step in range(200):
    states.append(np.random.rand(3))
    actions.append(float(np.random.randn()))
    returns.append(float(np.random.rand()))
train(np.array(states, dtype=np.float32), np.array(actions, dtype=np.float32), np.array(returns, dtype=np.float32))
