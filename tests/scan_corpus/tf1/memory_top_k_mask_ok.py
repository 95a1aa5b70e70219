"""TF1 key-value memory for one-shot learning whose triplet loss takes the best matching and best other memory
by `tf.nn.top_k(..., k=1)`, (B, 1) each, and zeroes the matching one where no memory holds the label: the mask,
a sum over the hints, is expanded to (B, 1) first, so each query keeps its own. The memory class is picked by a
flag, `cls = HashedMemory if use_lsh else Memory`."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


class Memory:
    def __init__(self, key_dim, memory_size, choose_k=256, alpha=0.1):
        self.choose_k, self.alpha = choose_k, alpha
        self.mem_keys = tf.get_variable("keys", [memory_size, key_dim], trainable=False)
        self.mem_vals = tf.get_variable("vals", [memory_size], tf.int32, trainable=False)
        self.query_proj = tf.get_variable("proj", [key_dim, key_dim])
        self.recent_idx = tf.get_variable("recent", [10], tf.int32, trainable=False)

    def hint_pool(self, normalized_query):
        similarities = tf.matmul(normalized_query, self.mem_keys, transpose_b=True)
        _, idxs = tf.nn.top_k(tf.stop_gradient(similarities), k=self.choose_k)
        return idxs

    def query(self, query_vec, intended_output):
        normalized = tf.nn.l2_normalize(tf.matmul(query_vec, self.query_proj), axis=1)
        idxs = self.hint_pool(normalized)
        recent = tf.gather(self.recent_idx, intended_output)  # one memory of the label, at least
        idxs = tf.concat(axis=1, values=[idxs, tf.expand_dims(recent, 1)])
        keys = tf.stop_gradient(tf.gather(self.mem_keys, idxs))
        sims = tf.squeeze(tf.matmul(tf.expand_dims(normalized, 1), keys, adjoint_b=True), [1])
        vals = tf.gather(self.mem_vals, idxs)
        hints = 1.0 - tf.minimum(1.0, tf.to_float(tf.abs(tf.expand_dims(intended_output, 1) - vals)))
        teacher_vals, _ = tf.nn.top_k(sims * hints, k=1)
        neg_teacher_vals, _ = tf.nn.top_k(sims * (1 - hints), k=1)
        teacher_vals *= 1 - tf.to_float(tf.equal(0.0, tf.reduce_sum(hints, 1, keepdims=True)))
        loss = tf.nn.relu(neg_teacher_vals - teacher_vals + self.alpha) - self.alpha
        return tf.gather(self.mem_vals, idxs[:, 0]), tf.reduce_mean(loss)


class HashedMemory(Memory):
    def hint_pool(self, normalized_query):
        buckets = tf.to_int32(tf.matmul(normalized_query, tf.ones([normalized_query.shape[1], 8])) > 0)
        return tf.tile(buckets, [1, self.choose_k // 8])


class Model:
    def __init__(self, input_dim, rep_dim, memory_size, use_lsh=False):
        self.x = tf.placeholder(tf.float32, [None, input_dim])
        self.y = tf.placeholder(tf.int32, [None])
        w = tf.get_variable("w", [input_dim, rep_dim])
        embeddings = tf.matmul(self.x, w)
        cls = HashedMemory if use_lsh else Memory
        self.memory = cls(rep_dim, memory_size)
        self.y_pred, self.loss = self.memory.query(embeddings, self.y)
        self.train_op = tf.train.AdamOptimizer(1e-4).minimize(self.loss)


model = Model(784, 128, 8192)
with tf.Session() as session:
    session.run(tf.global_variables_initializer())
    for _ in range(100):
        session.run(model.train_op, {model.x: np.random.rand(16, 784), model.y: np.random.randint(10, size=16)})
