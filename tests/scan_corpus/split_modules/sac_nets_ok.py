"""TF 1 Keras networks for a SAC homework (no loss here): each a Network subclass that makes its graph in build(), which Keras calls on the first call; the values end in Dense(1), (B, 1)."""
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.python.keras.engine.network import Network


class QFunction(Network):
    def __init__(self, hidden_layer_sizes, **kwargs):
        super(QFunction, self).__init__(**kwargs)
        self._hidden_layer_sizes = hidden_layer_sizes

    def build(self, input_shape):
        inputs = [layers.Input(batch_shape=input_shape[0], name="observations"),
                  layers.Input(batch_shape=input_shape[1], name="actions")]
        x = layers.Concatenate(axis=1)(inputs)
        for hidden_units in self._hidden_layer_sizes:
            x = layers.Dense(hidden_units, activation="relu")(x)
        self._init_graph_network(inputs, layers.Dense(1, activation=None)(x))
        super(QFunction, self).build(input_shape)


class ValueFunction(Network):
    def __init__(self, hidden_layer_sizes, **kwargs):
        super(ValueFunction, self).__init__(**kwargs)
        self._hidden_layer_sizes = hidden_layer_sizes

    def build(self, input_shape):
        inputs = layers.Input(batch_shape=input_shape, name="observations")
        x = inputs
        for hidden_units in self._hidden_layer_sizes:
            x = layers.Dense(hidden_units, activation="relu")(x)
        self._init_graph_network(inputs, layers.Dense(1, activation=None)(x))
        super(ValueFunction, self).build(input_shape)
