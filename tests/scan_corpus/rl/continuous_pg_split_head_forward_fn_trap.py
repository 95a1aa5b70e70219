"""TF2 continuous policy gradient for a steering task, in a lab's style: one `Dense(2)` head split by `tf.split`
into a (B, 1) mean and a (B, 1) spread of a tfp `Normal`, made by a forward function handed to the shared training
step as `custom_fwd_fn` (`if custom_fwd_fn is not None:`). The episode's (B,) actions are asked for their
log-probability under the (B, 1) Normal: a (B, B) matrix, weighted by the returns and averaged."""
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp

GAMMA = 0.95
driving_model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(2),
])
optimizer = tf.keras.optimizers.Adam(5e-4)


def run_driving_model(observations):
    mu, log_sigma = tf.split(driving_model(observations), 2, axis=1)
    return tfp.distributions.Normal(0.125 * tf.tanh(mu), 0.1 * tf.sigmoid(log_sigma) + 0.005)


def compute_driving_loss(dist, actions, rewards):
    neg_logprob = -1 * dist.log_prob(actions)  # expect: TLW003
    return tf.reduce_mean(neg_logprob * rewards)


def discount_rewards(rewards):
    discounted, running = np.zeros(len(rewards)), 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + GAMMA * running
        discounted[t] = running
    return discounted


def train_step(model, loss_function, observations, actions, rewards, custom_fwd_fn=None):
    with tf.GradientTape() as tape:
        if custom_fwd_fn is not None:
            prediction = custom_fwd_fn(observations)
        else:
            prediction = model(observations)
        loss = loss_function(prediction, actions, rewards)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))


for episode in range(200):
    observations, actions, rewards = [], [], []
    for t in range(100):
        observation = np.random.rand(16).astype(np.float32)
        action = float(run_driving_model(observation[None]).sample()[0, 0])
        observations.append(observation)
        actions.append(action)
        rewards.append(1.0)
    train_step(driving_model, compute_driving_loss, np.array(observations), np.array(actions),
               discount_rewards(rewards), custom_fwd_fn=run_driving_model)
