"""RL in TF1: TD error of a (B,) rewards placeholder plus gamma times a (B, 1) dense value of the next state."""
import tensorflow as tf

gamma = 0.95
s = tf.placeholder(tf.float32, [None, 8], name="state")
s_next = tf.placeholder(tf.float32, [None, 8], name="next_state")
rewards = tf.placeholder(tf.float32, [None], name="rewards")


def value_net(x, reuse):
    with tf.variable_scope("value", reuse=reuse):
        h = tf.layers.dense(x, 32, tf.nn.relu, name="h")
        return tf.layers.dense(h, 1, name="v")


v = value_net(s, reuse=False)
v_next = tf.stop_gradient(value_net(s_next, reuse=True))
td_error = rewards + gamma * v_next - v  # expect: TLW003
critic_loss = tf.reduce_mean(tf.square(td_error))
train_op = tf.train.AdamOptimizer(1e-3).minimize(critic_loss)
