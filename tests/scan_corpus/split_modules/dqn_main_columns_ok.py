"""Split modules: the training script of dqn_agent_loss_object_columns_ok.py, storing `env.step`'s scalar rewards and flags."""
import gymnasium as gym

try:
    from dqn_agent_loss_object_columns_ok import DQNAgent
except ImportError:
    from agents.dqn import DQNAgent

env = gym.make("CartPole-v1")
agent = DQNAgent(env.observation_space.shape[0], env.action_space.n)
state, info = env.reset()
for step in range(10_000):
    next_state, reward, terminated, truncated, info = env.step(env.action_space.sample())
    agent.store_transition(state, 0, reward, next_state, terminated)
    agent.learn()
    state = next_state
