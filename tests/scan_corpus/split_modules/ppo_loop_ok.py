"""Split modules: the loop that drives ppo_learner_values_trap.py, right by itself: it stores what the learner's act gives and asks it to learn."""
import gym

from ppo_learner_values_trap import Learner

env = gym.make("CartPole-v1")
learner = Learner()
for episode in range(300):
    observation, done = env.reset(), False
    while not done:
        action, value = learner.act(observation)
        observation_next, reward, done, _ = env.step(action)
        learner.memory.store(observation, value, reward)
        observation = observation_next
    learner.learn()
