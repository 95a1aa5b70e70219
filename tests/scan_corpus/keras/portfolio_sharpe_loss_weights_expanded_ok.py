"""A portfolio's Sharpe-ratio loss, for its users to compile: no compile here. Its labels are each sample's
returns, (B, tickers, T), and the (B, tickers) weights are expanded to (B, tickers, 1) to meet them: the rank
the labels must have for that product to run, not the (B, 1) Keras 2 makes of (B,) labels."""
import keras.backend as K

EPSILON = 1e-6


def sharpe_ratio_loss(y_true, y_pred):
    n_tickers = K.cast(K.shape(y_true)[1], K.floatx())
    weights = K.expand_dims(y_pred, axis=-1)
    returns = K.sum(y_true * weights, axis=1)
    total = K.clip(K.sum(weights, axis=1), EPSILON, n_tickers)
    rate = returns / total
    sharpe = K.mean(rate, axis=1) / K.maximum(K.std(rate, axis=1), EPSILON)
    return K.mean(-sharpe)
