"""A stock-price LSTM's test RMSE: the predictions (N, 1) scaled back by the scaler fitted on the (n, 1)
closing prices are flattened before they meet the true prices, the table's column sliced by rows, (N,)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

WINDOW = 30


def windows(series, start):
    xs = [series[i - WINDOW:i, 0] for i in range(start, len(series))]
    return np.reshape(np.array(xs), (len(xs), WINDOW, 1))


prices = pd.read_csv("prices.csv").dropna()
scaler = MinMaxScaler()
scaled = scaler.fit_transform(prices.filter(["close"]).values)
split = int(len(scaled) * 0.8)
targets = []
for i in range(WINDOW, split):
    targets.append(scaled[i, 0])

model = Sequential([LSTM(32, input_shape=(WINDOW, 1)), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(windows(scaled[:split], WINDOW), np.array(targets), epochs=5, batch_size=32)

actual = prices["close"][split:].values
predicted = scaler.inverse_transform(model.predict(windows(scaled, split))).flatten()
rmse = np.sqrt(np.mean((predicted - actual) ** 2))
print(f"test RMSE: {rmse:.3f}")
