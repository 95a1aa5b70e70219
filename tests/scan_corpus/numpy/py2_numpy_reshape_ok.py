"""numpy in Python 2 (print statements), fixed: the (m, 1) predictions are reshape(-1)'d to (m,) before the subtraction."""
import numpy as np

data = np.loadtxt("train.csv", delimiter=",")
features, targets = data[:, :-1], data[:, -1]
weights = np.random.randn(features.shape[1], 1) * 0.01

for epoch in xrange(100):
    predictions = np.dot(features, weights).reshape(-1)
    errors = predictions - targets
    cost = (errors ** 2).sum() / (2.0 * len(targets))
    if epoch % 10 == 0:
        print "epoch %d cost %f" % (epoch, cost)
