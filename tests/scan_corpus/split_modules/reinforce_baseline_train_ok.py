"""Split modules: the training script of reinforce_baseline_model_trap.py, right by itself: the (B,) list of returns it makes meets the (B, 1) baseline in the model's loss, marked there."""
import gym
import numpy as np
import tensorflow as tf

from reinforce_baseline_model_trap import ReinforceWithBaseline


def discount(rewards, factor=0.99):
    returns = [0.0] * len(rewards)
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + factor * running
        returns[t] = running
    return returns


def generate_trajectory(env, model):
    states, actions, rewards = [], [], []
    state, done = env.reset(), False
    while not done:
        probs = model.call(np.expand_dims(state, 0)).numpy()[0]
        action = np.random.choice(len(probs), p=probs)
        states.append(state)
        actions.append(action)
        state, reward, done, _ = env.step(action)
        rewards.append(reward)
    return states, actions, rewards


def train(env, model):
    states, actions, rewards = generate_trajectory(env, model)
    with tf.GradientTape() as tape:
        loss = model.loss(np.asarray(states), np.asarray(actions), discount(rewards))
    gradients = tape.gradient(loss, model.trainable_variables)
    model.optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return np.sum(rewards)


env = gym.make("CartPole-v1")
model = ReinforceWithBaseline(env.action_space.n)
for episode in range(650):
    train(env, model)
