"""A run-time watch for the broadcast trap: warn where labels (B,) meet predictions (B, 1) and the B x B result
becomes a loss.

    from tf_loss_wiring.watch import watching

    with watching():              # strict=True: raise BroadcastWarning instead of warning
        train()                   # TF1 graphs, TF2 eager and tf.function, Keras 3 (TF, JAX, PyTorch), tf_keras

`tf-loss-wiring run SCRIPT` runs a script under it; `broadcast_watch` (tf_loss_wiring.testing) is the pytest
fixture. The signal: a binary elementwise op (subtract, add, multiply, divide, squared difference, ...) whose
operands are (n,) and (n, 1), in either order, with one n > 1 (or n unknown in a graph), so that the result is
(n, n); the result is followed through elementwise ops (square, abs, pow, cast, ...) and the warning comes when
it is reduced (mean, sum) — TensorFlow's Mean/Sum, jnp.mean/sum, torch.mean/sum, which is also how Keras
reduces a loss its `call` returned unreduced. It points at the user's line where the two operands met: the
innermost frame outside TensorFlow, Keras, tf_keras, JAX, PyTorch, the standard library and this package
(autograph's generated code mapped back to the source, as TensorFlow's own tracebacks are).

How each framework is watched, all at the Python level and all undone when the block ends:

- TensorFlow: one op callback (`op_callbacks.add_op_callback`, the hook tfdbg and check_numerics use): it sees
  every eager op and every op added to a graph (TF1 graphs, tf.function, Keras's train functions), and never
  changes an op or an output. Inside a tf.function it runs only while tracing.
- TF1 graphs whose shapes only the data decides (`placeholder(shape=(None))`: unknown rank): the op is noted
  when the graph is built; `Session.run` is wrapped, and the first run that computes the op also fetches its
  two operands (tensors the run computes anyway: no op is added to the graph), so the check sees the real
  shapes at the first step. After that one check per op, `Session.run` is the original call again.
- JAX (Keras 3 on JAX): jax.numpy's arithmetic, square/abs/power and mean/sum, which array operators and Keras's
  JAX backend call; inside jit that is trace time only.
- PyTorch (Keras 3 on PyTorch): torch.Tensor's arithmetic operators and methods, and torch's functions of the
  same names.

Frameworks are watched from the moment they are imported, inside the block or before it, so `KERAS_BACKEND`
and Keras's backend choice are left to the code being watched.

Not covered: ops run in threads other than the one that entered the block (TensorFlow's op callbacks are
per-thread); `Session.make_callable` and `partial_run`; a tensor of unknown rank inside a tf.function (its
shape is never known in Python); TF1 ops inside v1 control flow (while_loop, cond); numpy itself; and an
intended (n, 1) against (n,) that is then reduced (`x[:, None] - x` summed: write it (n, 1) - (1, n)).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.abc
import importlib.util
import os
import sys
import sysconfig
import threading
import warnings
from collections.abc import Callable, Iterator

FIX = ("make the shapes agree before they meet: squeeze the (n, 1) side to (n,) (tf.squeeze(p, axis=1), "
       "keras.ops.squeeze(p, -1)) or give the labels shape (n, 1)")

DEFINITE, UNKNOWN = "definite", "unknown"  # the operands pair up as (n,) and (n, 1) / a rank is not known yet

# TensorFlow op types: where (n,) and (n, 1) can meet, what carries their (n, n) result on, what reduces it.
TF_BINARY = frozenset({"Sub", "AddV2", "Add", "Mul", "SquaredDifference", "RealDiv", "Div", "DivNoNan",
                       "MulNoNan", "Maximum", "Minimum", "Pow", "Xdivy", "Xlogy"})
TF_CARRY = TF_BINARY | frozenset({"Square", "Abs", "Neg", "Sqrt", "Rsqrt", "Exp", "Log", "Log1p", "Cast",
                                  "Identity", "Relu", "Softplus", "Sigmoid", "Tanh", "Sign", "Reciprocal",
                                  "Select", "SelectV2"})
TF_REDUCE = frozenset({"Mean", "Sum", "EuclideanNorm"})

# The same for jax.numpy and torch: function and method names.
ARRAY_BINARY = ("subtract", "add", "multiply", "divide", "true_divide", "power")
ARRAY_UNARY = ("square", "abs", "absolute")
ARRAY_REDUCE = ("mean", "sum")
TORCH_BINARY = ("sub", "subtract", "add", "mul", "multiply", "div", "divide", "true_divide", "pow")
TORCH_OPERATORS = ("__sub__", "__rsub__", "__add__", "__radd__", "__mul__", "__rmul__", "__truediv__",
                   "__rtruediv__", "__pow__")

# A gradient computation meets the same shapes again (d/dp of (p - y)**2): not the user's line, not a new loss.
GRADIENT_FILES = ("backprop.py", "imperative_grad.py", "gradients_util.py")
TAINTED_KEPT = 512  # results followed at once (strong references: B x B tensors, the oldest dropped first)


class BroadcastWarning(UserWarning):
    """Labels and predictions of shapes (n,) and (n, 1) met elementwise and their (n, n) result became a loss."""


@dataclasses.dataclass
class Sighting:
    """One source line where the trap was seen: the shapes the first time, and how often."""

    filename: str
    lineno: int
    shapes: tuple
    count: int = 0


@dataclasses.dataclass(eq=False)
class Origin:
    """One meeting of (n,) with (n, 1): where, the shapes, and (TF1, rank unknown) the operands to fetch."""

    kind: str
    where: tuple[str, int]
    shapes: tuple
    operands: tuple = ()
    reported: bool = False


class Watch:
    """What one `watching()` block saw; `summary()` is its one line."""

    def __init__(self, strict: bool = False):
        self.strict = strict
        self.seen: dict[tuple[str, int], Sighting] = {}

    @property
    def count(self) -> int:
        return sum(s.count for s in self.seen.values())

    def summary(self) -> str:
        if not self.seen:
            return "tf-loss-wiring watch: no broadcast of labels against predictions into a loss seen"
        lines = ", ".join(f"{_short(s.filename)}:{s.lineno} ({s.count}x)" for s in self.seen.values())
        noun = "loss" if self.count == 1 else "losses"
        return f"tf-loss-wiring watch: {self.count} broadcast {noun} seen at {len(self.seen)} line(s): {lines}"

    def report(self, origin: Origin) -> None:
        """Count it; the first time at its line, warn (or, strict, raise) pointing at that line."""
        if origin.reported:
            return
        origin.reported = True
        sighting = self.seen.get(origin.where)
        first = sighting is None
        if first:
            sighting = self.seen[origin.where] = Sighting(*origin.where, origin.shapes)
        sighting.count += 1
        if not first:
            return
        message = message_for(*origin.shapes)
        if self.strict:
            raise BroadcastWarning(f"{origin.where[0]}:{origin.where[1]}: {message}")
        warnings.warn_explicit(message, BroadcastWarning, *origin.where)


def _short(filename: str) -> str:
    """The path relative to the working folder when it lies inside it, else as it is."""
    relative = os.path.relpath(filename)
    return filename if relative.startswith("..") else relative


def message_for(a: tuple | None, b: tuple | None, result: tuple | None) -> str:
    return (f"shapes {show(a)} and {show(b)} broadcast to {show(result)} and are reduced into a loss: every "
            f"prediction meets every label, so training regresses onto the batch mean. Fix: {FIX}")


def show(shape: tuple | None) -> str:
    if shape is None:
        return "<unknown rank>"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def meeting(a: tuple | None, b: tuple | None) -> str | None:
    """DEFINITE for (n,) with (n, 1) (either order, n > 1 or unknown), UNKNOWN when a rank is unknown and they
    could be that, else None: (n, 1) with (1,), (n, 1) with (1, n) and (B, k) with (k,) are not it."""
    if a is None or b is None:
        other = a if b is None else b
        could = other is None or len(other) == 1 or (len(other) == 2 and other[1] in (1, None))
        return UNKNOWN if could else None
    if len(a) + len(b) != 3 or not a or not b:
        return None
    vector, column = (a, b) if len(a) == 1 else (b, a)
    if column[1] != 1:
        return None
    n, m = vector[0], column[0]
    if n is not None and m is not None:
        return DEFINITE if n == m and n > 1 else None
    return None if 1 in (n, m) else DEFINITE


def result_shape(a: tuple | None, b: tuple | None) -> tuple | None:
    if a is None or b is None:
        return None
    vector, column = (a, b) if len(a) == 1 else (b, a)
    return (column[0], vector[0])


# --- where the user's line is -------------------------------------------------------------------------------
def _library_roots() -> tuple[str, ...]:
    roots = [os.path.dirname(os.path.abspath(__file__)) + os.sep, sysconfig.get_paths()["stdlib"] + os.sep]
    for name in ("tensorflow", "keras", "tf_keras", "jax", "jaxlib", "torch", "optree", "absl", "numpy"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        for location in (spec.submodule_search_locations or []) if spec else []:
            roots.append(os.path.abspath(location) + os.sep)
    return tuple(roots)


_ROOTS: tuple[str, ...] = ()


def _is_user_file(filename: str) -> bool:
    return not (filename.startswith("<") or "__autograph_generated_file" in filename
                or os.path.abspath(filename).startswith(_ROOTS))


def user_line(frames) -> tuple[str, int] | None:
    """The innermost (filename, lineno) outside the libraries, from (filename, lineno) pairs innermost first;
    None when a gradient computation is on the way (not a loss of the user's)."""
    found = None
    for filename, lineno in frames:
        if filename.endswith(GRADIENT_FILES):
            return None
        if found is None and _is_user_file(filename):
            found = (filename, lineno)
    return found


def _python_frames():
    frame = sys._getframe(1)  # this package's own frames are skipped as library ones
    while frame is not None:
        yield frame.f_code.co_filename, frame.f_lineno
        frame = frame.f_back


# --- the shared state while any watch is on --------------------------------------------------------------------
class _State:
    """Patches, the results being followed, the TF1 checks due at Session.run; one for the outermost block."""

    def __init__(self):
        self.stack: list[Watch] = []
        self.patches: list[tuple[object, str, bool, object]] = []
        self.undo: list[Callable[[], None]] = []
        self.tainted: dict[int, tuple[object, Origin]] = {}
        self.pending = {}  # tf.Graph -> {op name: Origin}, set up with TensorFlow
        self.pending_added = 0  # checks ever made pending: with their number, tells whether the pending changed
        self.finder: _AfterImport | None = None
        self.thread = threading.get_ident()

    @property
    def watch(self) -> Watch:
        return self.stack[-1]

    def patch(self, owner, name: str, make: Callable) -> None:
        had = name in vars(owner)
        saved = vars(owner)[name] if had else None  # the attribute itself (a staticmethod stays one)
        setattr(owner, name, make(getattr(owner, name)))
        self.patches.append((owner, name, had, saved))

    def restore(self) -> None:
        for undo in reversed(self.undo):
            undo()
        for owner, name, had, original in reversed(self.patches):
            if had:
                setattr(owner, name, original)
            else:
                delattr(owner, name)
        self.patches.clear()
        self.undo.clear()
        self.tainted.clear()

    # following results
    def origin_of(self, x) -> Origin | None:
        held = self.tainted.get(id(x))
        return held[1] if held is not None and held[0] is x else None

    def taint(self, x, origin: Origin) -> None:
        if len(self.tainted) >= TAINTED_KEPT:
            del self.tainted[next(iter(self.tainted))]
        self.tainted[id(x)] = (x, origin)

    def met(self, a_shape, b_shape, out, frames, operands=()) -> bool:
        """Follow `out` when (n,) met (n, 1) at a user's line; True when it did."""
        kind = meeting(a_shape, b_shape)
        if kind is None:
            return False
        where = user_line(frames())
        if where is None:
            return False
        shapes = (a_shape, b_shape, result_shape(a_shape, b_shape))
        self.taint(out, Origin(kind, where, shapes, operands if kind == UNKNOWN else ()))
        return True

    def carry(self, inputs, out) -> None:
        for x in inputs:
            origin = self.origin_of(x)
            if origin is not None:
                self.taint(out, origin)
                return

    def reduced(self, x, graph=None) -> None:
        origin = self.origin_of(x)
        if origin is None or origin.reported:
            return
        if origin.kind == DEFINITE:
            self.watch.report(origin)
        elif graph is not None and not getattr(graph, "building_function", False) and origin.operands:
            self.pending.setdefault(graph, {})[id(origin)] = origin
            self.pending_added += 1


_STATE: _State | None = None


# --- TensorFlow ---------------------------------------------------------------------------------------------
def _tf_shape(t) -> tuple | None:
    shape = t.shape
    return None if shape.rank is None else tuple(shape.as_list())


def _install_tensorflow(state: _State, tf) -> None:
    import weakref

    from tensorflow.python.client import session as tf_session
    from tensorflow.python.eager import context, execute
    from tensorflow.python.framework import op_callbacks
    from tensorflow.python.util import nest

    state.pending = weakref.WeakKeyDictionary()

    def callback(op_type, inputs, attrs, outputs, op_name=None, graph=None):
        if op_type in TF_REDUCE:
            if inputs:
                state.reduced(inputs[0], graph)
        elif op_type in TF_BINARY and len(inputs) == 2 and outputs:
            a, b = _tf_shape(inputs[0]), _tf_shape(inputs[1])
            if graph is None:
                frames = _python_frames
            else:
                frames = lambda: ((f.filename, f.lineno) for f in reversed(outputs[0].op.traceback))  # noqa: E731
            if not state.met(a, b, outputs[0], frames, tuple(inputs)):
                state.carry(inputs, outputs[0])
        elif op_type in TF_CARRY and outputs:
            state.carry(inputs, outputs[0])
        return None

    before = execute.execute
    op_callbacks.add_op_callback(callback)

    def remove():
        with contextlib.suppress(KeyError, ValueError):
            context.context().remove_op_callback(callback)
        execute.execute = before  # remove_op_callback restores it only when eager is on at that moment

    state.undo.append(remove)

    def fed_tensors(session, feed_dict):
        fed = set()
        for key in feed_dict or ():
            with contextlib.suppress(Exception):
                fed.add(session.graph.as_graph_element(key, allow_tensor=True, allow_operation=False))
        return fed

    def due(session, fetches, feed_dict, pending):
        """The pending checks whose op this run computes (so its operands can be fetched with it)."""
        try:
            stack = [session.graph.as_graph_element(f, allow_tensor=True, allow_operation=True)
                     for f in nest.flatten(fetches)]
        except Exception:  # a fetch we cannot read: leave the run alone
            return []
        stack = [getattr(e, "op", e) for e in stack]
        fed, seen = fed_tensors(session, feed_dict), set()
        while stack:
            op = stack.pop()
            if op in seen:
                continue
            seen.add(op)
            stack.extend(t.op for t in op.inputs if t not in fed)
            stack.extend(op.control_inputs)
        found = []
        for key, origin in list(pending.items()):
            ops = [t.op for t in origin.operands]
            if any(op._get_control_flow_context() is not None for op in ops):  # v1 control flow: not fetchable
                del pending[key]
            elif origin.operands[0].op in seen or origin.operands[1].op in seen:
                found.append((key, origin))
        return found

    # A run that computes none of the pending ops (the training step once its check is done, while an evaluation
    # op waits for its first run) is walked once per fetches, feeds and state of the pending checks, not at
    # every step: the walk costs tens of microseconds, a step a few hundred.
    nothing_due: dict[tuple, tuple[int, int]] = {}

    def make_run(original):
        def run(session, fetches, feed_dict=None, options=None, run_metadata=None):
            pending = state.pending.get(session.graph) if state.pending else None
            if not pending:
                return original(session, fetches, feed_dict, options, run_metadata)
            try:
                key = (session.graph, tuple(nest.flatten(fetches)), tuple(feed_dict or ()))
                hash(key)
            except TypeError:  # a fetch or feed that cannot be a key: walk every time
                key = None
            version = (state.pending_added, len(pending))
            if key is not None and nothing_due.get(key) == version:
                return original(session, fetches, feed_dict, options, run_metadata)
            checks = due(session, fetches, feed_dict, pending)
            if not checks:
                if key is not None:
                    if len(nothing_due) > 256:  # its keys hold graphs and tensors: keep it small
                        nothing_due.clear()
                    nothing_due[key] = (state.pending_added, len(pending))
                return original(session, fetches, feed_dict, options, run_metadata)
            extra = [list(origin.operands) for _, origin in checks]
            values, operands = original(session, [fetches, extra], feed_dict, options, run_metadata)
            for (key, origin), (a, b) in zip(checks, operands, strict=True):
                del pending[key]
                a_shape, b_shape = tuple(getattr(a, "shape", ())), tuple(getattr(b, "shape", ()))
                if meeting(a_shape, b_shape) == DEFINITE:  # the shapes this run had
                    origin.shapes = (a_shape, b_shape, result_shape(a_shape, b_shape))
                    state.watch.report(origin)
            return values

        return run

    state.patch(tf_session.BaseSession, "run", make_run)


# --- JAX and PyTorch ----------------------------------------------------------------------------------------
def _shape(x) -> tuple:
    shape = getattr(x, "shape", None)
    try:
        return tuple(shape) if shape is not None else ()
    except TypeError:
        return ()


def _binary(state: _State, original):
    def binary(x1, x2, *args, **kwargs):
        out = original(x1, x2, *args, **kwargs)
        if out is not NotImplemented and not state.met(_shape(x1), _shape(x2), out, _python_frames):
            state.carry((x1, x2), out)
        return out

    return binary


def _unary(state: _State, original):
    def unary(x, *args, **kwargs):
        out = original(x, *args, **kwargs)
        state.carry((x,), out)
        return out

    return unary


def _reduce(state: _State, original):
    def reduce(x, *args, **kwargs):
        state.reduced(x)
        return original(x, *args, **kwargs)

    return reduce


def _install_jax(state: _State, jax) -> None:
    from jax import numpy as jnp
    from jax._src.numpy import reductions, ufuncs

    for module in (jnp, ufuncs, reductions):
        for name in ARRAY_BINARY:
            if name in vars(module):
                state.patch(module, name, lambda f: _binary(state, f))
        for name in ARRAY_UNARY:
            if name in vars(module):
                state.patch(module, name, lambda f: _unary(state, f))
        for name in ARRAY_REDUCE:
            if name in vars(module):
                state.patch(module, name, lambda f: _reduce(state, f))


def _install_torch(state: _State, torch) -> None:
    for name in TORCH_BINARY:
        state.patch(torch, name, lambda f: _binary(state, f))
        state.patch(torch.Tensor, name, lambda f: _binary(state, f))
    for name in TORCH_OPERATORS:
        state.patch(torch.Tensor, name, lambda f: _binary(state, f))
    for name in ARRAY_UNARY[:2]:
        state.patch(torch, name, lambda f: _unary(state, f))
        state.patch(torch.Tensor, name, lambda f: _unary(state, f))
    for name in ARRAY_REDUCE:
        state.patch(torch, name, lambda f: _reduce(state, f))
        state.patch(torch.Tensor, name, lambda f: _reduce(state, f))


INSTALLERS = {"tensorflow": _install_tensorflow, "jax": _install_jax, "torch": _install_torch}


class _AfterImport(importlib.abc.MetaPathFinder):
    """Install a framework's watch right after the framework is imported inside the block."""

    def __init__(self, state: _State, names):
        self.state, self.names, self.busy = state, set(names), set()

    def find_spec(self, name, path=None, target=None):
        if name not in self.names or name in self.busy:
            return None
        self.busy.add(name)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self.busy.discard(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader, state, names = spec.loader, self.state, self.names

        class Loader(importlib.abc.Loader):
            def create_module(self, spec):
                return loader.create_module(spec)

            def exec_module(self, module):
                module.__loader__ = loader
                module.__spec__.loader = loader
                loader.exec_module(module)
                if name in names and _STATE is state:
                    names.discard(name)
                    INSTALLERS[name](state, module)

        spec.loader = Loader()
        return spec


# --- the API ----------------------------------------------------------------------------------------------
@contextlib.contextmanager
def watching(strict: bool = False, summary: bool = False) -> Iterator[Watch]:
    """Watch the block for the broadcast trap; yields the `Watch` (its `seen`, `count`, `summary()`).

    strict: raise `BroadcastWarning` at the first sighting instead of warning. summary: print `summary()` to
    stderr at the end. Everything patched is restored when the outermost block ends; an inner block reports to
    its own `Watch`.
    """
    global _STATE, _ROOTS
    outermost = _STATE is None
    if outermost:
        _ROOTS = _ROOTS or _library_roots()
        state = _State()
        _STATE = state
    else:
        state = _STATE
    watch = Watch(strict)
    state.stack.append(watch)
    try:
        if outermost:
            waiting = [name for name in INSTALLERS if name not in sys.modules]
            for name in INSTALLERS:
                if name in sys.modules:
                    INSTALLERS[name](state, sys.modules[name])
            state.finder = _AfterImport(state, waiting)
            sys.meta_path.insert(0, state.finder)
        yield watch
    finally:
        state.stack.pop()
        if outermost:
            with contextlib.suppress(ValueError):
                sys.meta_path.remove(state.finder)
            state.restore()
            _STATE = None
        if summary:
            print(watch.summary(), file=sys.stderr)
