"""TF1 PPO of a course homework: the policy network's value head is a one-unit dense, (B, 1), and the value target
`rewards + gamma * v_preds_next` is made of `[None]` placeholders, with gamma handed in from an `args` object the
module does not show. Whatever gamma is, the target ends in the batch axis, (..., B): against the value it
makes (..., B, B) before the mean."""
import tensorflow as tf


class PolicyNet:
    def __init__(self, name, num_actions):
        with tf.variable_scope(name):
            self.states = tf.placeholder(tf.float32, [None, 80, 80, 1])
            net = tf.layers.conv2d(self.states, 16, 8, 4, activation=tf.nn.relu)
            net = tf.layers.flatten(tf.layers.conv2d(net, 32, 4, 2, activation=tf.nn.relu))
            self.v_preds = tf.layers.dense(net, 1)
            self.act_probs = tf.layers.dense(tf.layers.dense(net, 128, tf.nn.relu), num_actions, tf.nn.softmax)


class PPOTrain:
    def __init__(self, policy, gamma, clip_value=0.2):
        self.actions = tf.placeholder(tf.int32, [None])
        self.rewards = tf.placeholder(tf.float32, [None])
        self.v_preds_next = tf.placeholder(tf.float32, [None])
        self.gaes = tf.placeholder(tf.float32, [None])
        probs = tf.reduce_sum(policy.act_probs * tf.one_hot(self.actions, 2), axis=1)
        ratios = tf.exp(tf.log(tf.clip_by_value(probs, 1e-10, 1.0)))
        clipped = tf.clip_by_value(ratios, 1 - clip_value, 1 + clip_value)
        loss_clip = tf.reduce_mean(tf.minimum(self.gaes * ratios, self.gaes * clipped))
        loss_vf = tf.squared_difference(self.rewards + gamma * self.v_preds_next, policy.v_preds)  # expect: TLW003
        loss_vf = tf.reduce_mean(loss_vf)
        self.train_op = tf.train.AdamOptimizer(1e-4).minimize(-(loss_clip - loss_vf))


class Agent:
    def __init__(self, args):
        self.policy = PolicyNet("policy", 2)
        self.ppo = PPOTrain(self.policy, gamma=args.discount_factor)
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def train(self, states, actions, rewards, v_preds_next, gaes):
        self.sess.run(self.ppo.train_op, {self.policy.states: states, self.ppo.actions: actions,
                                          self.ppo.rewards: rewards, self.ppo.v_preds_next: v_preds_next,
                                          self.ppo.gaes: gaes})
