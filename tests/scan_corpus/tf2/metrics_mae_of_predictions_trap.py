"""TF2 course notebook: `tf.metrics.mean_absolute_error(y_true=y_test, y_pred=y_preds)` of (N,) and (N, 1) arrays."""
import numpy as np
import tensorflow as tf

tf.random.set_seed(42)
X = np.arange(-100, 100, 4)
y = X + 10
X_train, y_train, X_test, y_test = X[:40], y[:40], X[40:], y[40:]

model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=[1])])
model.compile(loss=tf.keras.losses.mae, optimizer=tf.keras.optimizers.SGD(), metrics=["mae"])
model.fit(X_train, y_train, epochs=100, verbose=0)

y_preds = model.predict(X_test)
mae = tf.metrics.mean_absolute_error(y_true=y_test, y_pred=y_preds)  # expect: TLW003
mse = tf.metrics.mean_squared_error(y_true=y_test, y_pred=tf.squeeze(y_preds))
