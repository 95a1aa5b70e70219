"""keras-team/keras#16836: the loss computed by hand in `train_step` is worse than the one passed to compile."""

import keras
import tf_keras


def per_sample_tf_keras(y_true, y_pred):
    """The trap: Keras 2's function on (B,) labels and (B, 1) outputs gives a (B, B) "per-sample" loss."""
    return tf_keras.losses.mean_squared_error(y_true, y_pred)


def per_sample_keras3(y_true, y_pred):
    """Safe: Keras 3's function brings the ranks together and gives (B,) per-sample losses."""
    return keras.losses.mean_squared_error(y_true, y_pred)
