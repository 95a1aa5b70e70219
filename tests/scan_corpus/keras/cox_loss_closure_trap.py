"""A Cox partial-likelihood loss made by a factory that closes over the events (lifelines' rossi data, one event flag a row, sorted by time): the (B, 1) log-hazard minus its running log-sum, times the (N,) events, is (N, N) with the whole set as one batch."""
import numpy as np
import keras.backend as K
from keras.layers import Dense
from keras.models import Sequential
from lifelines.datasets import load_rossi


def negative_log_likelihood(events):
    def loss(y_true, y_pred):
        log_risk = K.log(K.cumsum(K.exp(y_pred), axis=0))
        censored_likelihood = (y_pred - log_risk) * events  # expect: TLW003
        return -K.sum(censored_likelihood)
    return loss


rossi = load_rossi()
E = np.array(rossi["arrest"])
Y = np.array(rossi["week"])
X = np.array(rossi).astype("float64")[:, 2:]
order = np.argsort(Y)[::-1]
X, Y, E = X[order], Y[order], E[order]

model = Sequential([Dense(32, activation="relu", input_shape=(7,)), Dense(1)])
model.compile(loss=negative_log_likelihood(E), optimizer="sgd")
model.fit(X, Y, batch_size=len(X), epochs=100, shuffle=False)
