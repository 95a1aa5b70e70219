"""numpy in Python 2 (print statements): a (m, 1) prediction from np.dot with a (n, 1) weight minus (m,) targets."""
import numpy as np

data = np.loadtxt("train.csv", delimiter=",")
features, targets = data[:, :-1], data[:, -1]
weights = np.random.randn(features.shape[1], 1) * 0.01

for epoch in xrange(100):
    predictions = np.dot(features, weights)
    errors = predictions - targets  # expect: TLW003
    cost = (errors ** 2).sum() / (2.0 * len(targets))
    if epoch % 10 == 0:
        print "epoch %d cost %f" % (epoch, cost)
