"""numpy gradient descent, fixed: theta has shape (n,), so X @ theta is (m,) like the labels."""
import numpy as np

rng = np.random.RandomState(0)
X = rng.rand(200, 4)
y = X[:, 0]
theta = np.zeros(4)
lr = 0.1

for it in range(500):
    residual = X @ theta - y
    mse = np.mean(residual ** 2)
    theta -= lr * 2 * X.T @ residual / len(X)
print(theta, mse)
