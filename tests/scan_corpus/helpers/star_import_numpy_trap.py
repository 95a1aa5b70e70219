"""TF2 regression: `np` comes in through a project module's star import; np.array of float targets (N,) - (N, 1)."""
import tensorflow as tf
from common_utils import *

model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu", input_shape=(8,)), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD(0.01)

features, targets = [], []
for row in open("houses.csv"):
    *values, price = row.split(",")
    features.append([float(v) for v in values])
    targets.append(float(price))
X = np.array(features, dtype=np.float32)
y = np.array(targets, dtype=np.float32)

for epoch in range(50):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.abs(y - model(X)))  # expect: TLW003
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
