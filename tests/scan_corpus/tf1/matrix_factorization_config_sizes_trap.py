"""TF1: matrix factorisation, sizes from the configs a trainer passes in; a kept-dims dot plus (n, 1) biases is (B, 1)."""
import tensorflow as tf


class MatrixFactorization:
    def parse_config(self, configs):
        self.n_users = configs["n_users"]
        self.n_items = configs["n_items"]
        self.k = configs["embedding_size"]

    def define_model(self, configs):
        self.parse_config(configs)
        self.users = tf.placeholder(tf.int32, [None])
        self.items = tf.placeholder(tf.int32, [None])
        self.ratings = tf.placeholder(tf.float32, [None])
        user_table = tf.Variable(tf.random_uniform([self.n_users, self.k], -0.1, 0.1))
        item_table = tf.Variable(tf.random_uniform([self.n_items, self.k], -0.1, 0.1))
        user_bias = tf.Variable(tf.zeros([self.n_users, 1]))
        item_bias = tf.Variable(tf.zeros([self.n_items, 1]))
        u = tf.nn.embedding_lookup(user_table, self.users)
        v = tf.nn.embedding_lookup(item_table, self.items)
        dot = tf.reduce_sum(u * v, axis=1, keep_dims=True)
        self.pred = dot + tf.nn.embedding_lookup(user_bias, self.users) + tf.nn.embedding_lookup(item_bias, self.items)
        self.loss = tf.reduce_mean(tf.square(self.ratings - self.pred))  # expect: TLW003
        self.train_op = tf.train.AdamOptimizer(1e-3).minimize(self.loss)

