"""The homework's training script for sac_algorithm_expand_dims_ok.py: it imports the networks' module whole and runs train_sac in a Process, so nothing in the module calls it."""
from multiprocessing import Process

import gym
import tensorflow as tf

import sac_nets_ok
from sac_algorithm_expand_dims_ok import SAC


def train_sac(env_name, seed):
    env = gym.envs.make(env_name)
    tf.set_random_seed(seed)
    q_function = sac_nets_ok.QFunction(hidden_layer_sizes=(128, 128), name="q_function")
    value_function = sac_nets_ok.ValueFunction(hidden_layer_sizes=(128, 128), name="value_function")
    target_value_function = sac_nets_ok.ValueFunction(hidden_layer_sizes=(128, 128), name="target_value_function")
    algorithm = SAC()
    with tf.Session():
        algorithm.build(env=env, q_function=q_function, value_function=value_function,
                        target_value_function=target_value_function)


def main():
    for seed in (1, 11, 21):
        def run():
            train_sac("HalfCheetah-v2", seed)
        Process(target=run).start()


if __name__ == "__main__":
    main()
