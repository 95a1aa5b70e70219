"""RL, A2C: a (B,) per-sample sparse cross-entropy times a (B, 1) advantage from a Dense(1) critic."""
import tensorflow as tf
from tensorflow import keras

n_actions = 4
actor = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(n_actions)])
critic = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(7e-4)


def train_step(states, actions, returns):
    returns = tf.convert_to_tensor(returns, dtype=tf.float32)  # (B,), discounted in numpy
    with tf.GradientTape() as tape:
        logits = actor(states)
        values = critic(states)
        advantage = tf.stop_gradient(tf.expand_dims(returns, 1) - values)
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=logits)
        policy_loss = tf.reduce_mean(neg_log_prob * advantage)  # expect: TLW003
        value_loss = tf.reduce_mean(tf.square(tf.expand_dims(returns, 1) - values))
        loss = policy_loss + 0.5 * value_loss
    variables = actor.trainable_variables + critic.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
