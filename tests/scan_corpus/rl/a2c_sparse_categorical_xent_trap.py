"""RL, A2C: Keras's per-sample sparse_categorical_crossentropy (B,) times a (B, 1) advantage from a Dense(1) critic."""
import tensorflow as tf
from tensorflow import keras

n_actions = 6
actor = keras.Sequential([keras.layers.Dense(128, activation="relu"), keras.layers.Dense(n_actions)])
critic = keras.Sequential([keras.layers.Dense(128, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.RMSprop(7e-4)


def update(observations, actions, returns, entropy_coef=0.01):
    with tf.GradientTape() as tape:
        logits = actor(observations, training=True)
        values = critic(observations, training=True)
        advantage = tf.stop_gradient(returns[:, None] - values)
        xent = tf.keras.losses.sparse_categorical_crossentropy(actions, logits, from_logits=True)
        policy_loss = tf.reduce_mean(xent * advantage)  # expect: TLW003
        entropy = -tf.reduce_mean(tf.reduce_sum(tf.nn.softmax(logits) * tf.nn.log_softmax(logits), axis=-1))
        value_loss = tf.reduce_mean(tf.square(returns[:, None] - values))
        loss = policy_loss + 0.5 * value_loss - entropy_coef * entropy
    variables = actor.trainable_variables + critic.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
