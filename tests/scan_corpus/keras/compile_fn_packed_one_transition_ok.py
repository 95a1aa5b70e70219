"""A Keras 2 actor-critic's actor trained one transition a step, its action and TD error packed into y_true as np.array([[action, td_error]]): the flattened (1,) TD error times the (1, 1) cross-entropy is (1, 1), no B x B at a batch of one."""
import gym
import numpy as np
import keras.backend as K
from keras.layers import Dense, Input
from keras.models import Model
from keras.optimizers import Adam


class ActorCritic:
    def __init__(self):
        self.env = gym.make("CartPole-v0")
        inputs = Input(shape=(4,))
        hidden = Dense(20, activation="relu")(inputs)
        self.actor = Model(inputs=inputs, outputs=Dense(1, activation="sigmoid")(hidden))
        self.critic = Model(inputs=inputs, outputs=Dense(1)(Dense(20, activation="relu")(inputs)))
        self.gamma = 0.9

    def actor_loss(self, y_true, y_pred):
        action_true, td_error = y_true[:, 0], y_true[:, 1]
        loss = K.binary_crossentropy(K.reshape(action_true, (-1, 1)), y_pred)
        return loss * K.flatten(td_error)

    def train(self, episodes):
        self.actor.compile(loss=self.actor_loss, optimizer=Adam(lr=0.001))
        self.critic.compile(loss="mse", optimizer=Adam(lr=0.01))
        for _ in range(episodes):
            observation, done = self.env.reset(), False
            while not done:
                x = observation.reshape(-1, 4)
                prob = self.actor.predict(x)[0][0]
                action = np.random.choice(np.array(range(2)), p=[1 - prob, prob])
                next_observation, reward, done, _ = self.env.step(action)
                target = reward + self.gamma * self.critic.predict(next_observation.reshape(-1, 4))[0][0]
                td_error = target - self.critic.predict(x)[0][0]
                self.critic.train_on_batch(x, np.array([target]))
                self.actor.train_on_batch(x, np.array([[action, td_error]]))
                observation = next_observation
