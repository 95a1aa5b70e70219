"""tf2_eager's tf.function is traced once, whatever the chunk length or a shorter last batch."""

from __future__ import annotations

import dataclasses

import tensorflow as tf

from common import runner
from common.config import QUESTION
from common.style import Case
from tf2_eager import STYLE


def test_no_retracing_with_chunks_of_every_length_and_a_partial_last_batch(monkeypatch):
    created = []
    real_function = tf.function

    def recording_function(*args, **kwargs):
        decorator = real_function(*args, **kwargs)

        def wrap(fn):
            created.append(decorator(fn))
            return created[-1]

        return wrap

    monkeypatch.setattr(tf, "function", recording_function)
    config = dataclasses.replace(QUESTION, data_size=250, steps=12, log_every=5)  # batches of 100, 100, 50, …
    run = runner.run(Case(STYLE), config, "fixed")
    assert [entry["step"] for entry in run.log] == [0, 5, 10]
    assert len(created) == 1  # train_steps (loss_on, a few ops every log line, runs eagerly)
    assert [f.experimental_get_tracing_count() for f in created] == [1]
