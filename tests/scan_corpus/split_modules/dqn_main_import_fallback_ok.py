"""Split modules: the DQN's training script, which imports its agent with a fallback for another layout (`try: ... except ImportError: from agents.dqn import DQNAgent`) and stores `env.step`'s transitions; the broadcast is made in dqn_agent_loss_object_trap.py."""
import gymnasium as gym

try:
    from dqn_agent_loss_object_trap import DQNAgent
except ImportError:
    from agents.dqn import DQNAgent

env = gym.make("CartPole-v1")
agent = DQNAgent(env.observation_space.shape[0], env.action_space.n)
for episode in range(500):
    state, info = env.reset()
    done = False
    while not done:
        action = env.action_space.sample()
        next_state, reward, terminated, truncated, info = env.step(action)
        done = terminated or truncated
        agent.store_transition(state, action, reward, next_state, done)
        agent.learn()
        state = next_state
