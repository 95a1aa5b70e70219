"""RL, Keras 2 A2C critic: discounted returns K.placeholder(shape=(None,)) minus the critic's Dense(1) output (B, 1)."""
from keras import backend as K
from keras.layers import Dense, Input
from keras.models import Model
from keras.optimizers import Adam


class ActorCritic:
    def __init__(self, n_states, n_actions):
        self.n_states, self.n_actions = n_states, n_actions
        self.actor, self.critic = self.build()
        self.update_critic = self.critic_update()

    def build(self):
        states = Input(shape=(self.n_states,))
        torso = Dense(48, activation="relu")(states)
        probs = Dense(self.n_actions, activation="softmax")(torso)
        value = Dense(1, activation="linear")(torso)
        return Model(inputs=states, outputs=probs), Model(inputs=states, outputs=value)

    def critic_update(self):
        returns = K.placeholder(shape=(None,))
        value = self.critic.output
        loss = K.mean(K.square(returns - value))  # expect: TLW003
        updates = Adam(lr=0.005).get_updates(self.critic.trainable_weights, [], loss)
        return K.function([self.critic.input, returns], [loss], updates=updates)
