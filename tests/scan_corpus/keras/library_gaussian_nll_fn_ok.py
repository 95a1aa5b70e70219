"""The same library loss reading the labels' first column: (B,) against the mean's (B,) in either generation."""
import keras.backend as K


def gaussian_nll(y_true, y_pred):
    target = y_true[:, 0]
    mean = y_pred[:, 0]
    variance = y_pred[:, 1] + K.epsilon()
    return 0.5 * K.mean(K.log(variance) + K.square(target - mean) / variance)


class Ensemble:
    def __init__(self, build_model, members=5):
        self.models = [build_model() for _ in range(members)]

    def fit(self, x, y, epochs=10):
        for model in self.models:
            model.fit(x, y, epochs=epochs)
