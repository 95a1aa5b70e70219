"""What each Keras generation really does with the shapes and dtypes it is given, pinned down."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import tensorflow as tf
from conftest import only_under

from common.style import Case
from keras_impl import STYLE
from keras_impl import experiment as keras_impl

B = 8
Y_TRUE = np.linspace(0.0, 1.0, B)  # labels (B,)
Y_PRED = np.linspace(0.3, 0.6, B)[:, None]  # outputs (B, 1)
ROWWISE = np.mean((Y_PRED[:, 0] - Y_TRUE) ** 2)
BROADCAST = np.mean((Y_PRED - Y_TRUE) ** 2)  # the (B, B) matrix

GENERATIONS = [pytest.param(g, id=g, marks=only_under(g)) for g in STYLE.generations]


@pytest.mark.parametrize("generation", GENERATIONS)
def test_called_directly_the_buggy_loss_broadcasts_in_both_generations(generation):
    """The `Loss` subclass itself repairs nothing; what differs between generations is `compile`."""
    loss = keras_impl.buggy_loss(keras_impl.keras_module(generation), "float64")
    assert float(loss(Y_TRUE, Y_PRED)) == pytest.approx(BROADCAST, rel=1e-12)
    assert ROWWISE != pytest.approx(BROADCAST)


@pytest.mark.parametrize("generation, inputs, expected", [
    pytest.param("keras3", "tensors", ROWWISE, id="keras3-tensors", marks=only_under("keras3")),
    pytest.param("keras3", "numpy", ROWWISE, id="keras3-numpy", marks=only_under("keras3")),
    pytest.param("tf_keras", "tensors", ROWWISE, id="tf_keras-tensors", marks=only_under("tf_keras")),
    # Keras 2's wrapper brings the ranks together only when both arguments are already tensors.
    pytest.param("tf_keras", "numpy", BROADCAST, id="tf_keras-numpy-broadcasts", marks=only_under("tf_keras")),
])
def test_called_directly_the_built_in_loss_repairs_the_ranks_except_keras_2_on_numpy(generation, inputs, expected):
    loss = keras_impl.fixed_loss(keras_impl.keras_module(generation), "float64")
    convert = tf.constant if inputs == "tensors" else np.asarray
    assert float(loss(convert(Y_TRUE), convert(Y_PRED))) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("generation, rounded", [
    pytest.param("keras3", False, id="keras3", marks=only_under("keras3")),
    pytest.param("tf_keras", True, id="tf_keras", marks=only_under("tf_keras")),
])
def test_float64_numpy_inputs_reach_a_float64_model_rounded_to_float32_only_under_keras_2(generation, rounded):
    keras = keras_impl.keras_module(generation)
    model = keras_impl.linear_model(keras, "float64", 1)
    model.layers[-1].set_weights([np.ones((1, 1)), np.zeros(1)])
    x = np.array([[1 + 1e-12]])  # 1 in float32
    out = float(np.asarray(model.predict_on_batch(x))[0, 0])
    assert out == (1.0 if rounded else 1 + 1e-12)
    assert Case(STYLE, generation).float32_inside == rounded


def test_a_float64_run_leaves_both_generations_floatx_as_it_was():
    """The dtype is the layers' and the loss's own: no global `set_floatx` is left behind for the next run."""
    from conftest import AGREE, GENERATIONS, trained

    before = {g: keras_impl.keras_module(g).backend.floatx() for g in GENERATIONS}
    for generation in GENERATIONS:
        run = trained(Case(STYLE, generation), "fixed", dataclasses.replace(AGREE, dtype="float64"))
        assert run.config.dtype == "float64"
    assert {g: keras_impl.keras_module(g).backend.floatx() for g in GENERATIONS} == before == {
        g: "float32" for g in GENERATIONS}


@pytest.mark.parametrize("generation", GENERATIONS)
def test_train_on_batch_reports_a_float64_models_loss_rounded_to_float32(generation):
    """The loss goes through a `Mean` metric kept in floatx: why a float64 Keras log agrees to float32 only."""
    keras = keras_impl.keras_module(generation)
    model = keras_impl.linear_model(keras, "float64", 1)
    model.compile(loss=keras_impl.fixed_loss(keras, "float64"), optimizer=keras.optimizers.SGD(learning_rate=0.0))
    x, y = np.array([[1.0], [2.0], [3.0]]), np.array([1 / 3, 1 / 7, 1 / 11])  # predictions are 0
    exact = float(np.mean(y**2))
    reported = float(model.train_on_batch(x, y))  # a Python float in Keras 3.15, a 0-d float32 array in 3.12
    assert reported == float(np.float32(exact)) and reported != exact
    assert STYLE.log_dtype == "float32" and Case(STYLE, generation).log_in_float32
