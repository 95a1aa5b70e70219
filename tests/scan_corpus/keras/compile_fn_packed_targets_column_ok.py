"""The policy gradient of compile_fn_packed_targets_trap.py with the returns cut back to a (B, 1) column: K.binary_crossentropy of the (B, 1) actions and probabilities times (B, 1) returns stays (B, 1)."""
import gym
import numpy as np
import keras.backend as K
from keras.layers import Dense, Input
from keras.models import Model
from keras.optimizers import Adam


class PolicyNetwork:
    def __init__(self):
        self.env = gym.make("CartPole-v0")
        inputs = Input(shape=(4,))
        hidden = Dense(16, activation="relu")(inputs)
        self.model = Model(inputs=inputs, outputs=Dense(1, activation="sigmoid")(hidden))
        self.gamma = 0.95

    def loss(self, y_true, y_pred):
        action_true, discounted = y_true[:, 0], y_true[:, 1]
        action_true = K.reshape(action_true, (-1, 1))
        loss = K.binary_crossentropy(action_true, y_pred)
        return loss * K.reshape(discounted, (-1, 1))

    def discount(self, rewards):
        discounted, running = np.zeros_like(rewards, dtype=np.float32), 0.0
        for i in reversed(range(len(rewards))):
            running = running * self.gamma + rewards[i]
            discounted[i] = running
        return list((discounted - np.mean(discounted)) / np.std(discounted))

    def train(self, episodes):
        self.model.compile(loss=self.loss, optimizer=Adam(lr=0.01))
        states, actions, returns = [], [], []
        for _ in range(episodes):
            observation, rewards = self.env.reset(), []
            while True:
                x = observation.reshape(-1, 4)
                prob = self.model.predict(x)[0][0]
                action = np.random.choice(np.array(range(2)), p=[1 - prob, prob])
                observation, reward, done, _ = self.env.step(action)
                states.append(x[0])
                actions.append(action)
                rewards.append(reward)
                if done:
                    returns.extend(self.discount(rewards))
                    break
        self.model.train_on_batch(np.array(states), np.array(list(zip(actions, returns))))
