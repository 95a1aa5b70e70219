"""A TF2 parallel actor-critic: returns are the workers' rewards plus the discounted next values (a list of numbers made an array: (W,)), against the (W, 1) values of a Dense(1) head in the tape."""
import numpy as np
import tensorflow as tf

GAMMA = 0.95


class Network:
    def __init__(self, n_inputs, n_actions):
        inputs = tf.keras.layers.Input(shape=(n_inputs,))
        hidden = tf.keras.layers.Dense(64, activation="relu")(inputs)
        logits = tf.keras.layers.Dense(n_actions)(hidden)
        values = tf.keras.layers.Dense(1)(hidden)
        self.model = tf.keras.Model(inputs=inputs, outputs=[logits, values])
        self.optimizer = tf.optimizers.Adam(1e-3)

    def train(self, states, actions, returns):
        states, returns = np.array(states, np.float32), np.array(returns, np.float32)
        with tf.GradientTape() as tape:
            logits, values = self.model(states, training=True)
            neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=actions, logits=logits)
            advantage = returns - tf.stop_gradient(values)  # expect: TLW003
            loss = tf.reduce_mean(neg_log_prob * advantage) + tf.reduce_mean(tf.square(returns - values))  # expect: TLW003
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))

    def predict_values(self, states):
        _, values = self.model(np.array(states, np.float32))
        return values.numpy()[:, 0]


def run(envs, network):
    states = [env.reset() for env in envs]
    for _ in range(1000):
        actions = np.random.randint(2, size=len(envs))
        results = [env.step(a) for env, a in zip(envs, actions)]
        next_states = [s for s, _, _, _ in results]
        rewards = np.array([r for _, r, _, _ in results])
        dones = [d for _, _, d, _ in results]
        next_values = network.predict_values(next_states)
        bootstrap = np.array([0.0 if dones[i] else next_values[i] for i in range(len(dones))])
        network.train(states, actions, rewards + GAMMA * bootstrap)
        states = next_states


if __name__ == "__main__":
    run(make_envs(16), Network(4, 2))
