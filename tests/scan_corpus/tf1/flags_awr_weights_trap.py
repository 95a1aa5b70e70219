"""TF1 advantage-weighted regression whose temperature and weight clip are command-line flags
(`tf.app.flags.DEFINE_float`): each one number, so `exp(advantage / FLAGS.beta)` keeps the (B, 1) shape of the
`[None, 1]` returns less the Dense(1) value. The per-sample cross-entropy is (B,): the weighted policy loss
is (B, B) before the mean."""
import numpy as np
import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_float("beta", 1.0, "temperature of the advantage weights")
flags.DEFINE_float("max_weight", 20.0, "clip of the advantage weights")
flags.DEFINE_integer("batch_size", 256, "samples per update")
flags.DEFINE_string("env", "CartPole-v1", "gym environment")
FLAGS = flags.FLAGS


class AWR:
    def __init__(self, state_dim, num_actions):
        self.states = tf.placeholder(tf.float32, [None, state_dim])
        self.actions = tf.placeholder(tf.int32, [None])
        self.returns = tf.placeholder(tf.float32, [None, 1])
        hidden = tf.layers.dense(self.states, 128, tf.nn.relu)
        logits = tf.layers.dense(hidden, num_actions)
        self.value = tf.layers.dense(tf.layers.dense(self.states, 128, tf.nn.relu), 1)
        advantage = tf.stop_gradient(self.returns - self.value)
        weights = tf.minimum(tf.exp(advantage / FLAGS.beta), FLAGS.max_weight)
        neg_log_prob = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=self.actions, logits=logits)
        policy_loss = tf.reduce_mean(weights * neg_log_prob)  # expect: TLW003
        value_loss = tf.reduce_mean(tf.square(self.returns - self.value))
        self.train_op = tf.train.AdamOptimizer(5e-5).minimize(policy_loss + 0.5 * value_loss)


def main(_):
    agent = AWR(state_dim=4, num_actions=2)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(1000):
            n = FLAGS.batch_size
            sess.run(agent.train_op, {agent.states: np.random.randn(n, 4),
                                      agent.actions: np.random.randint(0, 2, n),
                                      agent.returns: np.random.randn(n, 1)})


if __name__ == "__main__":
    tf.app.run()
