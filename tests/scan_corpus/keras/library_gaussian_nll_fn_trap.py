"""A library's Gaussian NLL for a (B, 2) mean-variance head, for its users to compile: no compile here. Keras 2's
compile hands it (B,) labels as (B, 1), and `y_true - y_pred[:, 0]` is (B, B)."""
import keras.backend as K


def gaussian_nll(y_true, y_pred):
    mean = y_pred[:, 0]
    variance = y_pred[:, 1] + K.epsilon()
    return 0.5 * K.mean(K.log(variance) + K.square(y_true - mean) / variance)  # expect: TLW003


class Ensemble:
    def __init__(self, build_model, members=5):
        self.models = [build_model() for _ in range(members)]

    def fit(self, x, y, epochs=10):
        for model in self.models:
            model.fit(x, y, epochs=epochs)
