"""numpy gradient descent: theta of shape (n, 1), labels X[:, 0] of shape (m,): the residual X @ theta - y is m x m."""
import numpy as np

rng = np.random.RandomState(0)
X = rng.rand(200, 4)
y = X[:, 0]
theta = np.zeros((4, 1))
lr = 0.1

for it in range(500):
    residual = X @ theta - y  # expect: TLW003
    mse = np.mean(residual ** 2)
    theta -= lr * X.T @ residual.mean(axis=1, keepdims=True) * 2 / len(X)
print(theta.ravel(), mse)
