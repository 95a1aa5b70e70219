"""Keras: a curve fit on an (N,) x whose `predict` Keras widens to (N, 1); the hand-written error against (N,) y."""
import numpy as np
from keras.layers import Activation, Dense
from keras.models import Sequential

x = np.arange(-10, 10, 0.05)
y = x ** 3

model = Sequential()
model.add(Dense(32, input_shape=(1,)))
model.add(Activation("tanh"))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=200, batch_size=len(x), verbose=0)

predictions = model.predict(x)
print("mse", np.mean(np.square(predictions - y)))  # expect: TLW003
