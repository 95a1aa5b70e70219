"""A clean first screen: TensorFlow's C++ start-up lines held back while it loads, everything else let through.

TensorFlow 2.21 writes its start-up log ("All log messages before absl::InitializeLog() …", "oneDNN custom
operations are on …", "Could not find cuda drivers …", and on the first device query "failed call to cuInit")
straight to file descriptor 2, before `TF_CPP_MIN_LOG_LEVEL` is read. `startup()` points descriptor 2 at a
temporary file while the block runs, asks for the devices at its end (that is when CUDA is probed), then
writes back every captured line that is not start-up noise: Python warnings and real errors still show.

`--verbose` sets `TF_CPP_MIN_LOG_LEVEL` to 0 and lets everything through unfiltered (TensorFlow 2.16-2.20
honour the level at start-up, 2.21 does not); so does a `TF_CPP_MIN_LOG_LEVEL` of the user's own below 2, or
`TF_CPP_MAX_VLOG_LEVEL` / `TF_CPP_VMODULE`. A level of 3 holds back every line of the C++ log.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator

QUIET_LEVEL = "2"  # what `common/__init__.py` sets when the user set nothing: errors only, after start-up

# A C++ log line, absl's format (TF 2.21: "I0000 00:00:1796013567.476426 2189 port.cc:153] …") or TSL's older
# one (TF 2.16-2.20: "2026-11-30 05:14:58.800234: I tensorflow/core/util/port.cc:113] …").
_NATIVE = re.compile(r"^(?:([IWE])\d{4} \d\d:\d\d:[\d.]+\s+\d+ |\d{4}-\d\d-\d\d \d\d:\d\d:[\d.]+: ([IWE]) )"
                     r"[\w./-]+:\d+\] (.*)")
_NOISE = (
    "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
    "To enable the following instructions:",  # the second line of cpu_feature_guard's INFO message
)
_CUDA = re.compile(r"cuInit|cuFFT|cuDNN|cuBLAS|CUDA", re.I)  # TF 2.18 also fails to "register" cuFFT, cuDNN, cuBLAS


SILENT_LEVEL = "3"  # the user's own "errors neither": no line of TensorFlow's C++ log at all


def user_chose_logging() -> bool:
    """Whether the user asked TensorFlow for more than errors (then nothing is filtered); a level of 3 asks for
    less, and gets less: never a line more than with nothing set."""
    level = os.environ.get("TF_CPP_MIN_LOG_LEVEL", QUIET_LEVEL)
    return level not in (QUIET_LEVEL, SILENT_LEVEL) or "TF_CPP_MAX_VLOG_LEVEL" in os.environ or \
        "TF_CPP_VMODULE" in os.environ


def is_startup_noise(line: str) -> bool:
    """An INFO or WARNING line of TensorFlow's C++ log, a CUDA error on a machine without CUDA, absl's preamble,
    or any line of that log when the user set TF_CPP_MIN_LOG_LEVEL=3."""
    if line.startswith(_NOISE):
        return True
    native = _NATIVE.match(line)
    if not native:
        return False
    severity, message = native.group(1) or native.group(2), native.group(3)
    silent = os.environ.get("TF_CPP_MIN_LOG_LEVEL") == SILENT_LEVEL
    return silent or severity in "IW" or bool(_CUDA.search(message))


def _first_calls(tf) -> None:
    """What TensorFlow logs once, at its first use: the CUDA probe, and (TF 2.18) MLIR's first graph pass."""
    tf.config.list_physical_devices()
    graph = tf.Graph()
    with graph.as_default():
        one = tf.constant(1.0)
    with tf.compat.v1.Session(graph=graph) as session:
        session.run(one)


@contextlib.contextmanager
def startup(verbose: bool = False) -> Iterator[None]:
    """Run the block (which loads TensorFlow) with its C++ start-up lines held back; see the module's doc."""
    if verbose:
        os.environ["TF_CPP_MIN_LOG_LEVEL"] = "0"  # before TensorFlow loads: TF 2.16-2.20 honour it at start-up
    if verbose or user_chose_logging():
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
            if "tensorflow" in sys.modules:
                _first_calls(sys.modules["tensorflow"])
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            kept = [line for line in captured.read().decode(errors="replace").splitlines(keepends=True)
                    if not is_startup_noise(line)]
            sys.stderr.write("".join(kept))
            sys.stderr.flush()
