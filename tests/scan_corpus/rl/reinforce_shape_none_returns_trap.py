"""RL in TF1, REINFORCE with a Bernoulli policy: a shape=(None) returns placeholder times a (B, 1) log-probability."""
import tensorflow as tf

obs = tf.placeholder(tf.float32, shape=(None, 4))
actions = tf.placeholder(tf.float32, shape=(None, 1))
returns = tf.placeholder(tf.float32, shape=(None))

hidden = tf.layers.dense(obs, 16, activation=tf.nn.elu)
logit = tf.layers.dense(hidden, 1)
p_left = tf.sigmoid(logit)
log_prob = actions * tf.log(p_left + 1e-8) + (1.0 - actions) * tf.log(1.0 - p_left + 1e-8)
surrogate = -tf.reduce_mean(log_prob * returns)  # expect: TLW002
train_op = tf.train.AdamOptimizer(1e-2).minimize(surrogate)
