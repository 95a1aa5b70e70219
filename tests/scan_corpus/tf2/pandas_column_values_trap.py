"""TF2 regression on a CSV: labels df.pop('price').values (N,) against a Dense(1) model's (B, 1) in a GradientTape."""
import pandas as pd
import tensorflow as tf
from tensorflow import keras

df = pd.read_csv("houses.csv").dropna()
train_df = df.sample(frac=0.8, random_state=0)
labels = train_df.pop("price").values
features = train_df.values.astype("float32")

model = keras.Sequential([keras.Input(shape=(7,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(1e-3)

for start in range(0, len(labels), 32):
    x, y = features[start:start + 32], labels[start:start + 32]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.abs(y - model(x)))  # expect: TLW003
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
