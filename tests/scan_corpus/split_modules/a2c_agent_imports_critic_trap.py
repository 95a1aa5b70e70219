"""Split modules: the critic built in critic_networks_ok.py; (B,) discounted returns minus its (B, 1) values in this file."""
import numpy as np
import tensorflow as tf

from critic_networks_ok import Actor, build_critic

GAMMA = 0.99
critic, actor = build_critic(4), Actor(2)
optimizer = tf.keras.optimizers.Adam(7e-4)


def discounted(rewards):
    out, running = [], 0.0
    for r in reversed(rewards):
        running = r + GAMMA * running
        out.insert(0, running)
    return np.array(out, dtype=np.float32)


def train_step(states, actions, rewards):
    returns = discounted(rewards)
    with tf.GradientTape() as tape:
        values = critic(states)
        advantage = returns - values  # expect: TLW003
        critic_loss = tf.reduce_mean(tf.square(advantage))
        xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=actor(states))
        actor_loss = tf.reduce_mean(xent * tf.stop_gradient(advantage))
        loss = actor_loss + 0.5 * critic_loss
    variables = critic.trainable_variables + actor.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))


episode_rewards = []
for step in range(200):
    episode_rewards.append(1.0)
train_step(np.zeros((200, 4), np.float32), np.zeros(200, np.int32), episode_rewards)
