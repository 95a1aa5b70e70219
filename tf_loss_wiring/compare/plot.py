"""The loss curves of `compare --plot`: one panel per case, buggy against fixed, every step of training.

Every style reports the batch loss of every step (before its update) to its monitor, so each curve is drawn
from all of them, averaged over windows of a few steps to show the trend through SGD's noise, whatever
`--log-every` is. That is one quantity for every style; the TF styles' logged loss on all rows is another,
and stays in the table and the JSON.
"""

from __future__ import annotations

import io
import math

import numpy as np

from common.record import Run

POINTS = 400  # windows per curve: enough for its shape, few enough to read through the noise
COLORS = {"buggy": "#c0392b", "fixed": "#1f5fa8"}
LINESTYLES = {"buggy": "--", "fixed": "-"}
DPI = 110


def windowed(batch_losses: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """(steps, losses): the mean batch loss over consecutive windows, at each window's middle step."""
    losses = np.asarray(batch_losses, dtype=np.float64)
    losses = losses[: np.argmax(~np.isfinite(losses))] if not np.all(np.isfinite(losses)) else losses
    if losses.size == 0:
        return np.zeros(0), np.zeros(0)
    width = max(1, math.ceil(losses.size / POINTS))
    starts = np.arange(0, losses.size, width)
    ends = np.minimum(starts + width, losses.size)
    return (starts + ends - 1) / 2, np.add.reduceat(losses, starts) / (ends - starts)


def figure(runs: list[Run], var_y: float):
    """The matplotlib Figure: a panel per case (style and Keras generation), both wirings in each."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cases = list(dict.fromkeys(run.case for run in runs))
    columns = min(len(cases), 2)
    rows = math.ceil(len(cases) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(6.2 * columns, 3.6 * rows + 0.8), sharex=True, sharey=True,
                             squeeze=False)
    for ax, case in zip(axes.flat, cases, strict=False):
        for run in (r for r in runs if r.case == case):
            steps, losses = windowed(run.batch_losses)
            what = " (masked: trains as fixed)" if run.masked else ""
            ax.plot(steps, losses, color=COLORS[run.variant], linestyle=LINESTYLES[run.variant], linewidth=1.6,
                    zorder=3 if run.variant == "buggy" else 2,  # dashes on top: a masked run shows on the fixed one
                    label=f"{run.variant}{what}: {run.verdict}")
        ax.axhline(var_y, color="0.45", linewidth=0.9, linestyle=":", label=f"Var(Y) = {var_y:.4f}")
        ax.set_title(case.label, fontsize=11)
        ax.set_yscale("log")
        ax.grid(True, which="major", color="0.9", linewidth=0.6)
        ax.legend(fontsize=8, loc="lower left", handlelength=3, framealpha=0.9)
    for ax in axes.flat[len(cases):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("step")
    for ax in axes[:, 0]:
        ax.set_ylabel("batch loss")
    config = runs[0].config
    fig.suptitle(f"Batch loss before each step's update, mean over windows of "
                 f"{max(1, math.ceil(config.steps / POINTS))} steps — {config.steps} steps, batch "
                 f"{config.batch_size}, lr {config.lr:g}\nThe buggy wiring's loss cannot fall below the "
                 f"batch's label variance (≈ Var(Y)); the fixed one's falls towards 0.", fontsize=10)
    fig.tight_layout()
    return fig


def save(path: str, runs: list[Run], var_y: float) -> None:
    import matplotlib.pyplot as plt

    fig = figure(runs, var_y)
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def png(runs: list[Run], var_y: float) -> bytes:
    """The figure as PNG bytes, for a page to embed."""
    import matplotlib.pyplot as plt

    fig = figure(runs, var_y)
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=DPI, format="png")
    plt.close(fig)
    return buffer.getvalue()
