"""RL, A2C, fixed: the advantage is taken from the critic's values squeezed to (B,), so it meets the (B,) cross-entropy row by row."""
import tensorflow as tf
from tensorflow import keras

n_actions = 4
actor = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(n_actions)])
critic = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(7e-4)


def train_step(states, actions, returns):
    returns = tf.convert_to_tensor(returns, dtype=tf.float32)
    with tf.GradientTape() as tape:
        logits = actor(states)
        values = critic(states)
        advantage = tf.stop_gradient(returns - tf.squeeze(values, -1))
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=logits)
        policy_loss = tf.reduce_mean(neg_log_prob * advantage)
        value_loss = tf.reduce_mean(tf.square(tf.expand_dims(returns, 1) - values))
        loss = policy_loss + 0.5 * value_loss
    variables = actor.trainable_variables + critic.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
