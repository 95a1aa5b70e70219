"""A BERT-style regressor on a TPUEstimator: float scores parsed from TFRecords by name, (B,), against a one-unit
head's (B, 1) logits (the weight (1, hidden) times the pooled output, transposed) in the model_fn's own squared
error."""
import tensorflow as tf

import encoder


def file_based_input_fn_builder(input_file, seq_length, is_training, drop_remainder):
    name_to_features = {
        "input_ids": tf.FixedLenFeature([seq_length], tf.int64),
        "input_mask": tf.FixedLenFeature([seq_length], tf.int64),
        "score": tf.FixedLenFeature([], tf.float32),
    }

    def _decode_record(record, name_to_features):
        example = tf.parse_single_example(record, name_to_features)
        for name in list(example.keys()):  # the TPU takes int32, not int64
            t = example[name]
            if t.dtype == tf.int64:
                t = tf.to_int32(t)
            example[name] = t
        return example

    def input_fn(params):
        d = tf.data.TFRecordDataset(input_file)
        if is_training:
            d = d.repeat().shuffle(buffer_size=100)
        return d.apply(tf.contrib.data.map_and_batch(lambda record: _decode_record(record, name_to_features),
                                                     batch_size=params["batch_size"],
                                                     drop_remainder=drop_remainder))

    return input_fn


def create_model(config, is_training, input_ids, input_mask, scores):
    pooled = encoder.Encoder(config, is_training, input_ids, input_mask).get_pooled_output()
    hidden_size = pooled.shape[-1].value
    output_weights = tf.get_variable("output_weights", [1, hidden_size],
                                     initializer=tf.truncated_normal_initializer(stddev=0.02))
    output_bias = tf.get_variable("output_bias", [1], initializer=tf.zeros_initializer())
    logits = tf.matmul(pooled, output_weights, transpose_b=True)
    logits = tf.nn.bias_add(logits, output_bias)
    per_example_loss = tf.square(logits - scores)  # expect: TLW003
    return tf.reduce_mean(per_example_loss), logits


def model_fn_builder(config, learning_rate):
    def model_fn(features, labels, mode, params):
        is_training = mode == tf.estimator.ModeKeys.TRAIN
        loss, logits = create_model(config, is_training, features["input_ids"], features["input_mask"],
                                    features["score"])
        train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss, global_step=tf.train.get_global_step())
        return tf.contrib.tpu.TPUEstimatorSpec(mode=mode, loss=loss, train_op=train_op)

    return model_fn


def main(_):
    estimator = tf.contrib.tpu.TPUEstimator(use_tpu=False, model_fn=model_fn_builder(encoder.Config(), 2e-5),
                                            config=tf.contrib.tpu.RunConfig(), train_batch_size=32)
    estimator.train(input_fn=file_based_input_fn_builder("train.tf_record", 128, True, True), max_steps=1000)


if __name__ == "__main__":
    tf.app.run()
