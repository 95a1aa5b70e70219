"""TF1 recommender: biases looked up in (n, 1) tables, the (B, 1) prediction reshaped to (B,) beside the ratings."""
import numpy as np
import tensorflow as tf


class MatrixFactorization:
    def __init__(self, n_users, n_items, k=16, reg=1e-4):
        self.users = tf.placeholder(tf.int32, shape=[None])
        self.items = tf.placeholder(tf.int32, shape=[None])
        self.ratings = tf.placeholder(tf.float32, shape=[None])
        user_factors = tf.Variable(tf.random_normal([n_users, k], stddev=0.1))
        item_factors = tf.Variable(tf.random_normal([n_items, k], stddev=0.1))
        user_bias = tf.Variable(tf.zeros([n_users, 1]))
        item_bias = tf.Variable(tf.zeros([n_items, 1]))
        u = tf.nn.embedding_lookup(user_factors, self.users)
        i = tf.nn.embedding_lookup(item_factors, self.items)
        self.prediction = tf.add_n([tf.reduce_sum(u * i, axis=1, keep_dims=True),
                                    tf.nn.embedding_lookup(user_bias, self.users),
                                    tf.nn.embedding_lookup(item_bias, self.items)])
        error = self.ratings - tf.reshape(self.prediction, [-1])
        self.loss = tf.reduce_mean(tf.square(error)) + reg * (tf.nn.l2_loss(u) + tf.nn.l2_loss(i))
        self.train = tf.train.AdamOptimizer(1e-3).minimize(self.loss)

    def fit(self, sess, triples, epochs=10, batch_size=256):
        for _ in range(epochs):
            np.random.shuffle(triples)
            for start in range(0, len(triples), batch_size):
                batch = triples[start:start + batch_size]
                sess.run(self.train, feed_dict={self.users: batch[:, 0], self.items: batch[:, 1],
                                                self.ratings: batch[:, 2]})
