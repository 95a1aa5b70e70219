"""RL, A2C, fixed: the critic's (B, 1) values are squeezed to (B,), so advantage and cross-entropy are both (B,)."""
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
        values = tf.squeeze(critic(states), axis=1)
        advantage = tf.stop_gradient(returns - values)
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=logits)
        policy_loss = tf.reduce_mean(neg_log_prob * advantage)
        value_loss = tf.reduce_mean(tf.square(returns - values))
        loss = policy_loss + 0.5 * value_loss
    variables = actor.trainable_variables + critic.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
