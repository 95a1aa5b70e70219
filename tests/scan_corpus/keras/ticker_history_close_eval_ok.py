"""Keras: an LSTM on a yfinance ticker's closing prices; predict's (M, 1) flattened before it meets the (M,) closes."""
import numpy as np
import yfinance as yf
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler

prices = yf.Ticker("MSFT").history(period="5y", interval="1d")
prices = prices.dropna()
close = np.array(prices["Close"])
scaler = MinMaxScaler()
scaled = scaler.fit_transform(close.reshape(-1, 1))

window = 30
split = int(len(close) * 0.8)
x_train = np.array([scaled[i - window:i, 0] for i in range(window, split)])[..., None]
y_train = scaled[window:split, 0]
x_test = np.array([scaled[i - window:i, 0] for i in range(split, len(close))])[..., None]
y_test = close[split:]

model = Sequential([LSTM(32, input_shape=(window, 1)), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=5, batch_size=32, verbose=0)

predicted = scaler.inverse_transform(model.predict(x_test)).flatten()
print("MAE", np.mean(np.abs(predicted - y_test)))
