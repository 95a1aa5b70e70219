"""`tf-loss-wiring check FILE|FOLDER`: the broadcast trap found in source code, without importing or running it.

The trap: predictions of shape (B, 1) and labels of shape (B,) meet in an elementwise operation, broadcast to a
B x B matrix, and the matrix is reduced — training silently regresses onto the batch mean. The scan follows a
symbolic shape for each value through one module, and into the modules beside it that it imports from and theirs
(standard library only: no numpy, no TensorFlow), and reports the line where the matrix is made:

- TLW002: an operand of unknown rank (a placeholder declared `shape=(None)` or without a shape) meets a (B, 1)
  in a loss. A placeholder only ever fed rank-2 values is not reported; one fed only (B, 1) columns (a feed_dict,
  or a Keras 2 `K.function`'s list) that meets a known (B,) is.
- TLW003: a known (B,) meets a known (B, 1) elementwise, and the (B, B) result is reduced (here, or later
  through the names it is assigned to). Where the input's shape is not known, what Dense-ending models make of
  one input is still tied to it (`Anchor`): a softmax cross-entropy of the actor's logits (S[:-1]) meeting the
  critic's Dense(1) values ((*S[:-1], 1)), however they were broadcast since, is the same trap at any rank.
- TLW004: a Keras `Loss` subclass's `call` (or a function it calls) combines y_true and y_pred elementwise
  before anything brings them to one shape (Keras 3 passes them as they come).

One walk per module, flake8-bugbear style: an abstract interpreter visits each statement once in order (a
function's body again for each distinct set of argument shapes it is called with, to a bounded depth), and each
rule is a small function called from the operations it watches. Shapes are tuples of dimensions — "B" (a
batch), an int, or None (unknown) — with the line and a short phrase saying where they came from. Nothing is
guessed: what cannot be told from the source stays unknown, and no finding rests on it (a shape a function's
docstring declares for a parameter is the source's own word, used where no call shows one). A Python list grown
by `.append` (`Built`) keeps what its items are only while every change to it is seen: handed to code the scan
does not walk, its items become unknown; a list literal's shape is read only where nothing else can reach it.

Python 2 files are rewritten token by token (print statements, `except E, e`, backticks, `0777`, `123L`, `<>`,
`ur''`, `raise E, msg`, tuple parameters `def f(a, (b, c))`, `async` and `await` as names, as before Python 3.7)
with lines and columns kept, then parsed. A Jupyter notebook's code cells are read one after another as IPython
runs them (`Notebook`), its findings told by cell.
`# noqa` and `# noqa: TLW003` suppress a finding on its line, as in flake8.

Run as a script: `python -m tf_loss_wiring.check.scan --bench FOLDER` (recall and false alarms over files whose
flagged lines end in `# expect: TLWnnn`), `--labels labels.json`, or `--time FOLDER` (scan vs ast.parse).
"""

from __future__ import annotations

import ast
import bisect
import builtins
import dataclasses
import functools
import gc
import io
import json
import math
import os
import re
import statistics
import sys
import time
import tokenize
import warnings
from keyword import iskeyword
from pathlib import Path

SKIPPED_FOLDERS = {".git", ".venv", "venv", "__pycache__", ".tox", ".nox", "node_modules", "build", "dist"}
MAX_DEPTH = 6  # calls followed into the module's own functions, one inside another
MAX_WALKS = 12  # walks of one function with different argument shapes (a layer helper, for each layer of a network)
SMALL_WALKS = 24  # walks of a small one (a few statements, no loop): `weight_variable(shape)` called per layer
MAX_SIBLINGS = 8  # modules beside a file that its imports are followed into
MAX_EITHER = 4  # classes one name may hold instances of, each walked
MAX_UNROLL = 8  # items of a list literal a `for` loop's body is walked for, one by one (not in a loop so walked)
LITERAL_MAX = 1024  # items of a repeated list literal (`[0.1] * n_outputs`) kept one by one; a longer one's length
# is taken as not known (a length of the data's, perhaps)
# the largest of them followed: a project's networks.py or utils.py is a few kB; a library's core modules, imported
# by every file beside them (torch/nn/modules/module.py: 120 kB), would cost a parse for each
MAX_SIBLING_BYTES = 40_000
MAX_STAR_DEPTH = 3  # `from .x import *` followed through a package's __init__ and two more modules at most
SIBLING_LINES = 1 << 20  # a sibling's lines are shifted by a multiple of this: line 33 of the second is 2097185
SIBLING_NAMES: dict[int, str] = {}  # shift -> the sibling's file name, for the messages
SIBLING_SHIFTS: dict[str, int] = {}  # a sibling's path -> its shift

RULES = {  # code: (name, one-line summary, fix)
    "TLW002": ("unknown-rank-meets-column",
               "an operand of unknown rank (a placeholder declared shape=(None) or without a shape) meets a (B, 1) "
               "tensor in a loss: fed (B,) labels, it broadcasts to (B, B)",
               "declare the placeholder's rank: shape=(None, 1) to match (B, 1) predictions, or shape=(None,) with "
               "the predictions squeezed to (B,), e.g. tf.squeeze(predictions, axis=-1)"),
    "TLW003": ("rank-1-meets-column",
               "a (B,) tensor and a (B, 1) tensor meet elementwise and the (B, B) result is reduced: training "
               "regresses onto the batch mean",
               "bring both to one shape before they meet: squeeze the (B, 1) side, e.g. tf.squeeze(predictions, "
               "axis=-1), or reshape the (B,) labels to (B, 1)"),
    "TLW004": ("loss-call-unaligned",
               "a Keras Loss subclass's call (or a function it calls) combines y_true and y_pred elementwise before "
               "anything brings them to one shape: Keras 3 passes (B,) labels and (B, 1) outputs as they come",
               "bring them to one shape first: y_true, y_pred = same_shape(y_true, y_pred) "
               "(tf_loss_wiring.guard); under Keras 3 only, returning keras.losses.mean_squared_error(y_true, "
               "y_pred) & co. also works (they repair the ranks; tf_keras's do not)"),
}
FIXES = {code: fix for code, (_, _, fix) in RULES.items()}


@dataclasses.dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int  # 1-based, as editors and ruff count
    code: str
    message: str
    fix: str = dataclasses.field(default="", compare=False)  # the fix that fits this finding; the rule's by default
    cell: int = 0  # in a notebook: the code cell (1-based, as ruff and nbQA count) that `line` falls in
    cell_line: int = 0  # and the line within that cell; `line` counts the code cells' lines joined

    def __post_init__(self):
        if not self.fix:
            object.__setattr__(self, "fix", FIXES[self.code])

    def __str__(self) -> str:
        where = f"cell {self.cell}:{self.cell_line}" if self.cell else self.line
        return f"{self.path}:{where}:{self.col}: {self.code} {self.message}"


# --- values -----------------------------------------------------------------------------------------------
class _Sentinel:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


PYNONE = _Sentinel("None")  # Python's None written in the source (a shape's unknown dimension, shape=None)
ENV_STEP = _Sentinel("env.step(a)")  # what a gym environment's step returns: (obs, reward, done, ...)
NUM = _Sentinel("number")  # a Python number whose value is not known
TABLE_INDEXER = _Sentinel("df.iloc")  # a pandas table's .iloc / .loc
TABLE_ROW = _Sentinel("df.loc[i]")  # one row of a pandas table: an item of it is a number
SERIES_INDEXER = _Sentinel("s.iloc")  # a pandas column's .iloc / .loc: an item of it is a number
SPACE = _Sentinel("env.action_space")  # a Gym space: .n and .shape[i] are ints, .high[i] and .low[i] numbers
BOUNDS = _Sentinel("env.action_space.high")  # a Box space's bounds: an item of them is a number
MISSING = _Sentinel("missing")
FILLED = [0]  # lists held by instances that have got their first item (see Built.held), in this process
NOT_BATCH = _Sentinel("?")  # an axis of a length not shown that is not the batch: what a sum over the batch leaves
LENGTH = _Sentinel("?")  # the length of a rank-1 array the source does not show (np.array of a list grown in a loop)


class Guess(str):
    """A parameter's string default in a walk with its arguments unknown (`mode='train'`, then `self.mode = mode`
    in a class's walk of __init__): what a caller may well replace, so a comparison of it is not decided."""


class Env:
    """`gym.make("CartPole-v1")` of an environment whose observations are vectors (VECTOR_ENVS): what its reset and
    step give (`obs`), read as gym before 0.26 and gymnasium have them."""

    __slots__ = ("obs", "gymnasium", "actions")

    def __init__(self, obs, gymnasium, actions=None):
        self.obs, self.gymnasium, self.actions = obs, gymnasium, actions


class Space:
    """A known environment's Box space: its `.shape`, a tuple of ints (`env.action_space.shape[0]` of Pendulum: 1)."""

    __slots__ = ("shape",)

    def __init__(self, shape):
        self.shape = shape


# Gym's and gymnasium's documented observation spaces that are vectors, by id (before "-v"): their size where
# every version has the same one (classic control, Box2D), None where versions differ (MuJoCo)
VECTOR_ENVS = {"CartPole": 4, "MountainCar": 2, "MountainCarContinuous": 2, "Acrobot": 6, "Pendulum": 3,
               "LunarLander": 8, "LunarLanderContinuous": 8, "BipedalWalker": 24, "BipedalWalkerHardcore": 24,
               "HalfCheetah": None, "Hopper": None, "Walker2d": None, "Swimmer": None, "Ant": None,
               "Humanoid": None, "InvertedPendulum": None, "InvertedDoublePendulum": None, "Reacher": None}
# their documented continuous action spaces (Box), by id: the number of an action's components
BOX_ACTIONS = {"MountainCarContinuous": 1, "Pendulum": 1, "LunarLanderContinuous": 2, "BipedalWalker": 4,
               "BipedalWalkerHardcore": 4}


class T:
    """A tensor or array: its dimensions (None: rank not known), and what the rules need to know of it."""

    __slots__ = ("dims", "unk", "src", "pending", "raw", "ph", "pred", "tail", "le2", "ge2", "rel", "end", "cut",
                 "npy")

    def __init__(self, dims, src=None, unk=False, pending=frozenset(), raw=None, ph=None, pred=False, tail=None,
                 le2=False, ge2=False, rel=None, end=None, cut=None, npy=False):
        self.dims = dims  # tuple of "B" | int | None, or None when the rank is not known
        self.unk = unk  # declared with unknown rank (placeholder shape=None): the dims are None
        self.src = src  # (line, phrase, node): where this shape came from
        self.pending = pending  # broadcasts made on the way here, waiting for a reduction
        self.raw = raw  # "true" / "pred": a Loss.call argument as Keras passed it
        self.ph = ph  # the unknown-rank placeholder this value is (for its feeds)
        self.pred = pred  # made by a model, a layer or a matmul: predictions
        self.tail = tail  # rank unknown but at least 2, last dimension this (a Dense layer's output)
        self.le2 = le2  # rank unknown but at most 2 (np.loadtxt)
        self.ge2 = ge2  # rank unknown but at least 2 (data[:, 8:])
        self.rel = rel  # rank unknown, tied to an input's: (Anchor, k, exact, column), see Anchor
        self.end = end  # rank unknown but at least 1, last dimension this (one item of a Dense output: out[0])
        self.cut = cut  # rank unknown, one column of a name X: (X, "keep" for X[:, :1] | "drop" for X[:, 2], node)
        self.npy = npy  # a numpy array, never a tensor: made by numpy or `.numpy()`, or sliced, reduced or scaled
        # by a number from one (like() drops it: a tf.data element, a batch fit hands on, is a tensor)

    def like(self, **changes):
        new = T(self.dims, self.src, self.unk, self.pending, self.raw, self.ph, self.pred, self.tail, self.le2,
                self.ge2, self.rel, self.end)  # not npy: only numpy's own operations keep an array one
        for key, value in changes.items():
            setattr(new, key, value)
        return new

    def key(self):
        return ("T", self.dims, self.unk, self.raw, self.ph, self.pending, self.pred, self.tail, self.le2, self.ge2,
                self.rel, self.end, self.cut, self.npy)


class Anchor:
    """The unknown shape S of one value a Dense-ending model or a Dense layer is called on (a local name's value,
    until the name is assigned again). A Dense layer requires rank >= 2 and keeps the rank, so S has rank R >= 2,
    and the values made from it are tied to it: T.rel = (anchor, k, exact, column) says

    - exact: the value's shape is S[:-1] followed by k axes (the model's output: k = 1, its last axis T.tail; a
      softmax cross-entropy of that output: k = 0, S[:-1] itself);
    - not exact: the value was broadcast from one tied to S at this k; broadcasting aligns shapes from the
      right, so S's batch axis (its first) still sits at -(R - 1 + k), counted from the end;
    - column: one of those values had last axis 1 (a Dense(1) output), which broadcasts against anything.

    An exact value at k meeting a column of the same anchor at a larger k: their batch axes are at different
    places, so each sample of the one meets every sample of the other ((B, B) when S is (B, n)), or it fails."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class Mod:
    """A module or an attribute path under one: `tf`, `tf.compat.v1.layers`, `np.random`."""

    __slots__ = ("path",)

    def __init__(self, path):
        self.path = path


class Fn:
    __slots__ = ("node", "closure", "cls", "done", "home")

    def __init__(self, node, closure, cls=None, home=None):
        self.node, self.closure, self.cls, self.done = node, closure, cls, False
        self.home = home  # the Scanner of the module that defines it


class Cls:
    __slots__ = ("node", "bases", "methods", "attrs", "kind", "later")

    def __init__(self, node, bases, kind, later=()):
        self.node, self.bases, self.kind = node, bases, kind
        self.later = later  # bases a sibling imports from a module not read yet (Lazy): read when a name is not here
        self.methods: dict[str, Fn] = {}
        self.attrs: dict[str, object] = {}

    def method(self, name):
        if name in self.methods:
            return self.methods[name]
        for base in self.bases:
            found = base.method(name)
            if found is not None:
                return found
        return self.method(name) if self._read_later() else None

    def attr(self, name):
        if name in self.attrs:
            return self.attrs[name]
        for base in self.bases:
            found = base.attr(name)
            if found is not MISSING:
                return found
        return self.attr(name) if self._read_later() else MISSING

    def _read_later(self) -> bool:
        """The bases left for later, read now (once); whether any is a class of the project's own."""
        later, self.later = self.later, ()
        found = [base for base in (lazy.resolve() for lazy in later) if isinstance(base, Cls) and
                 self not in base.ancestry()]  # not a class of the same name that derives from this one
        self.bases = [*self.bases, *found]
        return bool(found)

    def ancestry(self) -> set:
        """The class and every base it has now, each once."""
        seen, todo = set(), [self]
        while todo:
            cls = todo.pop()
            if cls not in seen:
                seen.add(cls)
                todo += cls.bases
        return seen


class Inst:
    __slots__ = ("cls",)

    def __init__(self, cls):
        self.cls = cls


class Either:
    """Instances of different classes that two branches left in one name (`model = Reinforce(...)` or
    `ReinforceWithBaseline(...)`): a method call on it is walked for each, the results joined."""

    __slots__ = ("options",)

    def __init__(self, options):
        self.options = options


class Lazy:
    """A name a module beside the file imports (`from memory import PPOMemory` in agent.py, which main.py
    imports): that module is followed only when the name is used, and the name then holds what it binds."""

    __slots__ = ("scanner", "module", "level", "name", "home", "key")

    def __init__(self, scanner, module, level, name, home, key):
        self.scanner, self.module, self.level, self.name, self.home, self.key = scanner, module, level, name, home, key

    def peek(self):
        """What the name binds if that needs no module read anew: a library's name, or a module already read."""
        path = _sibling_path(self.scanner.path, self.module, self.level) if _is_file(self.scanner.path) else None
        if path is None or self.scanner.siblings.get(path) is not None:
            return self.resolve()
        return None

    def resolve(self):
        sibling = self.scanner.sibling(self.module, self.level)
        if sibling is not None:
            value = sibling.export(self.name, self)
        else:
            value = None if self.level else Mod(f"{self.module}.{self.name}")
        if self.home.get(self.key) is self:
            self.home[self.key] = value
        return value


class Beside:
    """A module beside the file imported whole (`import nn`, then `nn.QFunction(...)`): read when a name of it is
    used, each name what that module binds."""

    __slots__ = ("scanner", "module")

    def __init__(self, scanner, module):
        self.scanner, self.module = scanner, module

    def get(self, name):
        sibling = self.scanner.sibling(self.module, 1)
        if sibling is None:
            return None
        return sibling.export(name)


class Bound:
    __slots__ = ("inst", "fn")

    def __init__(self, inst, fn):
        self.inst, self.fn = inst, fn


class Layer:
    """A Keras layer object: Dense(units), a shape-keeping layer, Flatten, or an Input layer."""

    __slots__ = ("kind", "units", "inputs", "line")

    def __init__(self, kind, units=None, inputs=None, line=0):
        self.kind, self.units, self.inputs, self.line = kind, units, inputs, line


class Model:
    """A Keras model: Sequential layers, or a functional model with a known output."""

    __slots__ = ("layers", "inputs", "output", "line")

    def __init__(self, layers=None, inputs=None, output=None, line=0):
        self.layers, self.inputs, self.output, self.line = layers, inputs, output, line


class Fields:
    """`collections.namedtuple("Transition", ["s", "a", "r"])`: calling it makes a tuple of its fields, in order."""

    __slots__ = ("names",)

    def __init__(self, names):
        self.names = names


class ShapeOf:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


SAFE_LOSS = _Sentinel("built-in Keras loss object")  # its call brings the ranks together
SK_TRANSFORMER = _Sentinel("scikit-learn transformer")  # fit_transform / transform give 2-D arrays
SK_SCALER = _Sentinel("scikit-learn scaler")  # a transformer column by column: a 2-D array's own shape back


def _sig(value):
    """What of an argument can change a function's walk: shapes, models, instances; the rest is all one."""
    kind = type(value)
    if kind is T:
        return value.key()
    if kind is int:
        return value
    if kind is bool or value is PYNONE:  # `placeholder(tf.float32, None)`, `f(x, squeeze=True)`: the branches
        return repr(value)  # their walk takes are not those of a walk with the value not known
    if kind is tuple:
        return tuple(_sig(v) for v in value)
    if kind is Inst:  # attributes are kept per class: one walk serves every instance
        return id(value.cls)
    if kind is Either:
        return tuple(_option_key(option) for option in value.options)
    if kind is Record and value.mutable:  # a dict made anew at each call: what it holds
        return "dict", tuple((k, id(v) if type(v) is Record else _sig(v)) for k, v in sorted(value.attrs.items()))
    if kind in (Model, Layer, Record, Lam, Fn, Cls):
        return id(value)
    if kind is Data:
        return "Data", _sig(value.item)
    return None


def _join(a, b):
    """The value a name holds after two branches that left it as a and as b."""
    if a is b:
        return a
    if isinstance(a, T) and isinstance(b, T):
        if a.dims == b.dims and a.unk == b.unk:
            return a.like(pending=a.pending | b.pending, raw=a.raw if a.raw == b.raw else None,
                          ph=a.ph if a.ph == b.ph else None, tail=a.tail if a.tail == b.tail else None,
                          rel=a.rel if a.rel == b.rel else None, end=a.end if a.end == b.end else None,
                          npy=a.npy and b.npy)
        return None
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return tuple(_join(x, y) for x, y in zip(a, b, strict=False))
    if type(a) is Built or type(b) is Built:  # one list, grown on one branch or both
        return _both_lists(a, b)
    if type(a) is type(b) and isinstance(a, (int, str)) and a == b:
        return a
    if _number(a) and _number(b):  # reward = 0; if won: reward = 1.0
        return NUM
    if _number(a) and type(b) is T and _scalar(b) or type(a) is T and _scalar(a) and _number(b):
        return b if type(b) is T else a  # 0 if done else values[i]: a 0-d either way
    if _number(a) and _one_item(b) or _one_item(a) and _number(b):
        # R = 0. if done else critic(s[None])[-1].numpy()[0]: a scalar on one branch, a (1,) or a (1, 1) on the
        # other. Taken as the scalar: what the scalar's branch makes of it is made on that branch (a trap there is
        # a trap)
        return NUM
    if type(a) is T and b is PYNONE or a is PYNONE and type(b) is T:
        # `hidden_visual = None`, then `if brain.number_observations > 0: hidden_visual = encoder(...)`: what is
        # made of the tensor is made where it is one (arithmetic on None stops the program)
        return a if type(a) is T else b
    if type(a) in (Inst, Either) and (b is None or b is PYNONE):  # agent = A() if discrete else B(), B from a
        return a  # module not found (or None): what is made of A is made on A's branch
    if type(b) in (Inst, Either) and (a is None or a is PYNONE):
        return b
    if type(a) in (Inst, Either, Cls) and type(b) in (Inst, Either, Cls):
        # model = A() if ... else B(); cls = memory.LSHMemory if self.use_lsh else memory.Memory, then cls(...)
        options = [*(a.options if type(a) is Either else (a,)), *(b.options if type(b) is Either else (b,))]
        return Either(tuple({_option_key(o): o for o in options}.values())[:MAX_EITHER])
    if type(a) is Layer and type(b) is Layer and (a.kind, a.units, a.inputs) == (b.kind, b.units, b.inputs) and \
            a.inputs is None:  # Dense(n, activation='tanh') on one branch, Dense(n) on the other: one shape
        return a
    if type(a) is Estimator and type(b) is Estimator and a.fn is b.fn:  # a TPUEstimator or an Estimator of one
        return a  # model_fn: it calls the function alike
    return None


def _tensors(value) -> bool:
    """A Python list (a tuple here) of tensors of one known shape, which an op converts to one tensor."""
    return type(value) is tuple and bool(value) and all(type(v) is T and v.dims is not None and not v.unk and
                                                         v.dims == value[0].dims for v in value)


def _counts(names: dict) -> dict:
    """The names holding an int before a loop walked once (`t = 0` ... `while ...: t += 1`)."""
    return {k: v for k, v in names.items() if type(v) is int}


SHAPED = frozenset({"zeros", "ones", "empty", "full", "random_normal", "random_uniform", "truncated_normal",
                    "placeholder"})  # calls given a literal shape (first; a placeholder's second, after its dtype)
GROWING = frozenset({"vstack", "hstack", "concatenate", "concat", "append", "row_stack", "column_stack"})


def _grown(before, after, name, value_node):
    """`xs = np.vstack([xs, x])` in a loop walked once: the array grows along the axis its one pass lengthened, to a
    length not known (the loop runs any number of times): (1, 4) after one pass from (0, 4) is (?, 4)."""
    if not (type(before) is T and type(after) is T and before.dims is not None and after.dims is not None and
            len(before.dims) == len(after.dims) and type(value_node) is ast.Call):
        return after
    func = value_node.func
    last = func.attr if type(func) is ast.Attribute else func.id if type(func) is ast.Name else None
    if last not in GROWING or not any(type(n) is ast.Name and n.id == name for a in value_node.args
                                      for n in ast.walk(a)):
        return after
    dims = tuple(None if type(a) is int and type(b) is int and a != b else b
                 for a, b in zip(before.dims, after.dims, strict=True))
    return after.like(dims=dims, npy=after.npy) if dims != after.dims else after


def _widen(counts: dict, names: dict) -> None:
    """After a loop walked once, a counter it changed is a number of a value not known: the loop runs any number
    of times (`targets = np.zeros(t - t_start)` is not one transition long)."""
    for name, before in counts.items():
        after = names.get(name)
        if type(after) is int and after != before:
            names[name] = NUM


def _weight_pending(w) -> frozenset:
    """The broadcasts x @ w carries from its right operand: a prediction's (`x @ tf.transpose(q)`), not a weight's,
    whose two axes are its inputs and its units (a noisy layer's factorised noise, `expand_dims(eps_in, 1) *
    eps_out`, an outer product of two sizes made on purpose)."""
    return w.pending if w.pred else frozenset()


def _custom_layer(value) -> bool:
    """An instance of a Keras Layer subclass with its own call (`model.add(PolynomAdjust())`)."""
    return type(value) is Inst and value.cls.kind == "layer" and value.cls.method("call") is not None


def _option_keys(value) -> frozenset:
    return frozenset(_option_key(o) for o in (value.options if type(value) is Either else (value,)))


def _option_key(option) -> int:
    """What tells an Either's options apart: an instance's class (its attributes are the class's), or a class."""
    return id(option.cls) if type(option) is Inst else id(option)


def _made_with(cls: Cls) -> None:
    """The flags (`self.use_dones = use_dones`, a bool) that the calls making the class's instances gave it,
    each with its own arguments (none unpacked from `*args` or `**params`): a flag they disagree on is left out."""
    flags = {name: value for name, value in cls.attrs.items() if type(value) is bool and name[:1] != " "}
    made = cls.attrs.get(" made", MISSING)
    if made is MISSING:
        cls.attrs[" made"] = flags
    elif type(made) is dict:
        cls.attrs[" made"] = {name: v for name, v in made.items() if flags.get(name) is v}
    else:  # two branches left the record apart: no flag known
        cls.attrs[" made"] = {}


def _join_into(before: dict, first: dict, second: dict) -> None:
    """`before` as two branches that started from it left their copies: what both leave alike keeps its value, what
    they leave apart is joined, what one of them sets alone is set."""
    for key, a in first.items():
        b = second.get(key, MISSING)
        before[key] = a if b is MISSING or a is b else _join(a, b)
    if second is not before:
        for key, b in second.items():
            if key not in first:
                before[key] = b


def _two_or_more(value) -> bool:
    return value.tail is not None or value.dims is not None and len(value.dims) >= 2


def _weight_dims(dims):
    """A weight's shape (tf.Variable, get_variable): an axis of a length not shown (`[out_n]`) is NOT_BATCH."""
    return tuple(NOT_BATCH if d is None else d for d in dims)


def _vector_end(value):
    """A (B,) vector broadcast with anything that works ends in B: (..., B). Of a value of another shape: None."""
    dims = value.dims
    if dims is None or len(dims) != 1 or value.unk:
        return None
    return LENGTH if dims[0] is None else dims[0]  # a vector of a length not shown: as a (?,) meets a (B, 1)


def _both_tails(a, b):
    """Two values with known last axes, one of rank >= 2, broadcast to one of rank >= 2 whose last axis is theirs
    (the other's when one is 1): a (1,) bias or a scalar added to (..., 1) keeps it, and so does a (B, 1) critic
    minus a `reduce_sum(log_pi, axis=-1, keepdims=True)` of a rank not known; anything else: not known."""
    last_a = a.tail if a.tail is not None else a.dims[-1] if a.dims else 1 if a.dims == () else a.end
    last_b = b.tail if b.tail is not None else b.dims[-1] if b.dims else 1 if b.dims == () else b.end
    if last_a is None or last_b is None or not (_two_or_more(a) or _two_or_more(b)):
        return None
    return last_b if last_a == 1 else last_a if last_b in (1, last_a) else None


def _feeders(cls) -> set:
    """The names of a class's attributes that hold a Keras function (`self._updater = K.function(...)`)."""
    return {name for name, value in cls.attrs.items() if type(value) is Feeder}


def _one_item(value) -> bool:
    """A tensor of one item: (1,), or (1, 1) (a critic's value of one state, `critic(s[None, :])`)."""
    return isinstance(value, T) and bool(value.dims) and all(d == 1 for d in value.dims)


def _number(value) -> bool:
    return value is NUM or (isinstance(value, (int, float)) and not isinstance(value, bool))


# --- names through the imports ----------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _canon(path: str):
    """('tf', 'reduce_mean'), ('k2', 'losses.mean_squared_error'), ('np', 'random.rand') … or None."""
    if path.startswith("tensorflow_core."):  # TensorFlow 2.0 and 2.1's own package, imported by name
        path = "tensorflow." + path[16:]
    for prefix in ("tensorflow.compat.v1.", "tensorflow.compat.v2.", "tensorflow.python.", "tensorflow."):
        if path.startswith(prefix):
            rest = path[len(prefix):]
            if rest.startswith("keras."):
                return "k2", _keras_rest(rest[6:])
            for strip in ("math.", "nn.", "debugging.", "compat.v1."):
                if rest.startswith(strip):
                    rest = rest[len(strip):]
            return "tf", rest
    if path.startswith("tf_keras."):
        return "k2", _keras_rest(path[9:])
    if path.startswith("keras."):
        return "k", _keras_rest(path[6:])
    if path.startswith("sklearn."):
        return "sk", path[8:]
    if path.startswith("pandas."):
        return "pd", path[7:]
    if path.startswith("tensorflow_probability.distributions."):  # tfp.distributions.Normal, tfd.Normal
        return "tf", "distributions." + path[37:]
    if path.startswith("tensorflow_probability.python.distributions."):
        return "tf", "distributions." + path[44:]
    if path.startswith("tflearn."):  # tflearn.fully_connected, tflearn.layers.core.fully_connected
        return "tfl", path.rsplit(".", 1)[-1]
    if path.startswith("lifelines.datasets.load_"):  # lifelines' data sets: each a pandas DataFrame
        return "pd", "read_csv"
    if path in FRAME_SOURCES:  # a ticker's history, a data reader's prices: a DataFrame of flat column names
        return "pd", "read_csv"
    for prefix in ("numpy.", "jax.numpy.", "autograd.numpy."):
        if path.startswith(prefix):
            return "np", path[len(prefix):]
    return None


def _keras_rest(rest):
    for strip in ("src.", "api.", "_tf_keras.keras.", "backend.", "ops.numpy.", "ops.nn.", "ops.core.", "ops.",
                  "activations."):
        if rest.startswith(strip):
            rest = rest[len(strip):]
    return rest


REDUCE_CONFIRM = {"reduce_mean", "reduce_sum", "mean", "sum", "average", "nanmean", "nansum", "l2_loss",
                  "compute_weighted_loss", "gradients", "reduce_euclidean_norm"}
REDUCE_SHAPE = {"reduce_max", "reduce_min", "reduce_prod", "max", "min", "amax", "amin", "prod", "argmax",
                "argmin", "reduce_logsumexp", "logsumexp", "std", "var", "reduce_std", "reduce_variance",
                "reduce_any", "reduce_all", "count_nonzero", "median"}
UNARY = {"square", "abs", "absolute", "sqrt", "exp", "log", "log1p", "cast", "to_float", "to_double", "to_int32",
         "to_int64", "sigmoid", "tanh", "relu", "elu", "selu", "softplus", "cosh", "sinh", "cos", "sin", "negative",
         "neg", "sign", "round", "floor", "ceil", "stop_gradient", "identity", "convert_to_tensor", "asarray",
         "asanyarray", "clip_by_value", "clip", "reciprocal", "rsqrt", "logical_not", "float32", "float64", "erf",
         "expm1", "leaky_relu", "nan_to_num", "real", "exp2", "log2", "log10", "relu6", "softsign", "square_root",
         "batch_normalization", "batch_norm", "dropout", "softmax", "log_softmax", "layer_norm", "l2_normalize",
         "swish", "gelu", "hard_sigmoid", "sigmoid_cross_entropy_elementwise"}
BINARY = {"add", "subtract", "multiply", "divide", "truediv", "realdiv", "div", "squared_difference", "pow",
          "power", "maximum", "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
          "multiply_no_nan", "div_no_nan", "true_divide", "logical_and", "logical_or", "floordiv", "mod",
          "floor_divide", "subtract_"}
ALIGN_ASSERTS = {"assert_shapes", "assert_equal", "assert_rank", "assert_same_rank", "assert_rank_at_least",
                 "assert_type_is_compatible", "assert_is_compatible_with"}
ALIGNING_NAMES = {"same_shape", "strict", "squeeze_or_expand_to_same_rank", "squeeze_or_expand_dimensions",
                  "ensure_shape", "match_shapes"}
TF1_LOSSES = {"mean_squared_error", "absolute_difference", "huber_loss", "log_loss", "hinge_loss",
              "sigmoid_cross_entropy"}
KERAS_LOSS_FNS = {"mean_squared_error", "mse", "MSE", "mean_absolute_error", "mae", "MAE",
                  "mean_absolute_percentage_error", "mape", "MAPE", "mean_squared_logarithmic_error", "msle",
                  "MSLE", "huber", "log_cosh", "logcosh", "binary_crossentropy", "hinge", "squared_hinge",
                  "poisson", "binary_focal_crossentropy"}
XENT_WITH_LOGITS = {"sigmoid_cross_entropy_with_logits", "weighted_cross_entropy_with_logits",
                    "softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_v2"}
PER_SAMPLE_XENT = {"sparse_softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits",  # class axis
                   "softmax_cross_entropy_with_logits_v2", "sparse_categorical_crossentropy",  # summed away
                   "categorical_crossentropy"}
SAME_SHAPE_LAYERS = {"Dropout", "BatchNormalization", "Activation", "LayerNormalization", "ReLU", "LeakyReLU",
                     "GaussianNoise", "AlphaDropout", "GaussianDropout", "PReLU", "ELU", "Softmax"}
DATASETS = {  # keras.datasets.NAME.load_data(): (x_train, y_train), (x_test, y_test), as documented
    "boston_housing": ((404, 13), (404,), (102, 13), (102,)),
    "california_housing": ((16512, 8), (16512,), (4128, 8), (4128,)),
    "mnist": ((60000, 28, 28), (60000,), (10000, 28, 28), (10000,)),
    "fashion_mnist": ((60000, 28, 28), (60000,), (10000, 28, 28), (10000,)),
    "cifar10": ((50000, 32, 32, 3), (50000, 1), (10000, 32, 32, 3), (10000, 1)),
    "cifar100": ((50000, 32, 32, 3), (50000, 1), (10000, 32, 32, 3), (10000, 1)),
}
# A module that shows it runs Keras 3, whose keras.losses functions bring the ranks together first.
TF1_SIGNS = ("tf.placeholder(", "compat.v1", "tf.Session(")
# code written for TF 2, where tf.losses is tf.keras.losses (tf.random.set_seed: TF 1 had tf.set_random_seed)
TF2_SIGNS = ("GradientTape", "tf.function", "tf.random.set_seed")
KERAS3_SIGNS = ("keras.ops", "from keras import ops", "keras_core", "keras.src", "keras.config", "keras.random")
RECURRENT = frozenset({"SimpleRNN", "LSTM", "GRU", "CuDNNLSTM", "CuDNNGRU"})  # Keras's recurrent layers
MERGE_LAYERS = frozenset({"Multiply", "Add", "Subtract", "Average", "Maximum", "Minimum"})  # of inputs of one shape
KERAS_LAYERS = {"Dense", "Flatten", "Input", "InputLayer", "Lambda", "Concatenate", "Bidirectional", "Reshape",
                *RECURRENT, *SAME_SHAPE_LAYERS, *MERGE_LAYERS}
NUMERIC_CONSTANTS = {"pi", "e", "inf", "nan", "tau", "euler_gamma"}  # a module's: math's, numpy's, jax.numpy's
KERAS_TRAINING = {"compile", "fit", "train_on_batch", "evaluate", "test_on_batch"}
GRAPH_INITS = {"__init__", "_init_graph_network"}  # a Model subclass made of a functional graph
WELL_KNOWN = frozenset({"numpy", "tensorflow", "keras", "tf_keras", "torch", "jax", "pandas", "scipy", "sklearn",
                        "matplotlib", "gym", "gymnasium", "cv2", "tqdm", "six", "absl"})  # not looked for beside
STEP_OF = {"fit": "train_step", "train_on_batch": "train_step", "evaluate": "test_step",
           "test_on_batch": "test_step"}  # a Model subclass's own steps, handed each batch as it is
MODEL_CALLS = {"predict", "__call__", "predict_on_batch", "call", "apply"}  # methods giving a model's output
CONVENTIONAL = {"np": "numpy", "tf": "tensorflow", "K": "keras.backend", "pd": "pandas"}  # the usual aliases
NAMED_ON_ANYTHING = {"minimize", "gradient", "compute_gradients", "reshape"}  # methods judged on unknown receivers
REDUCTION_NAMES = {"minimize": "minimize", "gradient": "tape.gradient", "mean": ".mean()", "sum": ".sum()",
                   "add_loss": "add_loss"}


def show(value) -> str:
    if not isinstance(value, T):
        return "unknown shape"
    if value.unk:
        return "unknown rank"
    if value.dims is None:
        if value.rel is not None:
            return _show_tied(value)
        if value.cut is not None:
            return "(B, 1, ...)" if value.cut[1] == "keep" else "(B, ...)"
        last = value.tail if value.tail is not None else value.end
        return f"(..., {last})" if last is not None else "rank 2 or more" if value.ge2 else "unknown shape"
    inner = ", ".join("?" if d is None else str(d) for d in value.dims)
    return f"({inner},)" if len(value.dims) == 1 else f"({inner})"


def _show_tied(value) -> str:
    """A shape tied to an input's: `states.shape[:-1]`, `(*states.shape[:-1], 1)`, `broadcast from (…, 1)`."""
    anchor, k, exact, column = value.rel
    lead = f"{anchor.name}.shape[:-1]"
    if k == 0:
        text = lead
    else:
        last = value.tail if exact and value.tail is not None else 1 if column and not exact else "?"
        text = f"(*{lead}, {', '.join(['?'] * (k - 1) + [str(last)])})"
    return text if exact else f"broadcast from {text}"


def _short(node, limit=48) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # noqa: BLE001 - a phrase for a message, never worth a failure
        return "?"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


CODE_LIMIT = 72  # the longest operand a fix writes whole


def _code(node) -> str:
    """An operand as the fix writes it: whole where it is not long, so that the fix reads as code."""
    return _short(node, CODE_LIMIT)


def _two_ways(first, first_node, second, second_node) -> str:
    """A fix's two ways of bringing the sides to one shape, each written on its operand; one whose operand is too
    long to write whole is left out where the other is whole: a fix is code to paste, never cut short."""
    whole = [len(_short(n, 10 ** 6)) <= CODE_LIMIT for n in (first_node, second_node)]
    if whole[0] != whole[1]:
        return f"bring both to one shape before they meet: {first if whole[0] else second}"
    return f"bring both to one shape before they meet: {first}, or {second}"


def _phrase(src, here: int = 0) -> str:
    if src is None:
        return "where it came from is not known"
    line, words, node = src
    text = words.format(_short(node)) if node is not None and "{}" in words else words
    return f"{text}, {_where(line, here)}"


def _where(line: int, here: int = 0) -> str:
    """`line 33`, or `line 33 of networks.py` for a line of another module than the finding's (`here`: its shift):
    a sibling's lines are shifted (see Scanner.sibling), the importer's (shift 0) are not."""
    shift = line - line % SIBLING_LINES
    return f"line {line - shift}" if shift == here else \
        f"line {line - shift} of {SIBLING_NAMES.get(shift, 'another module')}"


def _column(dims):
    """(e, 1) with e possibly a batch: the predictions' side of the trap."""
    return dims is not None and len(dims) == 2 and dims[1] == 1 and dims[0] != 1


def _rows_of(known, other) -> bool:
    """A batch (B, ..., A), or (?, ..., A) of rows of a length not shown, meets a value of unknown rank whose last
    axis is that A (a one-hot of indices not traced, a Dense(A) of an input not known): what runs is (B, ..., A),
    as (A,), (1, A) or (B, A) leave it. Of a higher rank, (T, B, A), the B x B a (B,) reduction of it makes with a
    (B, 1) is one still."""
    dims = known.dims
    return dims is not None and len(dims) >= 2 and dims[0] in ("B", None) and isinstance(dims[-1], int) and \
        dims[-1] != 1 and other.tail == dims[-1] and other.rel is None and other.end is None and other.cut is None


def _shapeless(value) -> bool:
    """A tensor whose shape is not known at all: no rank, no last axis, no tie, no bound on its rank."""
    return value.dims is None and not value.unk and value.tail is None and value.end is None and value.rel is None \
        and not (value.le2 or value.ge2)


def _carried_cut(left, right):
    """The column cut that survives `cut <op> other` when other's shape is not known at all (see column_cut).
    Of a (B, k) value: a dropped column (B,) keeps B as its last axis whatever it meets, so the result still makes
    (B, B) with a kept column; a kept column (B, 1) meets a scalar or a (B, 1) and stays (B, 1), and anything else
    it meets (a (B,): a trap already; a (B, n)) could not then meet a dropped column without a shape error."""
    for cut, other in ((left, right), (right, left)):
        if cut.cut is not None and other.cut is None and _shapeless(other):
            return cut
    return None


def _offset_index(node) -> bool:
    """`1 + n`, `n - 1` written as an index: an integer, whatever n is (an array of indices plus one is written
    otherwise: `idx + 1` has no literal, and `np.arange(3) + 1` is not read as one)."""
    return type(node) is ast.BinOp and type(node.op) in (ast.Add, ast.Sub) and \
        any(type(side) is ast.Constant and type(side.value) is int for side in (node.left, node.right)) and \
        not any(type(side) is ast.Call for side in (node.left, node.right))


def _column_form(node, kind) -> str:
    """`X[:, :1]` written as the other kind of column cut (see column_cut): `X[:, 0]`; `X[:, 2]` as `X[:, 2:3]`."""
    name, index = _short(node.value, 30), node.slice.elts[1]
    if kind == "drop":
        return f"{name}[:, {_short(index.lower, 30) if index.lower is not None else 0}]"
    value = index.value if type(index) is ast.Constant else -index.operand.value if type(index) is ast.UnaryOp and \
        type(index.op) is ast.USub and type(index.operand) is ast.Constant else None  # 2, -1 (not n, nor -n)
    if isinstance(value, int):
        return f"{name}[:, -1:]" if value == -1 else f"{name}[:, {value}:{value + 1}]"
    if type(index) is ast.BinOp and type(index.op) is ast.Add:  # 1 + n: 1 + n:2 + n
        for const, rest, fmt in ((index.left, index.right, "{} + {}"), (index.right, index.left, "{1} + {0}")):
            if type(const) is ast.Constant and type(const.value) is int:
                text, more = _short(index, 30), _short(rest, 30)
                return f"{name}[:, {text}:{fmt.format(const.value + 1, more)}]"
    text = _short(index, 30)
    if type(index) is ast.UnaryOp:  # -n: -n:-n + 1 is empty where n is 1
        return f"{name}[:, {text}][:, None]"
    return f"{name}[:, {text}:{text} + 1]"


def _stacked_column(dims) -> bool:
    """(1, ..., e, 1): a column under leading axes of length 1, as numpy stacks a list of one (B, 1) array."""
    return dims is not None and len(dims) > 2 and dims[0] == 1


def _lead_ones_off(dims):
    """(1, ..., 1, e, k) as (e, k): leading axes of length 1 meet the other side as if absent."""
    while len(dims) > 2 and dims[0] == 1:
        dims = dims[1:]
    return dims


def _deep_column(dims):
    """(e, ..., 1) of rank 3 or more, e possibly a batch: a (B,) against it still meets every sample at its last
    axis ((B, 1, 1) and (B,) make (B, 1, B): states stacked as (1, n) rows, through a Dense(1))."""
    return dims is not None and len(dims) > 2 and dims[-1] == 1 and dims[0] != 1


def _size(value):
    """How many numbers an array, a number or a nested list literal of numbers holds; None if not known."""
    if isinstance(value, T):
        dims = value.dims if not value.unk else None
        return math.prod(dims) if dims is not None and all(type(d) is int for d in dims) else None
    dims = _literal_dims(value) if type(value) is tuple or _number(value) else None
    return math.prod(dims) if dims is not None else None


def _along(shapes, axis, stack=False):
    """The dimensions of arrays of these shapes stacked (a new axis of their count) or concatenated (the axis's
    lengths added) along `axis`; None if the ranks differ or the axis is not one of theirs."""
    rank = len(shapes[0])
    if any(len(d) != rank for d in shapes) or not isinstance(axis, int) or isinstance(axis, bool):
        return None
    if not -(rank + stack) <= axis < rank + stack:
        return None
    axis %= rank + stack
    rest = tuple(dims[0] if all(d == dims[0] for d in dims) else None for dims in zip(*shapes, strict=True))
    if any(len({d for d in dims if type(d) is int}) > 1 for i, dims in enumerate(zip(*shapes, strict=True))
           if stack or i != axis):  # two lengths on an axis they share: the framework refuses them
        return None
    if stack:
        return (*rest[:axis], len(shapes), *rest[axis:])
    if rank == 0:
        return None
    lengths = [d[axis] for d in shapes]
    total = sum(lengths) if all(type(n) is int for n in lengths) else None
    return (*rest[:axis], total, *rest[axis + 1:])


def _graph_init(func) -> bool:
    """`super().__init__` / `super(C, self).__init__`, or `self._init_graph_network`."""
    return type(func.value) is ast.Call and getattr(func.value.func, "id", "") == "super" or \
        func.attr == "_init_graph_network" and getattr(func.value, "id", "") == "self"


def _super_method(func, fr, scanner):
    """`super().name` or `super(C, self).name` in a method: the base's method of that name, found as Python's
    method order finds it among the project's classes, and the instance it is called on; None when no base of
    the project's own has it."""
    call = func.value
    if type(call) is not ast.Call or getattr(call.func, "id", "") != "super" or call.keywords or \
            len(call.args) not in (0, 2) or type(fr.fn) is not Fn or fr.fn.cls is None or not fr.fn.node.args.args:
        return None
    cls, inst = fr.fn.cls, fr.locals.get(fr.fn.node.args.args[0].arg)
    if call.args:
        cls, inst = scanner.ev(call.args[0], fr), scanner.ev(call.args[1], fr)
    if type(cls) is not Cls or type(inst) is not Inst:
        return None
    if cls.later:
        cls._read_later()
    for base in cls.bases:
        method = base.method(func.attr)
        if method is not None:
            return method, inst
    return None


def _enumerated(call, fr) -> bool:
    """`enumerate(xs)`, the builtin, of one argument."""
    return type(call) is ast.Call and type(call.func) is ast.Name and call.func.id == "enumerate" and \
        len(call.args) == 1 and not call.keywords and fr.locals.get("enumerate", MISSING) is MISSING


def _bind(inst, method):
    """`inst.method`: the method bound to the instance; a @staticmethod as it is (`self.create_model(n, k)`)."""
    if method is None:
        return None
    if any(getattr(d, "id", None) == "staticmethod" for d in method.node.decorator_list):
        return method
    return Bound(inst, method)


def _compatible(d, e):
    """Can a rank-1 dimension d and a column's first dimension e be the same batch (and more than 1)?"""
    if d == 1 or e == 1 or d is NOT_BATCH or e is NOT_BATCH:
        return False
    return not (isinstance(d, int) and isinstance(e, int) and d != e)


def _broadcast_dims(a, b):
    if len(a) < len(b):
        a, b = b, a
    b = (1,) * (len(a) - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b, strict=False):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        elif x is None or y is None:
            out.append(x if y is None else y)
        else:
            out.append("B" if "B" in (x, y) else x)
    return tuple(out)


@dataclasses.dataclass(eq=False)  # hashed by identity: a value's `pending` holds the candidates themselves
class Candidate:
    code: str
    node: ast.AST
    left: tuple  # (expression node, value)
    right: tuple
    op: str
    placeholders: tuple = ()
    reduced: str | None = None
    reduced_by: ast.AST | None = None
    fed: bool = False  # TLW002 the other way round: a (B,) against the placeholder, a finding if it is fed columns
    numpy: bool = False  # made of numpy arrays fed to a graph that reduces them (see reduce_fed)
    scatter: bool = False  # written into targets by index arrays that broadcast to (B, B) (see scattered)


# --- the walk ---------------------------------------------------------------------------------------------
class Frame:
    __slots__ = ("locals", "closure", "cls", "returns", "fn", "defaults", "stopped")

    def __init__(self, local, closure, cls=None, fn=None):
        self.locals, self.closure, self.cls, self.fn, self.returns = local, closure, cls, fn, []
        self.defaults: dict[str, object] = {}  # parameters a call gives None, True or False (or leaves at them)
        self.stopped = False  # a return reached: the statements after it in its block (and its if's) are not run


class Scanner:
    """One module's abstract run: statements in order, shapes through them, each rule where its operation is."""

    def __init__(self, path: str, tree: ast.Module, source: str = "", siblings: bool | dict = True, offset: int = 0):
        self.path, self.tree, self.source = path, tree, source
        # modules next to this one that it imports from, and those they import from, each walked by a Scanner of
        # its own, all in one table (MAX_SIBLINGS in all); their lines are shifted by `offset` so that a line
        # names its module (see _where)
        self.siblings: dict[str, Scanner | None] | None = siblings if type(siblings) is dict else \
            {} if siblings else None
        self.offset, self.baseline = offset, (0, 0)
        self.either: dict[int, Inst] = {}  # a call on an Either: the instance this pass of it is on
        self.lambdas = 0  # lambdas being walked, one inside another
        self.globals: dict[str, object] = {}
        self.candidates: list[Candidate] = []
        self.direct: list[Finding] = []  # findings that need no reduction (TLW004)
        self.direct_cls: dict[int, Cls] = {}  # a TLW004 finding -> its Loss subclass
        # a Loss subclass's instances: the models compiled with one (None: a model the scan does not know), the
        # labels each model is fitted on, and the labels each class's instances are called on directly
        self.compiled: dict[int, list] = {}
        self.fitted: dict[int, list] = {}
        self.compiled_fns: dict[int, list] = {}  # a model -> the (loss function, compile call) it was given
        self.loss_called: dict[int, list] = {}
        self.functions: list[Fn] = []
        self.classes: list[Cls] = []
        self.reducing: set | None = None  # names of methods that may find something, once the classes are known
        self.feeds: dict[tuple, list] = {}
        self.sized_feeds: dict[int, list] = {}  # what a placeholder of known rank is fed, by its shape's node
        # an unknown-rank placeholder -> the reduction (name, node) the graph makes of it: a B x B made in numpy and
        # fed to it is reduced there (`adv = returns - values` fed to a shapeless `advantages`, summed in the loss)
        self.reduced_ph: dict[tuple, tuple] = {}
        self.placeholder_names: dict[tuple, set] = {}
        self.named: dict[str, object] = {}  # the last value assigned to each name anywhere
        self.memo: dict[tuple, object] = {}
        self.wrote: dict[tuple, dict] = {}  # a method's walk: the attributes it set on its instance's class
        self.walks: dict[int, int] = {}
        self.small: dict[int, bool] = {}  # a function's node -> whether it is small (see _small)
        self._shape_names: dict[str, bool] = {}  # see shape_name
        self.looping = 0  # loops (not unrolled) the statement walked is in
        self.keeps: dict[int, bool] = {}  # a function's node -> whether it keeps its arguments (see _keeps_params)
        self.bounds: dict[int, tuple] = {}  # a slice's node -> its bounds as last evaluated (`-horizon:`: -1)
        self.lines: list[str] | None = None
        self.called: dict = {}  # (id(node), pattern) -> the names the function's text calls
        self.mattering: dict = {}  # (id(node), attributes) -> may_matter
        self.active: list[Fn] = []
        pinned = pinned_keras(path)
        self.keras3 = any(sign in source for sign in KERAS3_SIGNS) or pinned == 3
        self.keras2 = not self.keras3 and pinned == 2  # a project pinned to Keras 2 (tf.keras before 2.16)
        self.names_tensorflow = "tensorflow" in source or "keras" in source
        self.names_numpy = "numpy" in source  # `x.resize((n, 1))` of an x not known is numpy's in-place resize
        self.unpacking = None  # (id of the call, the target) of the assignment being made
        self.tf1 = any(sign in source for sign in TF1_SIGNS)  # tf.where is TF 1's, not TF 2's broadcasting one
        self.tf2 = not self.tf1 and any(sign in source for sign in TF2_SIGNS)  # eager TF 2 code
        self.star = False  # a `from module import *` seen: names bound by nothing here may come from it
        self.unrolling = False  # in a loop walked item by item (see s_for)
        self.swallowed = 0  # inside a try whose handlers catch everything and go on (see s_try)
        self.lazy = False  # a module beside the file: its own imports are followed when a name they bind is used
        self.stars = []  # (module, level) of each `from module import *` of a module beside, when lazy
        self.compile_names = None  # see given_to_compile
        self.five_steps = None  # see five_item_steps
        self.number_flags = None  # see number_flag
        self.declared: dict[int, dict] = {}  # a function's docstring's shapes, by its node (see _docstring_shapes)
        # names column_cut has cut, and how often each frame assigned them since: one key per binding
        self.bound: dict[str, dict[int, int]] = {}
        self.range_lengths: dict[int, int] = {}  # a range(...) call's length, by its node, where its ints are known
        self.spread: set[int] = set()  # calls whose every `*args` was a tuple of items known: randn(*x.shape)
        # a module-level function called above its `def` (a notebook's cells exported out of order)
        self.later = {node.name: node for node in tree.body
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    # the run
    def run(self) -> list[Finding]:
        self.block(self.tree.body, Frame(self.globals, ()))
        functions = classes = 0  # then what no call reached: functions with unknown arguments, classes' methods
        reaching = None  # names of functions and methods that may find something, or call one that may
        while functions < len(self.functions) or classes < len(self.classes):
            while functions < len(self.functions):
                fn = self.functions[functions]
                functions += 1
                if fn.done:
                    continue
                if not self.may_matter(fn.node):  # train_SAC(...) -> algorithm.build(...), a method that reduces
                    if not self.tensorflow_near():
                        continue
                    if reaching is None or fn.node.name not in reaching[1]:
                        reaching = self.reaching()
                    if fn.node.name not in reaching[0]:
                        continue
                self.call_fn(fn, self.keras2_loss_args(fn), {}, depth_reset=True)
            while classes < len(self.classes):
                classes += 1
                self._class_pass(self.classes[classes - 1])
        SIBLING_NAMES[0] = os.path.basename(self.path)
        found = self.findings()
        for sibling in (self.siblings or {}).values():
            if sibling is not None:
                lines = sibling.source.splitlines()
                found += [f for f in sibling.findings(*sibling.baseline) if not _suppressed(f, lines)]
        return found

    def keras2_loss_args(self, fn) -> list:
        """A function no call reached whose parameters are a Keras loss's, `(y_true, y_pred)`: given to compile
        where the scan does not see it (another module's model, a callback, a library's user), it is walked on what
        Keras 2's compile hands a loss against outputs of several columns: (B,) labels made (B, 1), and outputs of
        rank 2 (what `y_pred[:, 0]` reads). A y_true read by columns (`y_true[:, 1]`) is labels packed, walked
        on unknowns as before (see column_cut). Keras 3 passes (B,) labels as they are, so a Keras 3 module's
        walk stays on unknowns. A Loss subclass's `call(self, y_true, y_pred)` is walked so too (compile's
        container expands its labels alike), unless the module calls an instance directly, or fits every model
        compiled with one (see _class_pass)."""
        params = [p.arg for p in (*fn.node.args.posonlyargs, *fn.node.args.args)][fn.cls is not None:]
        if params[:2] != ["y_true", "y_pred"] or self.keras3 or not self.names_tensorflow:
            return []
        if re.search(r"\by_true\s*\[", self.text_of(fn.node)):  # labels packed: walked on unknowns (their cuts)
            return []
        if fn.node.name in self.given_to_compile():  # walked where compile is, on the model's outputs
            return []
        line = fn.node.lineno
        name = f"{fn.cls.node.name}.{fn.node.name}" if fn.cls is not None else fn.node.name
        labels = T(("B", 1), (line, f"y_true as Keras 2's compile hands (B,) labels to {name}: (B, 1)", None))
        return [labels, T(("B", None), (line, f"y_pred as Keras hands {name} a model's outputs", None), pred=True)]

    def number_flag(self, name: str) -> bool:
        """Whether a `DEFINE_integer` or `DEFINE_float` (absl's flags, TF 1's `tf.app.flags`) of this module or of
        one beside it that the walk has read defines the flag `name`: `FLAGS.name` is one number."""
        for scanner in (self, *(self.siblings or {}).values()):
            if scanner is not None:
                if scanner.number_flags is None:
                    scanner.number_flags = set(NUMBER_FLAG.findall(scanner.source))
                if name in scanner.number_flags:
                    return True
        return False

    def five_item_steps(self) -> bool:
        """Whether this module unpacks an environment's step into five (`s, r, terminated, truncated, info =
        env.step(a)`): gymnasium's API, which gym has from 0.26 (read once, when asked)."""
        if self.five_steps is None:
            self.five_steps = any(
                type(node) is ast.Assign and type(node.value) is ast.Call and
                type(node.value.func) is ast.Attribute and _env_step(node.value) and
                type(node.targets[0]) in (ast.Tuple, ast.List) and len(node.targets[0].elts) == 5
                for node in ast.walk(self.tree))
        return self.five_steps

    def given_to_compile(self) -> set[str]:
        """The names this module hands to a `compile(loss=..., metrics=[...])` call (read once, when asked)."""
        if self.compile_names is None:
            self.compile_names = {
                name.id for call in ast.walk(self.tree) if type(call) is ast.Call and
                getattr(call.func, "attr", None) == "compile" for kw in call.keywords
                if kw.arg in ("loss", "metrics", "weighted_metrics")
                for name in ast.walk(kw.value) if type(name) is ast.Name}
        return self.compile_names

    def _class_pass(self, cls):
        """Each method walked once with `self` an instance: __init__ and build first, for the attributes they set."""
        inst = Inst(cls)
        # a method that calls one that reduces is walked too: train() filling the memory that replay() reads, or
        # handing targets to `self.critic.train(...)`, a method that reduces in another class, here or in a module
        # beside this one, through the methods between. One that only grows a list is not: walked with its
        # arguments unknown, it would make the list's items unknown
        reducing = {name for name, fn in cls.methods.items() if self.may_matter(fn.node)}
        elsewhere = set().union(*(scanner.reducing_methods() for scanner in (self, *(self.siblings or {}).values())
                                  if scanner is not None)) if self.tensorflow_near() else set()
        while True:
            more = {name for name, fn in cls.methods.items() if name not in reducing and
                    (self.calls(fn.node, reducing) or self.calls(fn.node, elsewhere, ATTRIBUTE_CALL))}
            if not more:
                break
            reducing |= more
        for name, fn in sorted(cls.methods.items(), key=lambda item: item[0] not in ("__init__", "build", "setup")):
            decorators = {getattr(d, "id", getattr(d, "attr", "")) for d in fn.node.decorator_list}
            self_arg = [] if "staticmethod" in decorators else [inst]
            params = fn.node.args.args[1:3]
            if cls.kind == "loss" and name == "call" and len(params) == 2:
                line = fn.node.lineno
                raws = [T(None, (line, f"{p.arg} as Keras passes it", None), raw=side)
                        for p, side in zip(params, ("true", "pred"), strict=False)]
                self.call_fn(fn, [inst, *raws], {}, depth_reset=True)
                models = self.compiled.get(id(cls), [])
                seen = models and all(m is not None and self.fitted.get(id(m)) for m in models)  # each fit walked it
                keras2 = [] if self.loss_called.get(id(cls)) or seen else self.keras2_loss_args(fn)
                if keras2:  # given to compile where the scan does not see it, in Keras 2
                    self.call_fn(fn, [inst, *keras2], {}, depth_reset=True)
            elif not fn.done and (cls.kind == "loss" or name in ("__init__", "build", "setup") or name in reducing or
                                  self.may_matter(fn.node, attributes=True) or
                                  self.calls(fn.node, _feeders(cls))):  # self._updater([s, a, td]): a feed
                self.call_fn(fn, self_arg, {}, depth_reset=True)

    def calls(self, node, names, pattern=None) -> bool:
        """Whether a method's text calls one of these methods of its own (`self.replay(`), or (ATTRIBUTE_CALL) of
        an attribute's (`self.critic.train(`), or (ANY_CALL) any name."""
        key = (id(node), pattern)
        called = self.called.get(key)
        if called is None:
            called = self.called[key] = frozenset((pattern or SELF_CALL).findall(self.text_of(node)))
        return not called.isdisjoint(names)

    def unwalked(self, fn, args, kw):
        """A call not walked: the lists and dicts handed to it may be changed there, unless the function keeps its
        parameters (see _keeps_params; worked out once per function, and only for a call handed one)."""
        given = (*args, *kw.values())
        if not any(type(a) is Built or type(a) is Record and a.mutable for a in given):
            return
        keeps = self.keeps.get(id(fn.node))
        if keeps is None:
            keeps = self.keeps[id(fn.node)] = _keeps_params(fn.node)
        if not keeps:
            _poison(given)

    def shape_name(self, node) -> bool:
        """Whether the module writes this name (or attribute) as a dimension of a literal shape, `np.zeros((batch_size,
        n))`, a placeholder's `[batch_size, n]`: a number wherever it is, whatever its value (a configuration file's).
        Read from the source's text, once for each name."""
        text = ast.unparse(node)
        known = self._shape_names.get(text)
        if known is None:
            pattern = rf"\b(?:{'|'.join(SHAPED)})\s*\((?:[^()\[\]]*,)?\s*(?:shape\s*=\s*)?[(\[][^()\[\]]*" \
                      rf"(?<![\w.]){re.escape(text)}\s*[,)\]]"
            known = self._shape_names[text] = re.search(pattern, self.source) is not None
        return known

    def text_of(self, node) -> str:
        if self.lines is None:
            self.lines = self.source.splitlines()
        return "\n".join(self.lines[node.lineno - self.offset - 1:node.end_lineno - self.offset])

    def reaching(self):
        """(names that may find something: this module's functions and methods, and the functions and methods of
        the modules beside it, that may_matter, and this module's functions that call one of those, through others;
        the names of the functions looked at)."""
        names = set().union(*(scanner.reducing_methods() for scanner in (self, *(self.siblings or {}).values())
                              if scanner is not None))
        names |= {fn.node.name for scanner in (self, *(self.siblings or {}).values()) if scanner is not None
                  for fn in scanner.functions if scanner.may_matter(fn.node)}  # batch_gd(X, y) imported from beside
        while True:
            more = {fn.node.name for fn in self.functions if fn.node.name not in names and
                    self.calls(fn.node, names, ANY_CALL)}
            if not more:
                return names, {fn.node.name for fn in self.functions}
            names |= more

    def tensorflow_near(self) -> bool:
        """Whether this module or one beside it that it reads names TensorFlow or Keras: where uncalled code that
        reaches a reduction elsewhere is walked (a library's own modules are not)."""
        return self.names_tensorflow or any(scanner is not None and scanner.names_tensorflow
                                            for scanner in (self.siblings or {}).values())

    def reducing_methods(self) -> set:
        """The names of this module's methods that may find something (see may_matter)."""
        if self.reducing is None:
            self.reducing = {name for cls in self.classes for name, fn in cls.methods.items()
                             if self.may_matter(fn.node)}
        return self.reducing

    def may_matter(self, node, attributes=False) -> bool:
        """Whether a walk of this function, which no call reached, could find anything: its text names a
        reduction or a loss, defines a function or a class, or (a method) sets attributes others may reduce."""
        key = (id(node), attributes)
        known = self.mattering.get(key)
        if known is None:
            text = self.text_of(node)
            known = self.mattering[key] = bool(
                TRIGGERS.search(text) or text.count("def ") > 1 or "class " in text or "global " in text or
                attributes and SETS_ATTRIBUTE.search(text) is not None)
        return known

    def block(self, stmts, fr):
        table = STATEMENTS
        for stmt in stmts:
            if fr.stopped:
                break
            handler = table.get(type(stmt))
            if handler is not None:
                handler(self, stmt, fr)

    # statements
    def s_assign(self, node, fr):
        if type(node.value) is ast.Call and len(node.targets) == 1:  # s, info = env.reset(): how it is unpacked
            self.unpacking = (id(node.value), node.targets[0])
        value = self.ev(node.value, fr)
        if value is ENV_STEP and len(node.targets) == 1 and type(node.targets[0]) is ast.Tuple:
            count = len(node.targets[0].elts)  # obs, reward, done, info (or terminated, truncated, info) = env.step(a)
            value = (None, *[NUM] * (count - 2), None) if count >= 3 else (None, NUM)
        if self.looping and len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
            value = _grown(fr.locals.get(node.targets[0].id), value, node.targets[0].id, node.value)
        for target in node.targets:
            self.assign(target, value, fr)

    def s_annassign(self, node, fr):
        if node.value is not None:
            self.assign(node.target, self.ev(node.value, fr), fr)

    def s_augassign(self, node, fr):
        value = self.ev(node.value, fr)
        if isinstance(node.target, (ast.Name, ast.Attribute)):
            current = self.ev(node.target, fr)
            if self.looping and type(node.op) is ast.Add and type(current) in (tuple, Built) and \
                    type(value) is tuple and not any(isinstance(v, (Layer, Model)) for v in value):
                # `returns += [g]` in a loop of passes not counted: a list grown, of a length not known (layers
                # stacked so keep the Sequential's own reading, see binary)
                self.assign(node.target, _both_lists(current, value), fr)
                return
            self.assign(node.target, self.binary(current, value, node, node.target, node.value, type(node.op)), fr)

    def s_expr(self, node, fr):
        value = self.ev(node.value, fr)
        call = node.value
        if type(call) is ast.Call and type(call.func) is ast.Attribute and call.func.attr == "resize" and \
                type(call.func.value) is ast.Name and call.args and not call.keywords:
            owner = self.ev(call.func.value, fr)  # x.resize((n, 1)): numpy's array, reshaped in place
            shape = self.ev(call.args[0], fr) if len(call.args) == 1 else tuple(self.ev(a, fr) for a in call.args)
            if (type(owner) is T or owner is None and self.names_numpy) and value is None:
                self.reshaped_in_place(call.func.value, owner, shape, call, fr)

    def reshaped_in_place(self, name, array, shape, node, fr):
        """`x.resize((n, 1))`, `x.shape = (n, 1)`: the name's array has that shape from here on, whatever it held
        before (an array of items not known: `np.array([t[0] for t in rows])`); a shape not known: not known."""
        dims = self.dims(shape, node.lineno)
        if dims is not None and type(array) is T and array.dims and dims and dims[0] == "B":
            dims = (array.dims[0], *dims[1:])  # x.shape = (-1, 1): the length it had
        src = (node.lineno, "{}", node)
        made = None if dims is None else array.like(dims=dims, src=src, ph=None) if type(array) is T else T(dims, src)
        self.assign(name, made, fr)

    def s_return(self, node, fr):
        fr.returns.append(self.ev(node.value, fr) if node.value is not None else PYNONE)
        fr.stopped = True

    def s_if(self, node, fr):
        test = node.test
        value = self.ev(test, fr)
        known = self.default_test(test, fr)
        if known is None and type(test) is ast.Compare and type(value) is bool:  # two strings this walk knows
            known = value
        if known is not None:  # `if output_fn:` in a call that left output_fn=None: that branch only
            self.block(node.body if known else node.orelse, fr)
            return
        if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__":
            self.block(node.body, fr)
            self.block(node.orelse, fr)
            return
        before = fr.locals  # each branch on a copy, then the two joined: a name both leave alike keeps its value
        attrs = fr.cls.attrs if isinstance(fr.cls, Cls) else None  # and so do `self.` attributes
        kept = dict(attrs) if attrs is not None else None
        first = fr.locals = dict(before)
        self.block(node.body, fr)
        second = before
        returned, fr.stopped = fr.stopped, False  # `if return_reward: return a, r`, then `return a`: each its own
        first_attrs = dict(attrs) if attrs is not None and node.orelse else None
        if node.orelse:
            if attrs is not None:
                attrs.clear()
                attrs.update(kept)
            second = fr.locals = dict(before)
            self.block(node.orelse, fr)
        fr.locals = before
        fr.stopped = returned and fr.stopped
        if returned and second is not before:  # what follows runs after the branch that did not return only
            before.update(second)
        elif not returned:
            _join_into(before, first, second)
        if attrs is not None and node.orelse:
            second_attrs = dict(attrs)
            attrs.clear()
            attrs.update(kept)
            _join_into(attrs, first_attrs, second_attrs)

    @staticmethod
    def default_test(test, fr):
        """The truth of `x`, `not x`, `x is None`, `x is not None` for a parameter x that this call gives None,
        True or False, or leaves at such a default (and not assigned since), or `self.x is (not) None` for an
        attribute holding None (the instance's attributes are part of its method's walk's key): None when not
        known so."""
        negate = type(test) is ast.UnaryOp and type(test.op) is ast.Not
        if negate:
            test = test.operand
        compare = None
        if type(test) is ast.Compare and len(test.ops) == 1 and type(test.ops[0]) in (ast.Is, ast.IsNot) and \
                type(test.comparators[0]) is ast.Constant and test.comparators[0].value is None:
            compare, test = type(test.ops[0]), test.left
        if compare is None and type(test) is ast.Attribute and type(test.value) is ast.Name and \
                test.value.id == "self" and type(inst := fr.locals.get("self")) is Inst:
            flag = inst.cls.attrs.get(test.attr)  # `if self.use_dones:` of a Buffer(...) made with it False
            made = inst.cls.attrs.get(" made")
            return flag != negate if type(flag) is bool and type(made) is dict and made.get(test.attr) is flag \
                else None
        if compare is not None and type(test) is ast.Attribute and type(test.value) is ast.Name and \
                test.value.id == "self" and type(inst := fr.locals.get("self")) is Inst:  # `if self.activation is
            value = inst.cls.attrs.get(test.attr)  # not None` of a layer class whose constructor was left
            if value is not PYNONE:  # activation=None (a flag's truth, `if self.baseline:`, is not taken so: the
                return None  # class's walk of __init__ with its defaults is not a caller's)
        elif compare is not None and type(test) is ast.Name and (
                type(fr.locals.get(test.id)) in (T, int, float, tuple, Fn, Bound) or fr.locals.get(test.id) is NUM):
            value = fr.locals[test.id]  # `tf.Variable(weights) if weights is not None else None`, given a tensor;
            # `if custom_fwd_fn is not None:` given a function
        elif type(test) is not ast.Name or test.id not in fr.defaults or fr.locals.get(test.id) is not \
                fr.defaults[test.id]:
            return None
        else:
            value = fr.defaults[test.id]
        truth = value is not PYNONE if compare is ast.IsNot else value is PYNONE if compare is ast.Is else \
            value is True
        return truth != negate

    def s_for(self, node, fr):
        call = node.iter
        counted = _enumerated(call, fr)
        sequence = self.ev(call.args[0] if counted else call, fr)
        if isinstance(sequence, tuple) and 0 < len(sequence) <= MAX_UNROLL and not self.unrolling and \
                not any(type(n) is ast.Break for n in ast.walk(node)):
            # over a list literal, [16, 1] or sizes + [1]: each item in turn (a stack of layers' last width)
            self.unrolling = True
            try:
                for i, item in enumerate(sequence):
                    self.assign(node.target, (i, item) if counted else item, fr)
                    self.block(node.body, fr)
            finally:
                self.unrolling = False
        else:
            counts = _counts(fr.locals)
            self.assign(node.target, self.element(sequence) if not counted else (NUM, self.element(sequence)), fr)
            self.looping += 1
            try:
                self.block(node.body, fr)
                last = sequence.last if type(sequence) is Built else MISSING
                if last is not MISSING and last is not None and last is not sequence.item:  # the last pass: over
                    self.assign(node.target, (NUM, last) if counted else last, fr)  # the last of the layers,
                    self.block(node.body, fr)  # `z = layer.forward(z)`: the last layer's output is the loop's
            finally:
                self.looping -= 1
            _widen(counts, fr.locals)
        fr.stopped = False  # a loop may run no time, or return in some passes only
        self.block(node.orelse, fr)

    def s_while(self, node, fr):
        counts = _counts(fr.locals)
        self.ev(node.test, fr)
        self.looping += 1
        try:
            self.block(node.body, fr)
        finally:
            self.looping -= 1
        _widen(counts, fr.locals)
        fr.stopped = False
        self.block(node.orelse, fr)

    def s_with(self, node, fr):
        for item in node.items:
            self.ev(item.context_expr, fr)
            if item.optional_vars is not None:
                self.assign(item.optional_vars, None, fr)
        self.block(node.body, fr)

    def s_try(self, node, fr):
        """`try: load_network(net) except: pass`: a body that may stop at any statement, the run going on. What it
        would set to a value the scan cannot see (a model loaded from disk) leaves the value seen before: the run in
        which the body fails (a first run, with nothing saved yet) keeps it, and a trap there is a trap."""
        catch_all = node.handlers and all(_goes_on(h) for h in node.handlers)
        self.swallowed += bool(catch_all)
        try:
            self.block(node.body, fr)
        finally:
            self.swallowed -= bool(catch_all)
        found = dict(fr.locals)
        for handler in node.handlers:  # each may run after the body stopped anywhere, a return not reached
            fr.stopped = False
            if handler.name:
                fr.locals[handler.name] = None
            self.block(handler.body, fr)
            if all(type(n) in (ast.Import, ast.ImportFrom) for n in handler.body):
                # `try: from src.agent import A` / `except ImportError: from agent import A`: a fallback the scan
                # cannot resolve leaves the module it found
                for name, value in found.items():
                    if type(value) in (Lazy, Beside, Cls, Fn) and (fr.locals.get(name) is None or
                                                                  type(fr.locals.get(name)) is Mod):
                        fr.locals[name] = value
        fr.stopped = False
        self.block(node.orelse, fr)
        fr.stopped = False
        self.block(node.finalbody, fr)

    def s_match(self, node, fr):
        self.ev(node.subject, fr)
        for case in node.cases:
            fr.stopped = False
            self.block(case.body, fr)
        fr.stopped = False

    def s_def(self, node, fr):
        fn = Fn(node, (fr.locals, *fr.closure) if fr.fn is not None else fr.closure, fr.cls, self)
        if fr.cls is not None and fr.locals is fr.cls.attrs:
            fr.cls.methods[node.name] = fn
            fn.closure = fr.closure
        else:
            fn.cls = None
            fr.locals[node.name] = fn
            self.functions.append(fn)

    def s_class(self, node, fr):
        later = ()
        if self.lazy:  # a sibling's class: a base from a module not read yet is read when a name is not found
            pending = [fr.locals[b.id] if type(b) is ast.Name and type(fr.locals.get(b.id)) is Lazy else None
                       for b in node.bases]
            bases = [lazy.peek() if lazy else self.ev(b, fr) for b, lazy in zip(node.bases, pending, strict=True)]
            later = tuple(lazy for lazy, base in zip(pending, bases, strict=True) if lazy and base is None)
        else:
            bases = [self.ev(b, fr) for b in node.bases]
        kind, sequential = None, False  # a subclass of a Sequential subclass finds " sequential" on its base
        for base_node, base in zip(node.bases, bases, strict=False):
            if isinstance(base, Cls) and base.kind:
                kind = base.kind
            name = base.path.rsplit(".", 1)[-1] if isinstance(base, Mod) else \
                getattr(base_node, "attr", getattr(base_node, "id", ""))
            sequential = sequential or name == "Sequential" and isinstance(base, Mod)
            if name == "Loss" or name == "LossFunctionWrapper":
                kind = "loss"
            elif name in ("Model", "Sequential", "Network", "Functional") and kind is None:
                kind = "model"
            elif name == "Layer" and kind is None:
                kind = "layer"
        cls = Cls(node, [b for b in bases if isinstance(b, Cls)], kind, later)
        if sequential:  # `class Critic(keras.Sequential)`: its `super().__init__([layers])` is Sequential's
            cls.attrs[" sequential"] = True
        body = Frame(cls.attrs, (fr.locals, *fr.closure) if fr.fn is not None else fr.closure, cls, None)
        self.block(node.body, body)
        fr.locals[node.name] = cls
        self.classes.append(cls)

    def s_import(self, node, fr):
        for alias in node.names:
            top = alias.name.split(".")[0]
            if ("." not in alias.name or alias.asname) and top not in sys.stdlib_module_names and \
                    top not in WELL_KNOWN and self.siblings is not None and _is_file(self.path) and \
                    _sibling_path(self.path, alias.name, 1) is not None:
                # `import nn` of nn.py beside this file, `import algo.ppo as ppo` of algo/ppo.py
                fr.locals[alias.asname or alias.name] = Beside(self, alias.name)
            elif alias.asname:
                fr.locals[alias.asname] = Mod(alias.name)
            else:
                fr.locals[top] = Mod(top)

    def s_importfrom(self, node, fr):
        if self.lazy and node.module and node.level <= 1:  # a sibling's own imports: followed when a name is used
            for alias in node.names:
                if alias.name != "*":
                    name = alias.asname or alias.name
                    fr.locals[name] = Lazy(self, node.module, node.level, alias.name, fr.locals, name)
                else:  # from .roller import * in a package's __init__.py: read when a name is asked of it
                    self.star = True
                    self.stars.append((node.module, node.level))
            return
        sibling = self.sibling(node.module, node.level) if self.siblings is not None and node.level <= 1 and \
            node.module else None
        if sibling is not None:  # from networks import build_critic: what that module binds
            for alias in node.names:
                if alias.name != "*":
                    fr.locals[alias.asname or alias.name] = sibling.export(alias.name)
                else:  # from model import *: what that module binds, but its private names
                    fr.locals.update((name, value) for name, value in sibling.globals.items() if name[0] != "_")
                    self.star = True
            return
        if node.level or not node.module:
            for alias in node.names:
                fr.locals[alias.asname or alias.name] = None
            return
        for alias in node.names:
            if alias.name != "*":
                fr.locals[alias.asname or alias.name] = Mod(f"{node.module}.{alias.name}")
            else:
                self.star = True

    def export(self, name: str, asking=None, depth: int = 0):
        """What `from this_module import name` binds: a name of its own, or one a `from .models import *` of a
        module beside brought in (a package's __init__.py re-exporting its modules); None where neither."""
        value = self.globals.get(name, MISSING)
        if value is MISSING and depth < MAX_STAR_DEPTH:
            for module, level in self.stars:
                sibling = self.sibling(module, level)
                if sibling is not None:
                    value = sibling.export(name, asking, depth + 1)
                    if value is not None:
                        break
        if value is MISSING:
            return None
        return value.resolve() if type(value) is Lazy and value is not asking else value

    def sibling(self, module: str, level: int):
        """The Scanner of a module beside this file (`from networks import …`, `from .networks import …`) after
        a walk of its top level, or None: not a file here, unreadable, or this file itself."""
        if not _is_file(self.path):  # a source without a file (shape_of, stdin) has no folder to look in
            return None
        path = _sibling_path(self.path, module, level)
        if path is None:
            return None
        if path in self.siblings:
            return self.siblings[path]
        self.siblings[path] = None
        if len(self.siblings) > MAX_SIBLINGS or os.path.abspath(path) == os.path.abspath(self.path):
            return None
        try:
            stat = os.stat(path)
            if stat.st_size > MAX_SIBLING_BYTES:
                return None
            parsed = _sibling_tree(os.path.abspath(path), stat.st_mtime_ns)
            if parsed is None:
                return None
            source, tree, offset = parsed
            sibling = Scanner(path, tree, source, siblings=self.siblings, offset=offset)
            sibling.lazy = True
            # one program: a placeholder made there may be fed here, and the reverse (TLW002's feeds)
            sibling.feeds, sibling.placeholder_names, sibling.named = self.feeds, self.placeholder_names, self.named
            sibling.sized_feeds, sibling.reduced_ph = self.sized_feeds, self.reduced_ph
            sibling.block(tree.body, Frame(sibling.globals, ()))
        except Exception:  # noqa: BLE001 - a sibling the scan cannot read is a module it does not follow
            return None
        sibling.baseline = (len(sibling.candidates), len(sibling.direct))
        self.siblings[path] = sibling
        return sibling

    def assign(self, target, value, fr):
        kind = type(target)
        if kind is ast.Name:
            if value is None and self.swallowed and fr.locals.get(target.id) not in (None, MISSING):
                return  # see s_try
            fr.locals[target.id] = value
            if target.id in self.bound:  # rare: only a name whose columns were cut
                frames = self.bound[target.id]
                frames[id(fr.locals)] = frames.get(id(fr.locals), 0) + 1
            if isinstance(value, T):
                self.named[target.id] = value
                if value.ph is not None:
                    self.placeholder_names.setdefault(value.ph, set()).add(target.id)
        elif kind is ast.Tuple or kind is ast.List:
            elements = target.elts
            if isinstance(value, tuple) and len(value) == len(elements) and \
                    not any(isinstance(e, ast.Starred) for e in elements):
                for element, item in zip(elements, value, strict=False):
                    self.assign(element, item, fr)
            else:
                for element in elements:
                    self.assign(element.value if isinstance(element, ast.Starred) else element, None, fr)
        elif kind is ast.Attribute:
            owner = self.ev(target.value, fr)
            if target.attr == "shape" and (type(owner) is T or owner is None) and type(target.value) is ast.Name:
                self.reshaped_in_place(target.value, owner, value, target, fr)  # x.shape = (n, 1)
            elif isinstance(owner, Inst):
                if type(value) is T and value.rel is not None:  # kept past the call: no longer tied to its input
                    value = value.like(rel=None)
                if value is None and self.swallowed and owner.cls.attrs.get(target.attr) not in (None, MISSING):
                    return  # see s_try
                owner.cls.attrs[target.attr] = value
                if type(value) is Built:
                    value.held = True
                if isinstance(value, T) and value.ph is not None:
                    self.placeholder_names.setdefault(value.ph, set()).add(target.attr)
        elif kind is ast.Subscript:
            owner = self.ev(target.value, fr)
            if type(owner) is Built:  # lst[i] = x: one more item of x's kind
                owner.add(value)
            elif type(owner) is Record and owner.mutable:
                owner.set(self.ev(target.slice, fr), value)
            elif isinstance(owner, T) and isinstance(value, T) and value.pending:
                self.scattered(target, value, fr)

    def scattered(self, target, value, fr):
        """`q_next[rows, actions] = r + gamma * max_q`: a B x B written by index arrays that broadcast to (B, B)
        (rows (B,), actions a (B, 1) column cut from a buffer) is what the targets are made of: numpy takes it only
        so, and each row's target mixes the whole batch's."""
        parts = target.slice.elts if type(target.slice) is ast.Tuple else [target.slice]
        arrays = [item.dims for item in (self.ev(p, fr) for p in parts if type(p) is not ast.Slice)
                  if isinstance(item, T) and item.dims]
        if len(arrays) < 2 or len(functools.reduce(_broadcast_dims, arrays)) != 2:
            return
        for cand in value.pending:
            if cand.reduced is None:
                cand.reduced, cand.reduced_by = f"it is written into {_short(target, 60)}", target
                cand.numpy = cand.scatter = True

    def element(self, value):
        """What a `for` loop over `value` gives."""
        if isinstance(value, T) and value.dims:
            return value.like(dims=value.dims[1:], src=value.src, raw=None, ph=None)
        if isinstance(value, tuple) and value and all(_sig(v) == _sig(value[0]) for v in value):
            return value[0]
        if isinstance(value, Zip):
            return tuple(self.element(v) for v in value.items)
        if type(value) is Built:
            return None if value.item is MISSING else value.item
        if type(value) is Data:
            return value.item
        return NUM if value is RANGE else None

    # expressions
    def ev(self, node, fr):
        handler = EXPRESSIONS.get(type(node))
        if handler is not None:
            return handler(self, node, fr)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.ev(child, fr)
        return None

    def e_name(self, node, fr):
        name = node.id
        value = fr.locals.get(name, MISSING)
        if type(value) is Lazy:
            return value.resolve()
        if value is MISSING:
            for scope in fr.closure:
                value = scope.get(name, MISSING)
                if value is not MISSING:
                    return value.resolve() if type(value) is Lazy else value
            value = self.globals.get(name, MISSING)
            if type(value) is Lazy:
                return value.resolve()
            if value is MISSING:
                if name in CONVENTIONAL:  # `np` bound by nothing here: a star import brought it, or a snippet
                    return Mod(CONVENTIONAL[name])  # forgot its imports
                if name in sys.stdlib_module_names:  # `random.sample` in a snippet that forgot `import random`
                    return Mod(name)
                if name in self.later:
                    return self.globals.setdefault(f" {name} above its def", Fn(self.later[name], (), None, self))
                return BUILTINS.get(name)
        return value

    def e_constant(self, node, fr):
        value = node.value
        if value is None:
            return PYNONE
        if value is Ellipsis:
            return ELLIPSIS
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, str)):
            return value
        if isinstance(value, (float, complex)):  # 0.99, 2j (a DFT's phases): a number of a value not kept
            return NUM
        return None

    def e_attribute(self, node, fr):
        owner = self.ev(node.value, fr)
        attr = node.attr
        if type(owner) is Beside:
            return owner.get(attr)
        if isinstance(owner, Mod):
            if attr in NUMERIC_CONSTANTS:
                return NUM  # np.pi, math.e, jnp.inf
            if owner.path in FLAG_VALUES and self.number_flag(attr):
                return NUM  # FLAGS.gamma of flags.DEFINE_float('gamma', ...): one number
            return Mod(f"{owner.path}.{attr}")
        if isinstance(owner, Inst):
            value = owner.cls.attr(attr)
            if value is not MISSING:
                return value
            method = owner.cls.method(attr)
            if method is not None and any(getattr(d, "id", None) in ("property", "cached_property") or
                                          getattr(d, "attr", None) == "cached_property"
                                          for d in method.node.decorator_list):
                return self.call_fn(method, [owner], {})  # env.weights: what the property's getter returns
            return _bind(owner, method)
        if type(owner) is Env:
            if attr == "action_space" and owner.actions is not None:
                return Space((owner.actions,))
            if attr == "observation_space" and owner.obs.dims[0] is not None:
                return Space(owner.obs.dims)
            return SPACE if attr in ("action_space", "observation_space") else owner if attr == "unwrapped" else None
        if owner is None and attr in ("action_space", "observation_space"):  # env.action_space of an env not seen
            return SPACE
        if type(owner) is Space and attr == "shape":  # a known Box: its shape; the rest as of any space
            return owner.shape
        if owner is SPACE or type(owner) is Space:
            return NUM if attr == "n" else ShapeOf(T(None, (node.lineno, "{}", node))) if attr == "shape" else \
                BOUNDS if attr in ("high", "low") else None
        if isinstance(owner, Cls):
            value = owner.attr(attr)
            return None if value is MISSING else value
        if isinstance(owner, T):
            if attr == "T":
                return self.transpose(owner, None, node)
            if attr == "shape":
                if owner.dims is not None:
                    return tuple(d if isinstance(d, int) else NUM for d in owner.dims)
                return ShapeOf(owner)
            if attr in ("values", "data"):
                return owner
            return None
        if isinstance(owner, Record):
            return owner.attrs.get(attr)
        if type(owner) is tuple and len(owner) == 2 and attr in ("values", "indices"):  # top_k's TopKV2
            return owner[attr == "indices"]
        if type(owner) is Table:
            if attr in ("iloc", "loc"):
                return SERIES_INDEXER if owner.series else TABLE_INDEXER
            if attr == "values":
                return owner.array(node)
            if not owner.series and attr not in FRAME_PROPERTIES and not attr.startswith("_"):  # df.price
                return Table(True, (node.lineno, "pandas column {}", node))
            return None
        if isinstance(owner, ShapeOf):
            return None
        if isinstance(owner, Model) and attr in ("output", "outputs"):
            out = self.model_out(owner, None, node)  # Model(x, outputs=[mu]).output: Keras 2's mu (see model_out)
            # a model of one output: `outputs` a list of it
            return out if attr == "output" or out is None or type(out) is tuple else (out,)
        if isinstance(owner, Model) and attr in ("input", "inputs") and owner.inputs is not None:
            # a functional model's Input tensors (`self.network.inputs[2]` in a loss closing over them)
            return owner.inputs if attr == "input" or type(owner.inputs) is tuple else (owner.inputs,)
        return None

    def e_seq(self, node, fr):
        out = []
        for element in node.elts:
            if isinstance(element, ast.Starred):
                self.ev(element.value, fr)
                return None
            out.append(self.ev(element, fr))
        return tuple(out)

    def e_unary(self, node, fr):
        value = self.ev(node.operand, fr)
        if isinstance(node.op, ast.Not):
            return None
        if isinstance(value, bool):
            return NUM
        if isinstance(value, int) and isinstance(node.op, ast.USub):
            return -value
        return value if isinstance(value, T) or value is NUM else None  # -x: the same shape, cut and all

    def e_compare(self, node, fr):
        left = self.ev(node.left, fr)
        rights = [self.ev(c, fr) for c in node.comparators]
        if len(rights) == 1 and isinstance(left, T) and (isinstance(rights[0], (int, float)) or rights[0] is NUM):
            return left.like(raw=None, pending=left.pending)
        if len(rights) == 1 and type(node.ops[0]) in (ast.Eq, ast.NotEq) and type(left) is str and \
                type(rights[0]) is str:  # specs['layer'] == 'fc' of a literal list's dict: decided (see s_if)
            return (left == rights[0]) == (type(node.ops[0]) is ast.Eq)
        return None

    def e_dict(self, node, fr):
        record = Record({}, mutable=True)  # {'rew': r, **more}: while every key is a string
        feeds = []  # {X: states, y: targets}: while every key is a tensor
        for key, value in zip(node.keys, node.values, strict=False):
            fed = self.ev(value, fr)
            if key is None:
                if record is not None and type(fed) is Record:
                    record.attrs.update(fed.attrs)
                else:
                    record = None
                feeds = None
                continue
            where = self.ev(key, fr)
            if record is not None:
                if isinstance(where, str):
                    record.attrs[where] = fed
                else:
                    record = None
            if feeds is not None:
                feeds = feeds + [fed] if isinstance(where, T) else None
            # a list fed is the array numpy makes of it: adv_batch grown by `extend` of (5, 1) arrays, (?, 1)
            self.feed(where, self.list_as_array(fed, value) if type(fed) is Built and isinstance(where, T) else fed)
        return record if record is not None or not feeds else Feeds(tuple(feeds))

    def feed(self, where, fed):
        """A placeholder is fed a value (feed_dict={y: labels}; a Keras function's inputs): what its feeds are."""
        if isinstance(where, T) and where.ph is not None and where.unk:
            self.feeds.setdefault(where.ph, []).append(fed)
            if where.ph in self.reduced_ph:  # the graph reduces what it is fed
                self.reduce_fed(fed, where.ph)
        elif isinstance(where, T) and where.dims and where.src and where.src[1] == "placeholder shape={}":
            self.sized_feeds.setdefault(id(where.src[2]), []).append(fed)

    def e_boolop(self, node, fr):
        """`terminated or truncated`: a number when every side is one; each side walked. `critic_network or
        self._build_critic_network()`: of a None (a parameter left at its default), or of a value not known, the
        model, layer or instance on the right, as a branch that made it would leave it (see _join)."""
        values = [self.ev(value, fr) for value in node.values]
        if all(_number(value) or type(value) is bool for value in values):
            return NUM
        if type(node.op) is ast.Or and len(values) == 2 and (values[0] is None or values[0] is PYNONE) and \
                isinstance(values[1], (Model, Layer, Inst, Either)):
            return values[1]
        return None

    def e_ifexp(self, node, fr):
        value = self.ev(node.test, fr)
        known = self.default_test(node.test, fr)
        if known is None and type(node.test) is ast.Compare and type(value) is bool:
            known = value
        if known is not None:  # `x if flag else y` of a flag this call gives: the one it picks
            return self.ev(node.body if known else node.orelse, fr)
        return _join(self.ev(node.body, fr), self.ev(node.orelse, fr))

    def e_lambda(self, node, fr):
        inner = Frame({a.arg: None for a in node.args.args}, (fr.locals, *fr.closure), fr.cls, fr.fn or True)
        self.ev(node.body, inner)
        return Lam(node, (fr.locals, *fr.closure), self)

    def call_lambda(self, lam, args):
        if lam.home is not None and lam.home is not self:  # a sibling's lambda: its module's names, its findings
            return lam.home.call_lambda(lam, args)
        if self.lambdas >= MAX_DEPTH:  # a lambda calling itself by name; its calls of functions count as calls do
            return None
        params = lam.node.args.args
        local = {p.arg: (args[i] if i < len(args) else None) for i, p in enumerate(params)}
        self.lambdas += 1
        try:
            return self.ev(lam.node.body, Frame(local, lam.closure, None, True))
        finally:
            self.lambdas -= 1

    def e_comp(self, node, fr):
        inner = Frame({}, (fr.locals, *fr.closure), fr.cls, fr.fn or True)
        first = node.generators[0]
        counted = type(node) is ast.ListComp and len(node.generators) == 1 and not first.ifs and \
            _enumerated(first.iter, inner)
        sequence = self.ev(first.iter.args[0] if counted else first.iter, inner)
        if sequence is RANGE and type(first.iter) is ast.Call and len(first.iter.args) == 1:  # range(5): 0, ... 4
            count = self.ev(first.iter.args[0], inner)
            if type(count) is int and 0 < count <= MAX_UNROLL:
                sequence = tuple(range(count))
        if type(node) in (ast.ListComp, ast.GeneratorExp) and len(node.generators) == 1 and not first.ifs and \
                isinstance(sequence, tuple) and 0 < len(sequence) <= MAX_UNROLL and not self.unrolling:
            # [Dense(s) for s in (64, 64, 1)]: over a list literal, item by item, a list literal of what each gives
            # (`s, a, r = (tf.cast(x, tf.float32) for x in batch)`: each of the batch's arrays cast)
            self.unrolling = True
            try:
                items = []
                for i, item in enumerate(sequence):
                    self.assign(first.target, (i, item) if counted else item, inner)
                    items.append(self.ev(node.elt, inner))
                return tuple(items)
            finally:
                self.unrolling = False
        if counted:
            sequence = (NUM, self.element(sequence))
            self.assign(first.target, sequence, inner)
        else:
            self.assign(first.target, self.element(sequence), inner)
        for test in first.ifs:
            self.ev(test, inner)
        for generator in node.generators[1:]:
            self.assign(generator.target, self.element(self.ev(generator.iter, inner)), inner)
            for test in generator.ifs:
                self.ev(test, inner)
        if isinstance(node, ast.DictComp):
            self.ev(node.key, inner)
            self.ev(node.value, inner)
            return None
        item = self.ev(node.elt, inner)
        if type(node) is not ast.ListComp:
            return None
        built = Built()  # [r + gamma * v for ...]: a list of items of that kind, of a length not shown
        built.add(item)
        return built

    def e_namedexpr(self, node, fr):
        value = self.ev(node.value, fr)
        self.assign(node.target, value, fr)
        return value

    def e_binop(self, node, fr):
        # a left-nested chain (a + b + c + ...) is walked without recursion: generated code nests it deeply
        chain = [node]
        while type(chain[-1].left) is ast.BinOp:
            chain.append(chain[-1].left)
        value = self.ev(chain[-1].left, fr)
        for link in reversed(chain):
            right = self.ev(link.right, fr)
            value = self.binary(value, right, link, link.left, link.right, type(link.op))
        return value

    def binary(self, left, right, node, left_node, right_node, op):
        if op is ast.MatMult:
            return self.matmul(left, right, node)
        if isinstance(left, (int, float)) and isinstance(right, (int, float)) and not isinstance(left, bool):
            if op is ast.Add:
                return left + right
            if op is ast.Sub:
                return left - right
            if op is ast.Mult and isinstance(left, int) and isinstance(right, int) and abs(left * right) < 1 << 40:
                return left * right
            if op is ast.FloorDiv and isinstance(right, int) and right:
                return left // right
            return NUM
        if isinstance(left, str) or isinstance(right, str):
            return None
        if type(left) is Built and type(right) is T:  # returns - values: the list becomes an array
            left = self.list_as_array(left, left_node)
        elif type(right) is Built and type(left) is T:
            right = self.list_as_array(right, right_node)
        if type(left) is tuple and type(right) is T:  # sess.run([yhat]) - y: the list becomes a (1, ...) array
            left = _tuple_as_array(left, left_node)
        elif type(right) is tuple and type(left) is T:
            right = _tuple_as_array(right, right_node)
        if type(left) is tuple and type(right) is tuple and op is ast.Add:  # sizes + [1]
            return left + right
        if (type(left) is Built or type(right) is Built) and op is ast.Add:  # list + list
            joined = _both_lists(left, right)
            if joined is not None and type(left) is Built and type(right) is tuple and right:  # hidden + [Dense(1)]
                # layers a Sequential stacks: Dense layers of widths not known (none or more) keep the rank
                joined.layers = (left.item if isinstance(left.item, Layer) and left.item.kind == "dense" else None,
                                 *right)
            return joined
        if op is ast.Mult and (type(left_node) is ast.List and _number(right) or
                               type(right_node) is ast.List and _number(left)):  # [0.0] * len(rewards)
            items, count = (left, right) if type(left_node) is ast.List else (right, left)
            if type(items) is tuple and type(count) is int and 0 < len(items) * count <= LITERAL_MAX and \
                    _literal_dims(items) is not None:  # [0.1] * n_outputs: a literal of n numbers, not the batch
                return items * count
            return _as_built(items)
        return self.elementwise(left, right, node, left_node, right_node, OPS.get(op, "op"))

    def list_as_array(self, built, node):
        array = self.from_list(built, node)
        return array.like(src=(node.lineno, "the Python list {}", node)) if array is not None else None

    def elementwise(self, left, right, node, left_node, right_node, op):
        """Two operands meet elementwise: the rules TLW002, TLW003, TLW004 look here."""
        left_t, right_t = isinstance(left, T), isinstance(right, T)
        if not left_t and not right_t:
            return NUM if (left is NUM or isinstance(left, (int, float))) and \
                (right is NUM or isinstance(right, (int, float))) else None
        if not (left_t and right_t):
            tensor, other = (left, right) if left_t else (right, left)
            if other is NUM or isinstance(other, (int, float)):
                return tensor.like(raw=tensor.raw, ph=tensor.ph, cut=tensor.cut, npy=tensor.npy)
            rel = tensor.rel  # against a value of unknown shape, a column's batch axis stays where it was
            end = _vector_end(tensor) if tensor.dims is not None else tensor.end  # (..., B) stays so
            return T(None, tensor.src, pending=tensor.pending, raw=tensor.raw, end=end,
                     rel=(rel[0], rel[1], False, True) if rel is not None and rel[3] else None,
                     cut=tensor.cut if other is None else None,  # see _carried_cut
                     tail=1 if tensor.tail == 1 and tensor.rel is None else None)  # gamma * critic(s): (..., 1)
        pending = left.pending | right.pending
        if left.raw and right.raw and left.raw != right.raw:
            self.loss_call_combines(node, left_node, right_node)
            return T(None, left.src, pending=pending)
        raw = left.raw or right.raw if not (left.raw and right.raw) else left.raw
        pred = left.pred or right.pred
        a, b = left.dims, right.dims
        if left.unk or right.unk:
            known = right if left.unk else left
            unknown = left if left.unk else right
            if not (left.unk and right.unk) and (_column(known.dims) or known.dims is None and known.tail == 1):
                pending = pending | {self.candidate("TLW002", node, (left_node, left), (right_node, right), op,
                                                    (unknown.ph,) if unknown.ph else ())}
            elif not (left.unk and right.unk) and unknown.ph and _vector_end(known) not in (None, 1):
                # a (B,) against a placeholder of unknown rank: a B x B if what it is fed is (B, 1)
                pending = pending | {self.candidate("TLW002", node, (left_node, left), (right_node, right), op,
                                                    (unknown.ph,), fed=True)}
            ph = left.ph if left.unk and not right.unk else right.ph if right.unk and not left.unk else None
            if ph is not None and known.dims and type(known.dims[-1]) is int and known.dims[-1] != 1:
                ph = None  # x * w of a (1, 3) w: no longer what the placeholder is fed ((B, 1) fed: (B, 3))
            return T(None, (left if left.unk else right).src, unk=True, pending=pending, raw=raw, ph=ph, pred=pred)
        if a is None and b is None and left.cut and right.cut and left.cut[0] == right.cut[0] and \
                left.cut[1] != right.cut[1]:  # X[:, :1] (S0, 1, S2...) and X[:, 2] (S0, S2...): (S0, S0, S2...)
            pending = pending | {self.candidate("TLW003", node, (left_node, left), (right_node, right), op)}
            return T(None, left.src, pending=pending, raw=raw, pred=pred)
        if a is None or b is None:
            known, other = (right, left) if a is None else (left, right)
            if known.dims == ():  # (x - x.mean()) / x.std(), alpha * log_pi: a 0-d tensor keeps what is known
                return other.like(pending=pending, raw=raw, pred=pred)
            if other.tail == 1 and known.dims is not None and len(known.dims) == 1 and \
                    known.dims[0] not in (1, NOT_BATCH) or \
                    other.end is not None and other.tail is None and _column(known.dims) and \
                    _compatible(other.end, known.dims[0]) and not _grid(known):
                # (..., B) from (B,) labels times a weight, and (B, 1)
                pending = pending | {self.candidate("TLW003", node, (left_node, left), (right_node, right), op)}
                return T(None, left.src, pending=pending, raw=raw, pred=pred)
            if _rows_of(known, other):  # probs (B, A) * tf.one_hot(actions, A) (..., A): (B, A)
                return T(known.dims, known.src, pending=pending, raw=raw, pred=pred)
            if other.tail is None and other.rel is None and known.dims is not None and other.end is None:
                # (..., B): where the (B,) came from; added to a B x B made on the way, a B x B still, which a
                # (B, 1) it meets next does not make again
                end = _vector_end(known) if not any(c.code == "TLW003" for c in other.pending) else None
                return T(None, known.src if end is not None else left.src, pending=pending, raw=raw, pred=pred,
                         end=end)
            if other.end is not None and other.tail is None and other.rel is None and \
                    _vector_end(known) is not None and _compatible(other.end, _vector_end(known)):
                # (B,) and (..., B): rewards + gamma * next_v
                return T(None, other.src, pending=pending, raw=raw, pred=pred, end=other.end)  # a gamma not known
            if left.rel is None and right.rel is None:
                cut = _carried_cut(left, right)
                return T(None, cut.src if cut else left.src, pending=pending, raw=raw, pred=pred,
                         tail=_both_tails(left, right), cut=cut.cut if cut else None)
            return self.tied(left, right, node, left_node, right_node, op, pending, raw, pred)
        la, lb = _lead_ones_off(a), _lead_ones_off(b)  # (1, B, 1): a list of one (B, 1) array, as numpy stacks it
        if (len(a) == 1 and _column(lb) and _compatible(a[0], lb[0]) and not _grid(right) or
                len(b) == 1 and _column(la) and _compatible(b[0], la[0]) and not _grid(left)):
            pending = pending | {self.candidate("TLW003", node, (left_node, left), (right_node, right), op)}
            return T(_broadcast_dims(a, b), (node.lineno, "{}", node), pending=pending, raw=raw, pred=pred)
        if _deep_column(b) and (len(a) == 1 or _column(a) and b[-2] == 1) and _compatible(a[0], b[0]) and \
                a[0] not in b[1:-1] or _deep_column(a) and (len(b) == 1 or _column(b) and a[-2] == 1) and \
                _compatible(b[0], a[0]) and b[0] not in a[1:-1]:
            # (B,) or (B, 1) against (B, 1, 1): (B, 1, B) or (B, B, 1). A (B, 1) against a (B, n, 1) of an n not
            # known is no B x B known: its batch meets the n, which must be 1 or B not to fail
            pending = pending | {self.candidate("TLW003", node, (left_node, left), (right_node, right), op)}
            return T(_broadcast_dims(a, b), (node.lineno, "{}", node), pending=pending, raw=raw, pred=pred)
        dims = _broadcast_dims(a, b)
        src = left.src if len(a) >= len(b) else right.src
        return T(dims, src, pending=pending, raw=raw, pred=pred, npy=left.npy and right.npy)

    def tied(self, left, right, node, left_node, right_node, op, pending, raw, pred):
        """Two operands of unknown rank meet, one or both tied to an input's shape (see Anchor)."""
        ra, rb = left.rel, right.rel
        src = left.src
        if ra is None or rb is None or ra[0] is not rb[0]:  # one side's shape not known, or tied to another input
            # a column's batch axis stays where it was: each side's, so either tie holds (an exact one's first)
            columns = [(r, side) for r, side in ((ra, left), (rb, right)) if r is not None and r[3]]
            tail = _both_tails(left, right)  # minimum(q1(s, a), q2(s, a)): two (..., 1), each its own tie
            if not columns:
                return T(None, src, pending=pending, raw=raw, pred=pred, tail=tail)
            rel, side = max(columns, key=lambda item: item[0][2])
            return T(None, side.src, pending=pending, raw=raw, pred=pred, tail=tail, rel=(rel[0], rel[1], False, True))
        if ra[1] != rb[1]:
            vector, column = (ra, rb) if ra[1] < rb[1] else (rb, ra)
            if vector[2] and column[3]:  # an exact value and a column of one anchor, batch axes apart
                pending = pending | {self.candidate("TLW003", node, (left_node, left), (right_node, right), op)}
            return T(None, src, pending=pending, raw=raw, pred=pred)
        exact = ra[2] and rb[2]
        tail = _both_tails(left, right)
        column = (ra[3] or rb[3]) and not (exact and tail is not None and tail != 1)
        rel = (ra[0], ra[1], exact, column) if exact or column else None
        return T(None, src, pending=pending, raw=raw, pred=pred, tail=tail, rel=rel)

    def candidate(self, code, node, left, right, op, placeholders=(), fed=False):
        made = Candidate(code, node, left, right, op, placeholders, fed=fed)
        self.candidates.append(made)
        return made

    def reduce(self, value, name, node):
        """A value is reduced: the broadcasts it carries become findings (one per reduction)."""
        if isinstance(value, T):
            for cand in value.pending:  # made here or in a module beside this one: reported where made
                if cand.reduced is None:
                    cand.reduced = name
                    cand.reduced_by = node
            if value.ph is not None and value.ph not in self.reduced_ph:
                self.reduced_ph[value.ph] = (name, node)
                for fed in self.feeds.get(value.ph, ()):  # fed before the graph was built
                    self.reduce_fed(fed, value.ph)
        elif isinstance(value, tuple):
            for item in value:
                self.reduce(item, name, node)

    def reduce_fed(self, fed, ph):
        """What an unknown-rank placeholder is fed is reduced where the graph reduces the placeholder: a B x B made
        in numpy (`returns - values` of values a session fetched) and fed to it is what the loss sums."""
        if not isinstance(fed, T):
            return
        name, node = self.reduced_ph[ph]
        names = sorted(self.placeholder_names.get(ph, ()))
        for cand in fed.pending:
            if cand.reduced is None:
                cand.reduced, cand.reduced_by = f"{name} once fed to {names[0]}" if names else name, node
                cand.numpy = True

    def loss_call_combines(self, node, left_node, right_node):
        fn = next((f for f in reversed(self.active) if f.cls is not None and f.cls.kind == "loss"), None)
        where = "Loss.call" if fn is not None and self.active and self.active[-1] is fn else \
            f"{self.active[-1].node.name}, called from Loss.call," if self.active else "Loss.call"
        finding = Finding(
            self.path, node.lineno - self.offset, node.col_offset + 1, "TLW004",
            f"{where} combines {_short(left_node, 30)} and {_short(right_node, 30)} elementwise before anything "
            "brings y_true and y_pred to one shape: under Keras 3 (tf.keras from TensorFlow 2.16 on), (B,) labels "
            "against (B, 1) outputs broadcast to (B, B)")
        self.direct.append(finding)
        if fn is not None:
            self.direct_cls[id(finding)] = fn.cls

    def keras_training(self, receiver, name, args, kw, node):
        """`model.compile(loss=MyLoss())`, `model.fit(x, y)`: which models a Loss subclass trains, on what labels;
        a plain function (or method) given to compile is walked on the model's outputs (see compiled_fn)."""
        if type(receiver) is Inst:  # a Model subclass with its own call, no train_step
            self.subclass_training(receiver, name, args, kw, node)
            return
        if name == "compile":
            loss = kw.get("loss", args[1] if len(args) > 1 else None)
            if isinstance(receiver, Model) and (type(loss) in (Fn, Bound, Lam) or isinstance(loss, tuple)):
                self.compiled_fn(loss, receiver, node)  # a lambda too: `loss=lambda t, p: custom(t, p, 0.5)`
                self.compiled_fns.setdefault(id(receiver), []).append((loss, node))
            metrics = kw.get("metrics")  # a metric function is handed the labels as the loss is, in either
            for metric in metrics if isinstance(receiver, Model) and isinstance(metrics, tuple) else ():
                if type(metric) in (Fn, Bound, Lam):  # generation (Keras 2's compile container, Keras 3's wrapper)
                    self.compiled_fn(metric, receiver, node)
                    self.compiled_fns.setdefault(id(receiver), []).append((metric, node))
            if type(loss) is Inst and loss.cls.kind == "loss":
                self.compiled.setdefault(id(loss.cls), []).append(receiver if isinstance(receiver, Model) else None)
                call = loss.cls.method("call")
                if isinstance(receiver, Model) and call is not None:  # walked on the labels a fit gives it
                    self.compiled_fns.setdefault(id(receiver), []).append((Bound(loss, call), node))
        elif name in ("fit", "train_on_batch", "evaluate", "test_on_batch") and isinstance(receiver, Model):
            labels = kw.get("y", args[1] if len(args) > 1 else None)
            data = _arg(args, kw, 0, "x")
            if type(data) is Data and type(data.item) is tuple and len(data.item) == 2:
                data, labels = data.item[0], data.item[1] if labels is None else labels  # fit(dataset): its batches
            data = _a_batch_of(data)
            self.fitted.setdefault(id(receiver), []).append(labels)
            if isinstance(labels, T) and labels.dims is not None and len(labels.dims) == 1:
                for loss, compiled in self.compiled_fns.get(id(receiver), []):
                    for generation in ((2,) if self.keras2 else (2, 3) if not self.keras3 else (3,)):
                        self.compiled_fn(loss, receiver, compiled, labels_of=generation, data=data)
            elif isinstance(labels, T) and labels.dims and len(labels.dims) >= 2 and type(labels.dims[-1]) is int:
                for loss, compiled in self.compiled_fns.get(id(receiver), []):  # targets packed in columns
                    self.compiled_fn(loss, receiver, compiled, given=labels, data=data)
            if name in ("fit", "train_on_batch"):  # targets made B x B: the model's loss reduces them
                self.reduce(labels, f"{_short(node.func)}()", node)

    def subclass_training(self, inst, name, args, kw, node):
        """`model.compile(loss=[value_loss, policy_loss])` then `model.fit(x, [returns, combined])` of a Model
        subclass whose call gives its outputs: each function given to compile is walked at a fit on the output
        the call gives for a batch of x and on the labels given for that output, as compiled_fn walks a
        functional model's."""
        if name == "compile":
            loss = kw.get("loss", args[1] if len(args) > 1 else None)
            if type(loss) in (Fn, Bound) or isinstance(loss, tuple):
                self.compiled_fns.setdefault(id(inst), []).append((loss, node))
            return
        compiled = self.compiled_fns.get(id(inst))
        if not compiled or name not in ("fit", "train_on_batch", "evaluate", "test_on_batch"):
            return
        data, labels = _arg(args, kw, 0, "x"), kw.get("y", args[1] if len(args) > 1 else None)
        data = data if name.endswith("on_batch") else _a_batch_of(data)
        outs = self.call_fn(inst.cls.method("call"), [inst, data], {}) if isinstance(data, T) else None
        outs = outs if type(outs) is tuple else (outs,)
        for loss, where in compiled:
            losses = loss if isinstance(loss, tuple) else (loss,)
            given = labels if type(labels) is tuple and len(losses) > 1 else (labels,)
            if not len(losses) == len(outs) == len(given):
                continue
            for fn, out, y in zip(losses, outs, given, strict=True):
                if isinstance(y, T) and y.dims is not None and len(y.dims) == 1 and isinstance(out, T):
                    generations = (2,) if self.keras2 else (3,) if self.keras3 else (2, 3)
                    for generation in generations:
                        self.compiled_fn(fn, None, where, labels_of=generation, outs=out)
        if name in ("fit", "train_on_batch"):
            self.reduce(labels, f"{_short(node.func)}()", node)

    def estimator_step(self, estimator, input_fn):
        """`est.train(input_fn=f)`: the Estimator calls its model_fn on what f gives, `(features, labels)` (a tuple,
        or the elements of a dataset), labels as they come: a canned head brings them to the outputs' rank, a
        model_fn's own loss does not."""
        if type(input_fn) is InputFn:
            made = input_fn.item
        elif type(input_fn) is Fn:
            made = self.call_fn(input_fn, [], {})
        elif type(input_fn) is Lam:
            made = self.call_lambda(input_fn, [])
        else:
            return
        made = made.item if type(made) is Data else made
        features, labels = made if type(made) is tuple and len(made) == 2 else (made, None)
        given = {"features": features, "labels": labels, "mode": None, "params": estimator.params, "config": None}
        spec = estimator.fn.node.args
        names = [a.arg for a in (*spec.posonlyargs, *spec.args)]
        self.call_fn(estimator.fn, [given.get(n) for n in names], {})

    def keras_step(self, inst, name, args, kw):
        """`model.fit(x, y)` of a Model subclass with its own `train_step(data)` (`evaluate`: `test_step`): Keras
        hands it each batch as it comes, `(x_batch, y_batch)`, with no labels brought to the outputs' rank (that
        happens only inside `compiled_loss` / `compute_loss`), so the step is walked on batches of fit's arrays, or
        on the elements of the dataset it is given."""
        x, y = _arg(args, kw, 0, "x"), _arg(args, kw, 1, "y")
        labelled = len(args) > 1 or "y" in kw  # fit(x, y): the step is handed (x, y) pairs, even of shapes unknown
        if type(x) is Data:
            data = x.item
        elif name in ("train_on_batch", "test_on_batch"):  # arrays handed on as tensors
            data = tuple(v.like() if type(v) is T else v for v in (x, y)) if labelled else \
                x.like() if type(x) is T else x
        else:
            data = (_a_batch_of(x), _a_batch_of(y)) if labelled else (_a_batch_of(x),) if type(x) is tuple else \
                _a_batch_of(x)  # fit([a, b, c]): the step is handed `(x,)`, x the batches of the three (both measured)
        graph = inst.cls.attr(" graph")
        if type(data) is tuple and len(data) == 2 and data[0] is None and isinstance(graph, Model) and \
                isinstance(graph.inputs, T) and graph.inputs.dims:  # x of the shape the model's Input declares
            data = (graph.inputs.like(dims=("B", *graph.inputs.dims[1:])), data[1])
        if data is not None:
            self.call_fn(inst.cls.method(STEP_OF[name]), [inst, data], {})

    def compiled_fn(self, loss, model, node, labels_of=None, given=None, data=None, outs=None):
        """A function given to compile is called with the model's outputs as y_pred, and with labels that Keras
        brings to their rank: y_true is of that rank, its first axis the batch, the others not known, but (B, 1)
        against (B, 1) outputs (both generations expand (B,) labels there). Against (B, k) outputs the two differ
        on (B,) labels: Keras 2 expands them to (B, 1), Keras 3 passes them as they are (both measured: a loss
        of `y_pred[:, 0] - y_true` broadcasts under tf_keras 2.21, not under Keras 3.15; `y_pred[:, 0:1] - y_true`
        the other way round). `labels_of`, from a `fit` on (B,) labels, walks the function again on the labels
        one generation gives it (2: not where the file shows signs of Keras 3); `given`, labels of the outputs' rank
        packed with more columns than the outputs have (`zip(actions, returns)` against a Dense(1)), walks it on
        those, as both generations pass them. What the function makes of them is then followed: `K.sum(y_true *
        y_pred, axis=-1)` is (B,), and meets a (B, 1) `Input` it closes over. A Loss subclass's `call` is walked so
        too, at a fit only: compile's container brings labels to the outputs' rank for it as for a function in
        Keras 2, and Keras 3 passes them as they are (the walk with both raw, for TLW004, is the class pass's).
        `data`, a batch of the inputs a fit gives, shapes the outputs of a model that declares none (a Sequential
        of layers only, built on its first batch); `outs`, a subclass's outputs its call gave. (B,) labels against
        outputs of rank 3 or more, (B, 1, 1) values of states stacked as (1, n) rows, are passed as they are by
        both generations (each brings ranks one apart together only)."""
        if outs is None:
            outs = self.model_out(model, None, node)
            if data is not None and not (isinstance(outs, T) and outs.dims):
                outs = self.model_out(model, data, node)
        losses = loss if isinstance(loss, tuple) else (loss,)
        outs = outs if isinstance(outs, tuple) else (outs,)
        if len(losses) != len(outs):  # loss=[f] for outputs=[policy]; one loss for each output
            return
        words = {None: "labels as Keras gives them to {}'s loss, of its outputs' rank",
                 2: "(B,) labels as Keras 2 gives them to {}'s loss of several columns: (B, 1)",
                 3: "(B,) labels as Keras 3 gives them to {}'s loss of several columns, as they are"}[labels_of]
        where = (node.lineno, words, node.func.value)

        def walked(fn, labels, out):
            if type(fn) is Lam:
                return self.call_lambda(fn, [labels, out.like(pred=True)])
            return self.call_fn(fn.fn if type(fn) is Bound else fn, [*([fn.inst] if type(fn) is Bound else []),
                                                                      labels, out.like(pred=True)], {})
        for fn, out in zip(losses, outs, strict=True):
            if type(fn) not in (Fn, Bound, Lam) or not isinstance(out, T) or not out.dims:
                continue
            if given is not None:
                if len(given.dims) != len(out.dims) or given.dims[-1] == out.dims[-1]:
                    continue
                batch = given.dims[0] if type(given.dims[0]) is int else "B"  # train_on_batch(x, [[a, td]]): 1
                labels = given.like(dims=(batch, *given.dims[1:]), pending=frozenset(), raw=None, ph=None)
                self.reduce(walked(fn, labels, out), KERAS_MEAN, node)
                continue
            if labels_of is not None and len(out.dims) >= 3:  # (B,) labels as they are, in either generation
                if labels_of == 3 or self.keras2:  # walked once
                    vector = T(("B",), (node.lineno, "(B,) labels as Keras gives them to {}'s loss of rank-"
                                        f"{len(out.dims)} outputs, as they are", node.func.value))
                    self.reduce(walked(fn, vector, out), KERAS_MEAN, node)
                continue
            columns = len(out.dims) == 2 and isinstance(out.dims[-1], int)
            if labels_of is not None and not (columns and out.dims[-1] != 1):
                continue  # the generations differ only on outputs of several columns
            dims = ("B", 1) if columns and (out.dims[-1] == 1 or labels_of == 2) else ("B",) if labels_of == 3 else \
                ("B", *[None] * (len(out.dims) - 1))
            made = walked(fn, T(dims, where), out)
            if labels_of is not None:  # labels a fit was seen given (the walk at compile guesses them)
                self.reduce(made, KERAS_MEAN, node)

    def only_compiled(self, cls) -> bool:
        """The subclass is given to compile and never called directly: in a project pinned to Keras 2, compile's
        container brings (B,) labels to a rank-2 output's rank before its call sees them (TLW004 is Keras 3's)."""
        return bool(self.compiled.get(id(cls))) and not self.loss_called.get(id(cls))

    def left_unused(self, cls) -> bool:
        """The subclass is named nowhere but its own `class` line, in a script that compiles its models with other
        losses: it trains nothing (a course file's class written beside the function it compiles). A module of
        losses for others to use (no compile of its own) is still told."""
        return ".compile(" in self.source and len(re.findall(rf"\b{re.escape(cls.node.name)}\b", self.source)) == 1

    def fitted_on_columns(self, cls) -> bool:
        """The subclass is used, and every use is on labels of rank 2 or more (a (B, 1) column against the (B, 1)
        outputs: no B x B in either generation): each model compiled with it is one the scan knows, fitted on
        such labels, and each direct call `loss(y_true, y_pred)` is given such labels."""
        models, called = self.compiled.get(id(cls), []), self.loss_called.get(id(cls), [])
        if not models and not called or any(m is None or not self.fitted.get(id(m)) for m in models):
            return False
        labels = [y for m in models for y in self.fitted[id(m)]] + called
        return all(isinstance(y, T) and not y.unk and (y.ge2 or y.tail is not None or
                                                       y.dims is not None and len(y.dims) >= 2) for y in labels)

    def e_subscript(self, node, fr):
        value = self.ev(node.value, fr)
        index = node.slice
        if isinstance(value, Mod) and value.path in ("numpy.c_", "np.c_"):
            return self.column_stack(index, node, fr)
        if isinstance(value, tuple):
            if type(index) is ast.Slice:  # x.shape[-2:]: those axes
                bounds = [self.ev(b, fr) if b is not None else None for b in (index.lower, index.upper, index.step)]
                if all(b is None or type(b) is int for b in bounds):
                    return value[slice(*bounds)]
                return None
            position = self.ev(index, fr)
            if isinstance(position, int) and -len(value) <= position < len(value):
                return value[position]
            return None
        if isinstance(value, ShapeOf):
            self.ev(index, fr)
            return NUM
        if value is ENV_STEP:  # step_result[1]: the reward
            return NUM if self.ev(index, fr) == 1 else None
        if value is BOUNDS:  # env.action_space.high[0]
            position = self.ev(index, fr)
            return NUM if isinstance(position, int) and not isinstance(position, bool) or position is NUM else None
        if isinstance(value, Record):  # batch['rew']; bunch['data']
            key = self.ev(index, fr)
            return value.attrs.get(key) if isinstance(key, str) else None
        if type(value) is Built:  # lst[i] is one of its items, lst[::-1] has the same items
            self.ev(index, fr)
            if type(index) is ast.Slice:
                return Built(value.item)
            return None if value.item is MISSING or type(index) is ast.Tuple else value.item
        if value is TABLE_ROW:  # train_df.loc[idx]["qed"]
            return NUM if isinstance(self.ev(index, fr), str) else None
        if value is SERIES_INDEXER:  # labels.iloc[i], s.loc['a']: one value; labels.iloc[a:b]: rows of it
            if type(index) is ast.Slice:
                return Table(True, (node.lineno, "pandas column {}", node))
            item = self.ev(index, fr)
            return NUM if item is NUM or type(item) in (int, str) else None
        if value is TABLE_INDEXER:  # df.iloc[:, -1], df.loc[:, 'y']: a column; df.iloc[:, :-1], [:, ['a', 'b']]
            parts = index.elts if type(index) is ast.Tuple else [index]
            rows = [self.ev(part, fr) for part in parts]
            if type(parts[0]) is not ast.Slice and (isinstance(rows[0], int) or rows[0] is NUM) and \
                    (len(parts) == 1 or len(parts) == 2 and isinstance(rows[1], str)):  # one row; one cell of it
                return TABLE_ROW if len(parts) == 1 else NUM
            if type(parts[0]) is not ast.Slice or len(parts) > 2:
                return None
            if len(parts) == 1 or type(parts[1]) in (ast.Slice, ast.List):
                return Table(False)
            column = parts[1]
            if type(column) is ast.UnaryOp and type(column.op) is ast.USub:
                column = column.operand
            if type(column) is ast.Constant and type(column.value) in (int, str):
                return Table(True, (node.lineno, "pandas column {}", node))
            return None
        if type(value) is Table:  # df['col'] is a column; df[['a', 'b']] a table
            if value.series:  # df['close'][n:], y[y.index <= end]: rows of the column
                return value if type(index) is ast.Slice or _a_mask(index) else None
            column = self.ev(index, fr)
            if isinstance(column, str):
                return Table(True, (node.lineno, "pandas column {}", node))
            names = column if type(index) is ast.List and isinstance(column, tuple) else ()
            return Table(False) if names and all(isinstance(c, str) for c in names) else None
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        items = [self.ev(p, fr) if not isinstance(p, ast.Slice) else self.e_slice(p, fr) for p in parts]
        items = [NUM if item is None and _offset_index(p) else item for p, item in zip(parts, items, strict=True)]
        items = [self.list_as_array(item, p) if type(item) is Built and _scalar(item.item) else item
                 for p, item in zip(parts, items, strict=True)]  # target[train_indices] of a list of indices
        cut = self.column_cut(node, value, parts, items, fr)
        if cut is not None:
            return cut
        if not isinstance(value, T):
            if value is None and len(parts) >= 2 and all(isinstance(p, ast.Slice) for p in parts):
                return T(None, (node.lineno, "sliced {}", node), ge2=True)  # data[:, 8:]: rank 2 or more
            return None
        if value.dims is None and value.le2 and isinstance(index, ast.Tuple) and len(parts) == 2:
            value = value.like(dims=(None, None))
        if value.dims is None:
            if value.raw and isinstance(index, ast.Tuple):
                return T(None, value.src)
            if value.unk:
                return None
            last = value.tail if value.tail is not None else value.end
            if last is not None and len(items) == 1:  # one index on the first axis keeps the last
                item, src = items[0], (node.lineno, "sliced {}", node)
                if item is SLICE or isinstance(item, T) and item.dims is not None and len(item.dims) == 1:
                    return T(None, value.src, pending=value.pending, pred=value.pred, tail=value.tail, end=value.end,
                             npy=value.npy)
                if isinstance(item, int) or item is NUM:  # rank >= 2 less one: rank >= 1 (of rank >= 1: unknown)
                    return T(None, src, pending=value.pending, pred=value.pred, end=value.tail)
            # an index of a rank not known: what it keeps of the last axis, or of the input's, is not known
            return value.like(raw=value.raw, ph=None, unk=False, tail=None, rel=None, end=None)
        return self.index(value, parts, items, node)

    def column_stack(self, index, node, fr):
        """`np.c_[np.ones((m, 1)), X]`: arrays side by side along their last axis, a vector as a column."""
        values = [self.ev(p, fr) for p in (index.elts if type(index) is ast.Tuple else [index])]
        if not all(isinstance(v, T) and v.dims is not None and len(v.dims) in (1, 2) for v in values):
            return None
        columns = [v.dims if len(v.dims) == 2 else (v.dims[0], 1) for v in values]
        rows = next((c[0] for c in columns if c[0] is not None), None)  # numpy takes only one number of rows
        widths = [c[1] for c in columns]
        width = sum(widths) if all(type(w) is int for w in widths) else None
        return T((rows, width), (node.lineno, "{}", node))

    def column_cut(self, node, value, parts, items, fr):
        """`X[:, :1]` and `X[:, 2]` of a name X whose rank is not known: (S0, 1, S2, ...) and (S0, S2, ...) of X's
        shape S, which broadcast to (S0, S0, S2, ...) at any rank: packed targets unpacked in a compile() loss."""
        if type(node.value) is not ast.Name or len(parts) != 2 or not (type(parts[0]) is ast.Slice and
                                                                        _full_slice(parts[0])):
            return None
        if not (value is None or isinstance(value, T) and _shapeless(value)):
            return None
        item = items[1]
        if isinstance(item, int) and not isinstance(item, bool) or item is NUM:
            kind = "drop"  # X[:, 2], X[:, 1 + n]: an integer drops the axis
        elif item is SLICE and _slice_length(parts[1], None, self.bounds.get(id(parts[1]))) == 1:
            kind = "keep"
        else:
            return None
        src = (node.lineno, "sliced {}", node)
        name = node.value.id
        key = (id(fr.locals), name, self.bound.setdefault(name, {}).get(id(fr.locals), 0))  # until assigned again
        return T(None, src, cut=(key, kind, node))

    def e_slice(self, node, fr):
        values = [self.ev(part, fr) if part is not None else None for part in (node.lower, node.upper, node.step)]
        if any(type(v) is int for v, p in zip(values[:2], (node.lower, node.upper), strict=True)
               if p is not None and type(p) is not ast.Constant):  # kept only where a bound is a name's value
            self.bounds[id(node)] = tuple(v if type(v) is int else None if p is None else NUM
                                          for v, p in zip(values[:2], (node.lower, node.upper), strict=True))
        else:
            self.bounds.pop(id(node), None)
        return SLICE

    def index(self, value, parts, items, node):
        dims = list(value.dims)
        out = []
        axis = 0
        ellipsis = [i for i, item in enumerate(items) if item is ELLIPSIS]
        if ellipsis:
            at = ellipsis[0]
            used = sum(1 for item in items if item is not ELLIPSIS and item is not PYNONE and not _newaxis(item))
            fill = len(dims) - used
            if fill < 0:
                return None
            items = items[:at] + [FULL] * fill + items[at + 1:]
            parts = parts[:at] + [None] * fill + parts[at + 1:]
        # two index arrays or more (`q[np.arange(n), actions]`) are broadcast together, as numpy does: one set of
        # axes where they stand when they stand together (integers between them count with them), else first
        arrays = [i for i, item in enumerate(items) if isinstance(item, T) and item.dims]
        together = None
        if len(arrays) > 1:
            together = functools.reduce(_broadcast_dims, (items[i].dims for i in arrays))
            if together[:1] == (None,) and arrays[0] == 0:
                together = ("B", *together[1:])  # rows picked from the first axis: a batch, as one array's are
            between = items[arrays[0]:arrays[-1] + 1]
            if not all(isinstance(item, T) and item.dims or isinstance(item, int) or item is NUM for item in between):
                out.extend(together)  # apart: the broadcast axes come first
                together = ()
        for position, (part, item) in enumerate(zip(parts, items, strict=False)):
            if item is PYNONE or _newaxis(item):
                out.append(1)
                continue
            if axis >= len(dims):
                return None
            if together is not None and position in arrays:
                if position == arrays[0]:
                    out.extend(together)
            elif item is FULL or (item is SLICE and _full_slice(part)):
                out.append(dims[axis])
            elif item is SLICE:
                out.append("B" if axis == 0 else _slice_length(part, dims[axis], self.bounds.get(id(part))))
            elif isinstance(item, int) or item is NUM:
                pass  # an integer index drops the axis
            elif isinstance(item, T) and item.dims is not None and len(item.dims) == 1:
                out.append("B" if axis == 0 else item.dims[0])
            elif isinstance(item, T) and item.dims and len(items) == 1 and len(item.dims) > len(dims):
                out.extend(item.dims)  # x[windows]: integers of more axes than x has (a mask has x's): their shape
            elif isinstance(item, T) and item.dims == ():
                pass
            elif item is RANGE:  # dataset[range(i - 2, i)]: a window of rows, of a length not worked out
                out.append(None)
            else:
                return None
            axis += 1
        out.extend(dims[axis:])
        return T(tuple(out), (node.lineno, "sliced {}", node), pending=value.pending, pred=value.pred, npy=value.npy)

    # calls
    def e_call(self, node, fr):
        func = node.func
        inherited = _super_method(func, fr, self) if type(func) is ast.Attribute else None
        if inherited is not None:  # super().__init__(env): the base's own, on this instance (a base in a module
            method, inst = inherited  # beside this one sets self.gamma there)
            args = [self.ev(a, fr) for a in node.args if type(a) is not ast.Starred]
            return self.call_fn(method, [inst, *args], {k.arg: self.ev(k.value, fr) for k in node.keywords if k.arg})
        if type(func) is ast.Attribute and func.attr in GRAPH_INITS and fr.cls is not None and \
                fr.cls.kind == "model" and _graph_init(func):
            return self.graph_network(node, fr)
        if type(func) is ast.Attribute and func.attr == "call" and _graph_init(func) and node.args and \
                type(fr.fn) is Fn and fr.fn.cls is not None and isinstance(graph := fr.fn.cls.attr(" graph"), Model):
            # `def call(self, inputs): return super().call(inputs)` of a functional subclass: its graph's output
            return self.model_out(graph, self.ev(node.args[0], fr), node)
        receiver = step = MISSING
        # what is called (`model(s)`), or whose method (`agent.learn(...)`): on an Either, the call on each instance
        # it may be, the results joined
        called = self.either.pop(id(node), MISSING) if self.either else MISSING
        if called is MISSING:
            called = self.ev(func.value if type(func) is ast.Attribute else func, fr)
        if type(called) is Either:
            result = MISSING
            for option in called.options:
                self.either[id(node)] = option
                value = self.e_call(node, fr)
                result = value if result is MISSING else _join(result, value)
            return result
        if type(func) is ast.Attribute:
            receiver = called
            name = func.attr
            if isinstance(receiver, Mod):
                callee = Mod(f"{receiver.path}.{name}")
            elif isinstance(receiver, Inst):
                callee = receiver.cls.attr(name)
                if receiver.cls.kind == "model" and name in STEP_OF and receiver.cls.method(STEP_OF[name]):
                    step = receiver  # model.fit(x, y) of a subclass with its own train_step: walked below
                if callee is MISSING:
                    callee = _bind(receiver, receiver.cls.method(name))
                    graph = receiver.cls.attr(" graph")
                    if callee is None and name == "add" and graph is MISSING and \
                            receiver.cls.attr(" sequential") is True and receiver.cls.method("call") is None:
                        graph = receiver.cls.attrs[" graph"] = Model([], line=node.lineno)  # Replica().add(layer)
                    if callee is None and isinstance(graph, Model):  # critic.predict(x) of a functional subclass
                        receiver, callee = graph, MISSING
                    elif callee is None and receiver.cls.kind == "model" and name in MODEL_CALLS and \
                            receiver.cls.method("call") is not None:  # self.predict_on_batch(x): its call(x)
                        callee = Bound(receiver, receiver.cls.method("call"))
            elif isinstance(receiver, Cls):
                callee = receiver.method(name)
            elif type(receiver) is Beside:  # nn.QFunction(...): what that module binds
                callee = receiver.get(name)
            else:
                callee = MISSING
        else:
            callee = called
            name = getattr(func, "id", "")
        table = EXPRESSIONS
        args = []
        spread_known = True
        for arg in node.args:
            handler = table.get(type(arg))
            if handler is not None:
                args.append(handler(self, arg, fr))
            elif type(arg) is ast.Starred:
                spread = self.ev(arg.value, fr)  # learn(*batch): the tuple's items, one argument each
                spread_known = spread_known and type(spread) is tuple and len(spread) <= 64
                args.extend(spread if type(spread) is tuple and len(spread) <= 64 else [None])
            else:
                self.ev(arg, fr)
                args.append(None)
        if spread_known and any(type(a) is ast.Starred for a in node.args):
            self.spread.add(id(node))
        kw = {}
        for keyword in node.keywords:
            value = keyword.value
            handler = table.get(type(value))
            value = handler(self, value, fr) if handler is not None else self.ev(value, fr)
            if keyword.arg:
                kw[keyword.arg] = value
            elif type(value) is Record:  # update(**batch): its keys, one argument each
                kw.update(value.attrs)
        if step is not MISSING:
            self.keras_step(step, name, args, kw)
        if callee is None and name in ("add_weight", "add_variable") and isinstance(receiver, Inst) and \
                receiver.cls.kind in ("layer", "model"):  # a custom layer's weight: of the shape it is given
            shape = kw.get("shape", next((a for a in args[:2] if isinstance(a, tuple)), None))
            if isinstance(shape, tuple) and all(isinstance(d, int) or d is NUM or d is None for d in shape):
                return T(tuple(d if isinstance(d, int) else None for d in shape), (node.lineno, "weight {}", node))
            return None
        if callee is None and name in KERAS_TRAINING and step is MISSING and type(receiver) is Inst and \
                receiver.cls.kind == "model" and receiver.cls.method("call") is not None:
            self.keras_training(receiver, name, args, kw, node)  # a subclass's compile and fit: Keras's own
        if callee is MISSING:
            if name in KERAS_TRAINING:
                self.keras_training(receiver, name, args, kw, node)
            if type(receiver) in (tuple, Built) and name in LIST_METHODS:
                return self.list_method(receiver, name, args, func.value, fr)
            if type(receiver) is Built and name in TENSOR_ARRAY_METHODS:
                return self.tensor_array(receiver, name, args, node)
            if type(receiver) is Env:
                target = self.unpacking[1] if self.unpacking and self.unpacking[0] == id(node) else None
                return _made(receiver, name == "step", target) if name in ("reset", "step") else None
            if name in ("run", "experimental_run_v2") and args and type(args[0]) in (Fn, Lam) and \
                    type(kw.get("args")) is tuple:  # strategy.run(step, args=(x, y)): step(x, y) on each replica
                return self.call_lambda(args[0], list(kw["args"])) if type(args[0]) is Lam else \
                    self.call_fn(args[0], list(kw["args"]), kw.get("kwargs").attrs
                                 if type(kw.get("kwargs")) is Record else {})
            feeds = kw.get("feed_dict", args[1] if len(args) > 1 else None) if name == "run" else None
            if (receiver is None or isinstance(receiver, T)) and type(feeds) is Feeds:  # a session handed in
                return _session_run(args[0] if args else kw.get("fetches"), feeds.values)
            if receiver is None and name not in NAMED_ON_ANYTHING:
                _poison(args)
                return ENV_STEP if _env_step(node) else None
            if args and type(receiver) in (Model, Layer) and name in MODEL_CALLS:
                args[0] = self.anchored(receiver, node.args[0], args[0], fr)
            return self.method(receiver, name, args, kw, node)
        if callee is None:
            if name not in PY_BUILTINS:
                _poison(args)
            return self.unknown_call(name, args, fr)
        kind = type(callee)
        if kind is Mod:
            canon = _canon(callee.path)
            if canon is None:
                if callee.path == "argparse.ArgumentParser":
                    return Parser()
                if callee.path in ("copy.copy", "copy.deepcopy") and len(args) == 1:  # the same value, apart
                    first = args[0]
                    return Built(first.item) if type(first) is Built else first.like() if type(first) is T else first
                if callee.path == "yfinance.Ticker":  # yf.Ticker("AAPL"): its history() is a table (see _canon)
                    return Mod("yfinance.Ticker()")
                if callee.path in ("gym.make", "gymnasium.make"):
                    return _gym_env(node, callee.path, _arg(args, kw, 0, "id"), self.five_item_steps())
                if callee.path.startswith("tensorlayer.layers."):
                    return self.tensorlayer(callee.path.rsplit(".", 1)[-1], args, kw, node)
                if callee.path == "collections.namedtuple":
                    names = _arg(args, kw, 1, "field_names")
                    names = tuple(names.replace(",", " ").split()) if isinstance(names, str) else names
                    return Fields(names) if isinstance(names, tuple) and all(isinstance(n, str) for n in names) \
                        else None
                if callee.path in SAME_ITEMS:  # random.sample(buffer, k), deque(maxlen=k): a list of the same items
                    if callee.path == "collections.deque" and args and args[0] is None:
                        return Built()  # deque(memory) of a memory the scan cannot see (a pickle): see SAME_ITEMS
                    if args and args[0] is RANGE:  # random.choices(range(len(buffer)), k=n): indices, numbers
                        return Built(NUM)
                    return Built() if not args else Built(args[0].item) if type(args[0]) is Built else None
                if not callee.path.startswith(SEEN_LIBRARIES):
                    _poison(args)
                return self.unknown_call(callee.path.rsplit(".", 1)[-1], args, fr)
            made = self.lib(canon[0], canon[1], args, kw, node)
            # numpy's functions make arrays; TensorFlow's and Keras's make tensors, of arrays too
            return made.like(npy=canon[0] == "np") if type(made) is T and made.npy != (canon[0] == "np") else made
        if kind is Fn:
            return self.call_fn(callee, args, kw)
        if kind is Fields:  # Transition(s, a, r, done=d): its fields in order, each a value or not known
            given = [*args, *[None] * (len(callee.names) - len(args))][:len(callee.names)]
            return tuple(kw.get(n, v) for n, v in zip(callee.names, given, strict=True))
        if kind is Bound:
            args = [self.handed(a, n, fr) for a, n in zip(args, node.args, strict=False)] + args[len(node.args):]
            result = self.call_fn(callee.fn, [callee.inst, *args], kw)
            return _stepped(result) if type(func) is ast.Attribute and _env_step(node) else result
        if kind is Cls:
            inst = Inst(callee)
            init = callee.method("__init__")
            if init is not None:
                held = {k: v for k, v in callee.attrs.items() if type(v) in (Inst, Either)}
                self.call_fn(init, [inst, *args], kw)
                for key, before in held.items():  # OnPolicyAgent(env, A2C()) on one branch, (env, PG()) on the
                    now = callee.attrs.get(key)  # other: the class's one instance holds either model
                    if type(now) in (Inst, Either) and _option_keys(now) != _option_keys(before):
                        callee.attrs[key] = _join(before, now)
                if not any(type(a) is ast.Starred for a in node.args) and all(k.arg for k in node.keywords):
                    _made_with(callee)
            elif callee.kind == "model" and (args or kw):  # CustomModel(inputs, outputs): Keras's own __init__
                graph = self.model("Model", args, kw, node)
                if isinstance(graph, Model):
                    callee.attrs[" graph"] = graph
            build = callee.method("build")
            if callee.kind == "model" and build is not None and callee.attr(" graph") is MISSING and \
                    callee.method("call") is None:  # a Network whose build() makes its graph: Keras builds it
                self.call_fn(build, [inst, None], {})
            return inst
        if kind is Inst:
            return self.call_inst(callee, args, kw, node)
        if kind is Layer:
            return self.apply_layer(callee, self.anchored(callee, node.args[0], args[0], fr) if args else
                                    kw.get("inputs"), node)
        if kind is Model:
            return self.model_out(callee, self.anchored(callee, node.args[0], args[0], fr) if args else
                                  kw.get("inputs", kw.get("x")), node)
        if callee is SAFE_LOSS and not self.keras3 and len(node.args) >= 2 and \
                not any(type(a) is ast.Starred for a in node.args) and \
                any(type(a) is T and a.npy or type(a) is Built for a in args[:2]):
            # tf_keras's loss objects (tf.keras's before TensorFlow 2.16) bring y_true to y_pred's rank only when
            # both are tensors: `mse(returns, values)` of numpy returns (B,) and a (B, 1) critic is B x B
            labels, predictions = (self.list_as_array(a, n) if type(a) is Built else a
                                   for a, n in zip(args[:2], node.args[:2], strict=True))
            result = self.elementwise(labels, predictions, node, node.args[0], node.args[1], "loss")
            self.reduce(result, "a built-in Keras loss object given a numpy array or a list (tf_keras, and tf.keras "
                                "before TensorFlow 2.16, align the ranks only when both are tensors)", node)
            return T((), (node.lineno, "a built-in Keras loss", None))
        if callee is SAFE_LOSS:
            # it brings y_true and y_pred to one rank, but a B x B made before it in either of them is still meant
            for value in (*args[:2], *(kw[k] for k in ("y_true", "y_pred") if k in kw)):
                if isinstance(value, T) and value.pending:
                    self.reduce(value, "a built-in Keras loss object (its mean)", node)
            return T((), (node.lineno, "a built-in Keras loss", None))
        if kind is Feeder:  # updater([states, actions, returns]): each input fed its item
            if args and type(args[0]) is tuple and len(args[0]) == len(callee.inputs):
                for where, fed in zip(callee.inputs, args[0], strict=True):
                    self.feed(where, fed)
            return None
        if callee is BUILTIN_LEN or callee is BUILTIN_INT:
            return NUM
        if callee is BUILTIN_RANGE:
            if args and not kw and len(args) <= 3 and all(type(a) is int for a in args) and 0 not in args[2:3]:
                self.range_lengths[id(node)] = len(range(*args))  # range(6) in np.array(range(6)): 6 items
            return RANGE
        if callee is BUILTIN_ZIP:
            if len(node.args) == 1 and type(node.args[0]) is ast.Starred:  # zip(*batch): the columns of its rows
                rows = self.ev(node.args[0].value, fr)
                if type(rows) is Built and type(rows.item) is tuple:
                    return tuple(Built(item) for item in rows.item)
                return None
            return Zip(args)
        if callee is BUILTIN_LIST:
            if args and type(args[0]) is Zip and args[0].items and all(type(i) is Built for i in args[0].items):
                return Built(tuple(i.item for i in args[0].items))  # list(zip(actions, returns)): rows of pairs
            if args and type(args[0]) is T and args[0].dims and name == "list":  # list(array): its rows
                return Built(self.element(args[0]))
            if args and type(args[0]) is Built:  # list(lst), reversed(lst), sorted(lst): the same items
                return Built(args[0].item) if name != "tuple" else None
            if name == "reversed":
                return tuple(reversed(args[0])) if args and isinstance(args[0], tuple) else None
            return args[0] if args and isinstance(args[0], tuple) and name != "sorted" else None
        if callee is BUILTIN_MAP:
            if len(args) == 2 and type(args[0]) is Mod and _canon(args[0].path) in ARRAY_OF_LIST and \
                    isinstance(args[1], tuple):  # map(np.asarray, zip(*batch)): an array of each column
                return tuple(self.from_list(column, node) if type(column) is Built else None for column in args[1])
            if len(args) == 2 and isinstance(args[0], (Lam, Fn)) and isinstance(args[1], tuple):
                return tuple(self.call_lambda(args[0], [item]) if isinstance(args[0], Lam) else
                             self.call_fn(args[0], [item], {}) for item in args[1])
            return None
        if kind is Lam:
            return self.call_lambda(callee, args)
        if callee is BUILTIN_ITER or callee is BUILTIN_NEXT:  # next(iter(dataset)): one of its elements
            data = args[0] if args and type(args[0]) is Data else None
            return data if callee is BUILTIN_ITER or data is None else data.item
        if kind is Record:
            return None
        if callee is BUILTIN_DICT:  # dict(obs=..., rew=...), dict(batch, rew=...)
            if not args:
                return Record(dict(kw), mutable=True)
            if len(args) == 1 and type(args[0]) is Record:
                return Record({**args[0].attrs, **kw}, mutable=True)
            pairs = args[0].items if len(args) == 1 and type(args[0]) is Zip else ()
            if len(pairs) == 2 and all(type(p) is tuple for p in pairs) and len(pairs[0]) == len(pairs[1]) and \
                    all(isinstance(k, str) for k in pairs[0]):  # dict(zip(CSV_COLUMNS, tf.decode_csv(...)))
                return Record({**dict(zip(*pairs, strict=True)), **kw}, mutable=True)
            return None
        if callee is BUILTIN_ABS:
            return self.unary(args[0] if args else None, node)
        if callee is BUILTIN_POW and len(args) == 2 and not kw:  # pow(x, 2): x ** 2
            return self.binary(args[0], args[1], node, node.args[0], node.args[1], ast.Pow)
        if callee is BUILTIN_REDUCE:  # max(priorities, default=1), sum(probs), min(a, b): one number of numbers
            if len(args) > 1:
                return NUM if all(_number(a) for a in args) else None
            items = args[0] if args else None
            if isinstance(items, T) and items.dims is not None and len(items.dims) == 1 and not items.unk:
                return NUM  # of a vector's numbers
            if type(items) is Built and (_scalar(items.item) or items.item is MISSING and _number(kw.get("default"))):
                return NUM
            if type(items) is tuple:  # of a list literal of numbers; of an empty one, its default
                return NUM if all(_number(i) for i in items) and (items or _number(kw.get("default"))) else None
            return None
        _poison(args)
        return self.unknown_call(name, args, fr)

    def call_inst(self, callee, args, kw, node):
        """An instance called: a loss's, a layer's or a model's own `call` (Keras builds a layer on its first input's
        shape first), or what a functional subclass's graph gives."""
        if callee.cls.kind == "loss":  # mse(y_true, y_pred)
            self.loss_called.setdefault(id(callee.cls), []).append(kw.get("y_true", args[0] if args else None))
        method = callee.cls.method("call") or callee.cls.method("__call__")
        if method is None and isinstance(callee.cls.attr(" graph"), Model):  # a functional model's subclass
            return self.model_out(callee.cls.attr(" graph"), args[0] if args else kw.get("inputs"), node)
        build = callee.cls.method("build")
        if callee.cls.kind in ("layer", "model") and method is not None and build is not None and \
                callee.cls.attr(" built") is MISSING:  # Keras builds a layer on its first input's shape
            callee.cls.attrs[" built"] = True
            first = args[0] if args else kw.get("inputs")
            shape = None if not isinstance(first, T) else ShapeOf(first) if first.dims is None else \
                tuple(d if isinstance(d, int) else NUM for d in first.dims)
            self.call_fn(build, [callee, shape], {})
        return self.call_fn(method, [callee, *args], kw) if method is not None else None

    def graph_network(self, node, fr):
        """`super().__init__(inputs=inp, outputs=out)` in a Keras Model subclass (of a Sequential one, its
        `super().__init__([layers])`), or TF 1's
        `self._init_graph_network(inputs, outputs)` in a `Network` one's build(): calling an instance (or its
        predict) gives what the functional model of those tensors gives."""
        args = [self.ev(a, fr) for a in node.args if type(a) is not ast.Starred]
        kw = {k.arg: self.ev(k.value, fr) for k in node.keywords if k.arg}
        graph = self.model("Sequential" if fr.cls.attr(" sequential") is True else "Model", args, kw, node)
        if isinstance(graph, Model):
            fr.cls.attrs[" graph"] = graph
        return None

    def list_method(self, receiver, name, args, owner_node, fr):
        """`lst.append(x)`, `lst.insert(0, x)`, `lst.extend(xs)` on a list: the items it holds (see Built)."""
        built = receiver if type(receiver) is Built else _as_built(receiver)
        if name in ("append", "insert"):
            built.add(args[-1] if args else None)
        elif name == "extend":
            given = args[0] if args else None
            if isinstance(given, T) and given.dims and not given.unk:  # lst.extend(adv) of an (N, 1) array: its rows
                built.add(given.like(dims=given.dims[1:], pending=frozenset(), raw=None, ph=None))
            else:
                more = _as_built(given)
                built.add(None if more is None else more.item)
        elif name == "copy":  # rewards.copy(): a list of the same items
            return Built(built.item)
        built.last = args[-1] if name == "append" and args else MISSING  # pop, reverse, insert...: another last
        if built is not receiver and type(owner_node) is ast.Name and owner_node.id not in fr.locals:
            # a module's `transitions = []` grown in a function: the list the module holds
            scope = next((s for s in (*fr.closure, self.globals) if owner_node.id in s), fr.locals)
            scope[owner_node.id] = built
        elif built is not receiver and type(owner_node) in (ast.Name, ast.Attribute):
            self.assign(owner_node, built, fr)
        return built.item if name == "pop" and built.item is not MISSING else None

    def tensor_array(self, array, name, args, node):
        """A tf.TensorArray, a list the graph grows: `ta.write(t, v)` adds v and gives the array (changed in place,
        as eager TensorFlow does); `ta.stack()` the items stacked as np.array stacks a list; `ta.read(t)` one."""
        if name == "write":
            array.add(args[1] if len(args) > 1 else None)
            return array
        if name == "stack":
            return self.from_list(array, node)
        if name == "read":
            return array.item if array.item is not MISSING else None
        return NUM if name == "size" else None

    @staticmethod
    def anchored(callee, arg_node, value, fr):
        """A local name of unknown shape that a Dense-ending model or a Dense layer is called on: from here on the
        name holds a value tied to itself (an Anchor), so that what other models make of it can be compared."""
        if type(arg_node) is not ast.Name or not (value is None or type(value) is T and value.dims is None and
                                                  value.rel is None and not value.unk) or not _open_input(callee):
            return value
        name = arg_node.id
        if fr.locals.get(name, MISSING) is not value:
            return value
        made = T(None, (arg_node.lineno, name, None)) if value is None else value.like()
        made.rel = (Anchor(name), 1, True, False)
        fr.locals[name] = made
        return made

    @staticmethod
    def handed(value, arg_node, fr):
        """A local name of a shape not known handed to a method (`self.critic.step(obs)`, then
        `self.actor.get_cross_entropy(obs, act)`): tied to itself here, as a model called on it would tie it, so that
        what the models inside the methods make of it can be compared (see Anchor)."""
        if type(arg_node) is not ast.Name or value is not None or fr.locals.get(arg_node.id, MISSING) is not None:
            return value
        made = T(None, (arg_node.lineno, arg_node.id, None))
        made.rel = (Anchor(arg_node.id), 1, True, False)
        fr.locals[arg_node.id] = made
        return made

    def unknown_call(self, name, args, fr):
        """A function the scan cannot see into: only the names that align shapes are trusted by name."""
        if name in ALIGNING_NAMES:
            return tuple(self.aligned(a) for a in args) if len(args) > 1 else self.aligned(args[0]) if args else None
        if name in ALIGN_ASSERTS:
            self.assert_aligned(args, fr)
        return None

    def assert_aligned(self, args, fr):
        """assert_shapes / assert_equal on y_true or y_pred: the author made the shapes meet."""
        if any(isinstance(a, T) and a.raw for a in args) or any(
                isinstance(a, tuple) and any(isinstance(x, T) and x.raw for x in a) for a in args):
            for scope in (fr.locals,):
                for key, value in list(scope.items()):
                    if isinstance(value, T) and value.raw:
                        scope[key] = value.like(raw=None)

    @staticmethod
    def aligned(value):
        return value.like(raw=None) if isinstance(value, T) else value

    def traced(self, node) -> bool:
        """A function decorated `@tf.function` (or `@tf.function(...)`), or wrapped by name: `tf.function(step)`."""
        for d in getattr(node, "decorator_list", ()):
            d = d.func if type(d) is ast.Call else d
            if getattr(d, "attr", getattr(d, "id", None)) == "function":
                return True
        name = getattr(node, "name", None)
        return name is not None and re.search(rf"\bfunction\(\s*(self\.)?{re.escape(name)}\b", self.source) is not None

    def call_fn(self, fn, args, kw, depth_reset=False):
        home = fn.home
        if home is not None and home is not self:  # a sibling's function: its module's names, its findings
            return home.call_fn(fn, args, kw, depth_reset)
        """A call to one of the module's own functions: its body walked with these arguments' shapes."""
        if any(type(a) is T and a.npy for a in (*args, *kw.values())) and self.traced(fn.node):
            args = [a.like() if type(a) is T else a for a in args]  # a tf.function's numpy arguments: tensors in it
            kw = {k: v.like() if type(v) is T else v for k, v in kw.items()}
        if fn in self.active or (len(self.active) >= MAX_DEPTH and not depth_reset):
            self.unwalked(fn, args, kw)
            return None
        key = (id(fn), tuple(_sig(a) for a in args), tuple(sorted((k, _sig(v)) for k, v in kw.items())),
               depth_reset)  # a walk with arguments unknown, made before a call, does not answer for the call:
        # what the instance holds may have grown since (remember() filling the memory that replay() reads); nor
        # does a walk of a method made before a list an instance holds got its first item (sample() walked before
        # run() records into the buffer that sample() reads)
        if args and type(args[0]) is Inst:  # and the shapes it holds: a layer class's get_layer(x) after its
            key += (FILLED[0], tuple((k, v.key() if type(v) is T else v) for k, v in args[0].cls.attrs.items()
                                     if type(v) is T or v is PYNONE or type(v) is bool))
            # constructor made a (32, 1) weight answers anew, not from the walk made with its (64, 32) one
        if key in self.memo:
            self.unwalked(fn, args, kw)  # a list given to this walk again: what it appends is not seen twice
            result = self.memo[key]
            if key in self.wrote:  # the call sets them again: a constructor's DenseLayer(m, 1) after (m, n)
                args[0].cls.attrs.update(self.wrote[key])
            # a tie to an input made inside the walk stands for that call's value: another call's is another, the
            # same for all this call's outputs (a model's logits and values)
            return _retie(result, {a.rel[0] for a in (*args, *kw.values()) if type(a) is T and a.rel is not None},
                          {}) if _tied(result) else result
        walks = self.walks.get(id(fn), 0)
        small = self.small.get(id(node := fn.node))
        if small is None:
            small = self.small[id(node)] = _small(node)
        limit = SMALL_WALKS if small else MAX_WALKS
        if not depth_reset and (walks >= limit or len(self.memo) > 4 * len(self.functions) + 200):
            self.unwalked(fn, args, kw)
            return None  # enough walks of this function, or of this module: the rest is not followed
        self.walks[id(fn)] = walks + 1
        self.memo[key] = None
        fn.done = True
        node = fn.node
        spec = node.args
        params = [*spec.posonlyargs, *spec.args]
        local: dict[str, object] = {}
        defaults = [None] * (len(params) - len(spec.defaults)) + list(spec.defaults)
        for i, (param, default) in enumerate(zip(params, defaults, strict=False)):
            if i < len(args):
                local[param.arg] = args[i]
            elif param.arg in kw:
                local[param.arg] = kw[param.arg]
            else:
                value = self.e_constant(default, None) if isinstance(default, ast.Constant) else \
                    tuple(e.value for e in default.elts) if type(default) in (ast.List, ast.Tuple) and \
                    all(type(e) is ast.Constant for e in default.elts) else \
                    self.e_attribute(default, Frame({}, fn.closure)) if _dotted(default) else None
                local[param.arg] = Guess(value) if depth_reset and type(value) is str else value
        for param in spec.kwonlyargs:
            local[param.arg] = kw.get(param.arg)
        declared = self.declared.get(id(node))
        if declared is None:
            declared = self.declared[id(node)] = _docstring_shapes(node)
        for name, (dims, line) in declared.items():  # what no call gave: as the docstring says
            if local.get(name) is None:
                local[name] = T(dims, (line, f"declared in the docstring of {node.name}", None))
        if spec.vararg:
            local[spec.vararg.arg] = None
        if spec.kwarg:
            local[spec.kwarg.arg] = None
        frame = Frame(local, fn.closure, fn.cls, fn)
        if not depth_reset:  # a call's None, True and False (a walk with arguments unknown takes defaults as a guess)
            frame.defaults = {p.arg: local[p.arg] for p in params if local[p.arg] is PYNONE or
                              type(local[p.arg]) is bool}
        saved = self.active
        if depth_reset:
            self.active = []
        self.active.append(fn)
        attrs = args[0].cls.attrs if args and type(args[0]) is Inst else None
        before = dict(attrs) if attrs is not None else None
        try:
            self.block(node.body, frame)
        finally:
            self.active.pop()
            self.active = saved
        if attrs is not None:
            wrote = {k: v for k, v in attrs.items() if before.get(k, MISSING) is not v}
            if wrote:
                self.wrote[key] = wrote
        result = None
        returns = [r for r in frame.returns if r is not PYNONE] or frame.returns  # `if x is None: return`: a
        if returns:  # caller that uses the value as a tensor is on the path that returns one
            result = returns[0]
            for other in returns[1:]:
                result = _join(result, other)
        self.memo[key] = result
        return result

    # library calls
    def lib(self, ns, name, args, kw, node):
        """A TensorFlow, Keras or numpy call, by its name through the imports."""
        last = name.rsplit(".", 1)[-1]
        first = args[0] if args else None
        line = node.lineno
        if ns == "sk":
            return self.sklearn(last, args, kw, node)
        if ns == "tfl":  # tflearn's fully_connected flattens its input: (batch, n_units)
            if last != "fully_connected":
                return None
            units = _arg(args, kw, 1, "n_units")
            batch = first.dims[0] if isinstance(first, T) and first.dims else "B"
            units = units if type(units) is int else None
            words = f"tflearn fully_connected of {units} unit{'s' * (units != 1)}" if units else "tflearn layer"
            return T((batch, units), (line, words, None), pred=True)
        if ns == "tf" and name.endswith(("data.make_one_shot_iterator", "data.make_initializable_iterator")):
            return args[0] if args and type(args[0]) is Data else None  # tf.data.make_one_shot_iterator(ds)
        if ns == "tf" and name.endswith(("tpu.rewrite", "tpu.shard", "tpu.batch_parallel")) and \
                type(_arg(args, kw, 0, "computation")) is Fn and type(_arg(args, kw, 1, "inputs")) is tuple:
            return self.call_fn(_arg(args, kw, 0, "computation"), list(_arg(args, kw, 1, "inputs")), {})
        if ns == "tf" and name in ESTIMATORS:
            fn = _arg(args, kw, 0, "model_fn")
            return Estimator(fn, kw.get("params")) if type(fn) is Fn else None
        if ns == "tf" and last in ("numpy_input_fn", "pandas_input_fn") and name.startswith("estimator."):
            x, y = _arg(args, kw, 0, "x"), _arg(args, kw, 1, "y")  # batches of the rows (pandas: of the table's)
            y = y.array(node) if type(y) is Table else y
            x = Record({k: _a_batch_of(v) for k, v in x.attrs.items()}) if type(x) is Record else _a_batch_of(x)
            return InputFn((x, _a_batch_of(y)))
        if last == "unpack_x_y_sample_weight" and ns in ("k", "k2"):  # (x, y, sample_weight) of a batch
            if type(first) is tuple and 1 <= len(first) <= 3:
                return (*first, None, None)[:3]
            return (first, None, None) if isinstance(first, T) else None
        if ns == "pd":  # read_csv: a table of unique, flat column names (duplicates are renamed "X.1")
            header = kw.get("header")
            if name == "read_csv" and not isinstance(header, tuple) or name in PANDAS_TABLES:
                return Table(False)
            if name == "merge" and type(first) is Table and not first.series:  # pd.merge(df_k, df_basic, on=...)
                return Table(False)
            if name == "concat" and type(first) is tuple and first and all(type(t) is Table for t in first):
                rows = _arg(args, kw, 1, "axis", 0) in (0, "index")  # columns stacked side by side: a table
                return Table(rows and all(t.series for t in first))
            return Table(False) if name == "get_dummies" and type(first) is Table and not first.series else None
        if ns == "np" and last in ("array", "asarray") and type(first) is Table:  # np.array(df['y']): its values
            return first.array(node)
        if ns != "np" and any(_holds_table(a) for a in (*args, *kw.values())):  # converted to a tensor
            args = [_untable(a, node) for a in args]
            kw = {k: _untable(a, node) for k, a in kw.items()}
            first = args[0] if args else None
        if ns in ("k", "k2") and (name.startswith("losses.") or name.startswith("metrics.")):
            return self.keras_loss(ns, last, args, kw, node)
        if ns in ("k", "k2") and name == "binary_crossentropy":  # K.binary_crossentropy, keras.ops': elementwise
            target, output = _arg(args, kw, 0, "target"), _arg(args, kw, 1, "output")
            return self.elementwise(target, output, node, _arg_node(node, 0, "target"), _arg_node(node, 1, "output"),
                                    "binary_crossentropy") if isinstance(target, T) and isinstance(output, T) else None
        if ns == "tf" and name == "function" and type(first) in (Fn, Bound):  # tf.function(step): step, traced
            return first
        if ns in ("k", "k2") and name == "function":  # Keras 2's backend.function: a session run, fed in order
            inputs = _arg(args, kw, 0, "inputs")
            return Feeder(inputs) if type(inputs) is tuple else None
        if ns == "tf" and (self.tf2 or "y_true" in kw or "y_pred" in kw) and \
                (name.startswith("losses.") or name.startswith("metrics.")) and \
                last not in TF1_LOSSES - KERAS_LOSS_FNS:  # TF 2's tf.losses and tf.metrics are tf.keras's (TF 1's
            # take labels= and predictions=)
            return self.keras_loss("k2", last, args, kw, node)
        if ns == "tf" and name.startswith("losses."):
            return self.tf1_loss(last, args, kw, node)
        if ns in ("k", "k2") and name.startswith("datasets.") and last == "load_data":
            shapes = DATASETS.get(name.split(".")[1])
            if shapes is None:
                return None
            made = [T(s, (line, f"keras.datasets.{name.split('.')[1]}", None)) for s in shapes]
            return (made[0], made[1]), (made[2], made[3])
        if last in XENT_WITH_LOGITS or last in PER_SAMPLE_XENT:
            return self.xent(last, args, kw, node)
        if ns == "np" and type(first) is Built and (last in REDUCE_CONFIRM or last in REDUCE_SHAPE or last in UNARY):
            first = self.list_as_array(first, node.args[0])  # np.mean(rewards) of a list: of the array numpy makes
            args = [first, *args[1:]]
        if last in REDUCE_CONFIRM:
            value = first if args else kw.get("input_tensor", kw.get("x", kw.get("a")))
            self.reduce(value, last, node)
            return self.reduced(value, _axis(args, kw, "reduction_indices"), kw.get("keepdims", kw.get("keep_dims")),
                                node)
        if last in REDUCE_SHAPE:
            value = first if args else kw.get("input_tensor", kw.get("x"))
            return self.reduced(value, _axis(args, kw, "reduction_indices"), kw.get("keepdims", kw.get("keep_dims")),
                                node, drop_raw=True)
        if last in ("cumsum", "cumprod", "argsort", "sort"):  # along an axis: the same shape
            value = first if args else kw.get("x", kw.get("a", kw.get("values")))
            flat = _axis(args, kw, "axis") is (None if last in ("cumsum", "cumprod") else PYNONE)
            if ns == "np" and flat:  # numpy's without an axis (cumsum), or axis=None (argsort, sort): flattened
                return T((None,), (line, "{}", node)) if isinstance(value, T) else None
            return self.unary(value, node)
        if last in UNARY:
            if type(first) is tuple and args and not self.literal_here(node.args[0]) and not _tensors(first):
                return None
            return self.unary(first if args else kw.get("x"), node)
        if last in BINARY and len(args) + len(kw) >= 2:
            left, right = _arg(args, kw, 0, "x"), _arg(args, kw, 1, "y")
            left_node = node.args[0] if node.args else node
            right_node = node.args[1] if len(node.args) > 1 else node
            return self.elementwise(left, right, node, left_node, right_node, last)
        if last in ALIGN_ASSERTS:
            return None
        if last == "ensure_shape":
            return self.ensure_shape(first, _arg(args, kw, 1, "shape"), node)
        if last in ALIGNING_NAMES:
            return tuple(self.aligned(a) for a in args) if len(args) > 1 else self.aligned(first)
        if last == "placeholder" and ns == "tf":
            return self.placeholder(_arg(args, kw, 1, "shape", MISSING), node)
        if last == "placeholder" and ns in ("k", "k2"):  # keras.backend.placeholder(shape=None, ndim=None, ...)
            return self.keras_placeholder(_arg(args, kw, 0, "shape", MISSING), _arg(args, kw, 1, "ndim", MISSING),
                                          node)
        if last == "placeholder_with_default":
            shape = _arg(args, kw, 1, "shape")
            return T(self.dims(shape, line), (line, "{}", node)) if self.dims(shape, line) is not None else None
        if last in ("Variable", "constant", "convert_to_tensor", "array", "asarray", "identity", "copy") and \
                not (ns in ("k", "k2") and last == "Variable"):
            return self.constant(ns, last, args, kw, node)
        if last == "get_variable":
            dims = self.dims(_arg(args, kw, 1, "shape"), line)
            start = kw.get("initializer")
            if dims is None and isinstance(start, T) and start.dims is not None and not start.unk:
                dims = start.dims  # get_variable('W', initializer=tf.constant(w0)): the tensor's shape
            return T(_weight_dims(dims), (line, "{}", node)) if dims is not None else None
        if last in ("zeros", "ones", "empty", "fill", "full", "random_normal", "random_uniform", "truncated_normal",
                    "normal", "uniform", "random_gamma", "glorot_uniform") and not name.startswith("random.") \
                or ns == "tf" and name.startswith("random."):
            if ns == "np" and last in ("normal", "uniform"):
                return None
            dims = self.dims(_arg(args, kw, 0, "shape"), line)
            shape_node = _arg_node(node, 0, "shape")
            if dims is None and _arg(args, kw, 0, "shape") is None and shape_node is not node and \
                    type(shape_node) in (ast.Name, ast.Attribute) and self.shape_name(shape_node):
                dims = (None,)  # np.zeros(batch_size) where (batch_size, n) is a shape too: a number, one axis
            return T(dims, (line, "{}", node)) if dims is not None else None
        if last in ("loadtxt", "genfromtxt") and ns == "np":  # at most 2-D, whatever the file holds
            return T(None, (line, "{}", node), le2=True)
        if last in ("RandomState", "default_rng", "Generator") and ns == "np":
            return Mod("numpy.random")
        if ns == "np" and name.startswith("random."):
            return self.np_random(last, args, kw, node)
        if last in ("zeros_like", "ones_like", "empty_like", "full_like"):
            if type(first) in (Built, tuple):  # np.zeros_like(rewards) of a list: the array the list makes
                return self.from_list(_as_built(first), node)
            return first.like(raw=None, pending=frozenset(), src=(line, "{}", node)) if isinstance(first, T) else None
        if last in ("linspace", "arange", "range") and ns in ("np", "tf"):
            num = _arg(args, kw, 2, "num") if last == "linspace" else None
            if last != "linspace" and args and not kw and all(type(a) is int for a in args) and len(args) <= 3 and \
                    0 not in args[2:3]:
                num = len(range(*args))  # np.arange(8), tf.range(2, 10, 2)
            return T((num if isinstance(num, int) else None,), (line, "{}", node))
        if last in ("matmul", "dot", "mm"):
            a, b = first if args else kw.get("a"), args[1] if len(args) > 1 else kw.get("b")
            if ns == "tf" and last == "matmul":  # transpose_b=True: x (B, k) times w (1, k) is (B, 1)
                a, b = (_transposed(v) if kw.get(f"transpose_{n}") is True or kw.get(f"adjoint_{n}") is True else v
                        for v, n in ((a, "a"), (b, "b")))
            return self.matmul(a, b, node, rank2=ns in ("tf", "k", "k2") and last == "matmul")
        if last in ("xw_plus_b", "relu_layer") and ns == "tf":
            # (the relu of) x @ weights + biases: the product's shape (biases are (units,))
            return self.matmul(first if args else kw.get("x"), _arg(args, kw, 1, "weights"), node, rank2=True)
        if last == "bias_add":  # value + bias along its last axis: the value's shape
            value = first if args else kw.get("value")
            return value.like(src=(line, "{}", node)) if isinstance(value, T) else None
        if last == "squeeze":
            if type(first) is Built:  # np.squeeze(batch) of a list of (1, n) rows: the array it makes, squeezed
                first = self.list_as_array(first, node)
            return self.squeeze(first, _axis(args, kw, "squeeze_dims"), node)
        if last == "expand_dims":
            return self.expand_dims(first, _axis(args, kw, "dim"), node)
        if last == "reshape":
            return self.reshape(first, _arg(args, kw, 1, "shape", _arg(args, kw, 1, "newshape")), node)
        if last in ("flatten", "ravel"):
            if "layers." in name:  # tf.layers.flatten keeps the batch axis: rank 2, always ((B, 1) stays so)
                return self.apply_layer(Layer("flatten", line=line), first, node) \
                    if not (isinstance(first, T) and first.unk) else None
            return self.flatten(first, node)
        if last in ("transpose", "matrix_transpose"):
            return self.transpose(first, _arg(args, kw, 1, "perm", _arg(args, kw, 1, "axes")), node)
        if last == "shape":
            return ShapeOf(first)
        if last in ("concat", "concatenate", "stack", "hstack", "vstack"):
            # the axis: tf.concat's is given; np.concatenate's and the stacks' is 0; Keras's layers.concatenate's
            # -1, K.concatenate's -1 and keras.ops.concatenate's 0 are one name here: not known unless given
            if ns == "tf" and last == "concat" and len(args) == 2 and type(first) is int and \
                    type(args[1]) is tuple:  # TensorFlow before 1.0: tf.concat(axis, values)
                args = [args[1], first]
                first = args[0]
            if first is None and ns == "tf":  # tf.concat(axis=1, values=[idxs, tf.expand_dims(recent, 1)])
                first = kw.get("values")
            axis = _arg(args, kw, 1, "axis", MISSING)
            if axis is MISSING:
                axis = -1 if name == "layers.concatenate" else None if ns in ("k", "k2") and last == "concatenate" \
                    or ns == "tf" and last == "concat" else 0
            return self.concat(last, first, node, axis)
        if ns == "tf" and (last == "embedding_lookup" or last == "gather" and _arg(args, kw, 2, "axis", 0) == 0 and
                           "batch_dims" not in kw):
            # a table's rows at the ids: ids.shape + params.shape[1:] (a (n, 1) bias table at (B,) ids: (B, 1))
            table, ids = _arg(args, kw, 0, "params"), _arg(args, kw, 1, "ids" if last == "embedding_lookup" else
                                                           "indices")
            if isinstance(table, T) and isinstance(ids, T) and table.dims and ids.dims is not None:
                return T(ids.dims + table.dims[1:], (line, "{}", node))
            return None
        if ns == "tf" and last == "TensorArray":
            return Built()
        if ns == "tf" and name.startswith(("distributions.", "contrib.distributions.")) and \
                (last in DISTRIBUTIONS or last == "Categorical"):
            return self.distribution(last, args, kw, node)
        if ns == "tf" and name.startswith(("distributions.", "contrib.distributions.")) and last in VECTOR_EVENTS:
            return self.vector_distribution(last, args, kw, node)
        if ns in ("tf", "np") and last == "split":  # tf.split(x, 2, axis=1): the parts, each its share of the axis
            return self.split(first, _arg(args, kw, 1, "num_or_size_splits" if ns == "tf" else "indices_or_sections"),
                              _arg(args, kw, 2, "axis", 0), ns, node)
        if ns == "tf" and last == "slice":  # tf.slice(x, begin, size): size[i] of axis i, -1 for the rest of it
            return self.tf_slice(first, _arg(args, kw, 1, "begin"), _arg(args, kw, 2, "size"), node)
        if ns == "tf" and last == "gather_nd" and not _arg(args, kw, 2, "batch_dims", 0):
            # indices.shape[:-1] + params.shape[k:], k = indices.shape[-1]: (B, A) at (B, 2) [row, action] pairs: (B,)
            table, ids = _arg(args, kw, 0, "params"), _arg(args, kw, 1, "indices")
            if isinstance(table, T) and isinstance(ids, T) and table.dims and ids.dims and \
                    type(ids.dims[-1]) is int and ids.dims[-1] <= len(table.dims):
                return T(ids.dims[:-1] + table.dims[ids.dims[-1]:], (line, "{}", node))
            return None
        if ns == "np" and last == "take":  # np.take(a, indices, axis=0): a's rows at the indices; no axis: a flattened
            table, ids, axis = _arg(args, kw, 0, "a"), _arg(args, kw, 1, "indices"), _arg(args, kw, 2, "axis", None)
            table = self.list_as_array(table, node) if type(table) is Built else table
            if isinstance(table, T) and isinstance(ids, T) and table.dims and ids.dims is not None and \
                    (axis == 0 or axis is None and len(table.dims) == 1):
                return T(ids.dims + table.dims[1:], (line, "{}", node), pred=table.pred)
            return None
        if ns == "np" and last == "append":  # np.append(returns, g): without an axis, both flattened into one vector
            arr, values, axis = _arg(args, kw, 0, "arr"), _arg(args, kw, 1, "values"), _arg(args, kw, 2, "axis", None)
            if axis is not None:  # along an axis: np.concatenate((arr, values), axis), of arr's rank whatever values is
                made = self.concat("concatenate", (arr, values), node, axis)
                if made is None and isinstance(arr, T) and arr.dims and type(axis) is int and \
                        -len(arr.dims) <= axis < len(arr.dims):
                    made = T(tuple(None if i == axis % len(arr.dims) else d for i, d in enumerate(arr.dims)),
                             (line, "{}", node))
                return made
            sizes = [_size(v) for v in (arr, values)]
            return T((sum(sizes) if None not in sizes else None,), (line, "{}", node))
        if ns == "tf" and last == "add_n":  # inputs of one shape (TensorFlow refuses others): that shape
            items = first if type(first) is tuple else ()
            shapes = {item.dims for item in items if isinstance(item, T) and item.dims is not None}
            if len(shapes) == 1 and all(isinstance(item, T) for item in items):
                known = next(item for item in items if item.dims is not None)
                return T(known.dims, (line, "{}", node), pending=frozenset().union(*(i.pending for i in items)),
                         pred=any(item.pred for item in items))
            return None
        if last == "one_hot" or last == "one_hot_encoding" and ns == "tf":  # tf.contrib.layers' takes num_classes
            depth = _arg(args, kw, 1, "depth" if last == "one_hot" else "num_classes")
            if isinstance(first, T) and first.dims is not None:
                return T(first.dims + ((depth if isinstance(depth, int) else None),), (line, "{}", node))
            if isinstance(depth, int) and not (isinstance(first, T) and first.unk):  # indices of rank not known
                return T(None, (line, "{}", node), tail=depth)
            return None
        if last == "top_k" and ns == "tf":  # tf.nn.top_k(x, k=1): (values, indices), each x's shape with k last
            k = _arg(args, kw, 1, "k", 1)
            k = k if isinstance(k, int) and not isinstance(k, bool) else None
            if isinstance(first, T) and first.dims:
                return tuple(T(first.dims[:-1] + (k,), (line, "{}", node)) for _ in range(2))
            if (first is None or isinstance(first, T) and not first.unk) and k is not None:  # tensors, k last
                return tuple(T(None, (line, "{}", node), tail=k) for _ in range(2))
            return None
        if ns == "np" and last == "where" and len(args) == 3 and len(node.args) == 3:  # the three broadcast together
            both = self.elementwise(args[1], args[2], node, node.args[1], node.args[2], "where")
            return self.elementwise(both, args[0], node, node.args[1], node.args[0], "where")
        if last == "where" and len(args) == 3:
            x, y = args[1], args[2]
            if ns == "tf" and self.tf1 and isinstance(x, T) and x.dims is not None and not x.unk and \
                    (not isinstance(y, T) or y.dims is None and not y.unk):
                # TF 1's where: x and y of one shape (checked when it runs), the result of theirs: x's here
                return x.like(src=(line, "{}", node),
                              pending=x.pending | (y.pending if isinstance(y, T) else frozenset()))
            return _join(x, y) if isinstance(x, T) else None
        if ns == "tf" and (name.startswith("data.") or name.startswith("contrib.data.")):
            return self.dataset(last, args, kw, node)
        if ns == "tf" and last == "FixedLenFeature":  # one named feature of a tf.Example: its shape, no batch axis
            dims = self.dims(_arg(args, kw, 0, "shape"), line)
            return Feature(tuple(None if d == "B" else d for d in dims), node) if dims is not None else None
        if ns == "tf" and last == "decode_csv":  # one tensor a column, each of the records' shape
            records, defaults = _arg(args, kw, 0, "records"), _arg(args, kw, 1, "record_defaults")
            if isinstance(records, T) and records.dims is not None and isinstance(defaults, tuple):
                return tuple(T(records.dims, (line, "a column of {}", node)) for _ in defaults)
            return None
        if ns == "tf" and last in ("parse_single_example", "parse_example"):
            return self.parsed(last, _arg(args, kw, 0, "serialized"), _arg(args, kw, 1, "features"), node)
        if last in ("dense", "fully_connected", "linear") and ("layers" in name or ns == "tf"):
            units = _arg(args, kw, 1, "units", _arg(args, kw, 1, "num_outputs"))
            return self.apply_layer(Layer("dense", units, line=line), first if args else kw.get("inputs"), node)
        if last in KERAS_LAYERS and ns in ("k", "k2", "tf"):
            return self.layer(last, args, kw, node)
        if last in ("Sequential", "Model", "Functional") and ns in ("k", "k2", "tf"):
            return self.model(last, args, kw, node)
        if last == "clone_model" and ns in ("k", "k2", "tf"):  # a target network: the same layers, weights anew
            model = _arg(args, kw, 0, "model")
            return Model(model.layers, model.inputs, model.output, model.line) if isinstance(model, Model) else None
        if last in ("MeanSquaredError", "MeanAbsoluteError", "Huber", "LogCosh", "BinaryCrossentropy",
                    "MeanSquaredLogarithmicError", "MeanAbsolutePercentageError"):
            return SAFE_LOSS
        return None

    def dataset(self, last, args, kw, node):
        """`tf.data.Dataset.from_tensor_slices((x, y))`: its elements are one row of each array (their first axis
        sliced off); `from_tensors(x)` has x itself; `Dataset.zip((a, b))` pairs the elements; a TFRecordDataset's
        are serialized records, one string each; `map_and_batch(f, n)` is a transformation for `ds.apply`."""
        first = args[0] if args else None
        if last in RECORD_DATASETS:
            return Data(T((), (node.lineno, "{}", node)))
        if last == "make_csv_dataset":  # batches of (a dict of the columns, the label column) with label_name
            label = kw.get("label_name")
            features = Record({}, mutable=True)  # the file's columns: not known
            return Data((features, T(("B",), (node.lineno, "the label column of {}", node)))
                        if isinstance(label, str) else features)
        if last == "map_and_batch":
            fn = _arg(args, kw, 0, "map_func")
            return MapAndBatch(fn) if isinstance(fn, (Lam, Fn)) else None
        if last == "from_tensor_slices":
            parts = first if isinstance(first, tuple) else (first,)
            rows = tuple(p.like(dims=p.dims[1:], raw=None, ph=None, unk=False, pending=frozenset())
                         if isinstance(p, T) and p.dims else None for p in parts)
            return Data(rows if isinstance(first, tuple) else rows[0])
        if last == "from_tensors":
            return Data(first)
        if last == "zip" and isinstance(first, tuple) and all(type(d) is Data for d in first):
            return Data(tuple(d.item for d in first))
        return None

    def parsed(self, last, serialized, spec, node):
        """`tf.io.parse_single_example(record, {'label': tf.io.FixedLenFeature([], tf.float32), ...})`: a dict of the
        features by name, each of its declared shape (`parse_example` of a batch of records: a batch axis in front);
        a feature not of a fixed length (VarLenFeature: a sparse tensor) is not known."""
        if type(spec) is not Record:
            return None
        batch = ()
        if last == "parse_example":
            batch = (serialized.dims[0],) if isinstance(serialized, T) and serialized.dims else ("B",)
        return Record({key: T((*batch, *f.dims), (f.node.lineno, "{} of a tf.Example", f.node))
                       if type(f) is Feature else None for key, f in spec.attrs.items()}, mutable=True)

    def data_method(self, data, name, args, kw, node):
        """`ds.batch(n)`: elements with a batch axis in front; `ds.shuffle(k)`, `ds.repeat()`: the same elements;
        `ds.map(f)`: what f makes of one; `ds.unbatch()`: the rows of one; `ds.apply(map_and_batch(f, n))`: a map,
        then a batch."""
        def batched(item, extend):
            if isinstance(item, tuple):
                return tuple(batched(i, extend) for i in item)
            if type(item) is Record:  # parsed tf.Examples: each feature batched
                return Record({k: batched(v, extend) for k, v in item.attrs.items()}, mutable=True)
            if not isinstance(item, T) or item.dims is None:
                return None
            if extend:
                return item.like(dims=("B", *item.dims))
            return item.like(dims=item.dims[1:]) if item.dims else None
        if name in DATA_SAME:
            return data
        if name in DATA_BATCH:
            return Data(batched(data.item, True))
        if name == "unbatch":
            return Data(batched(data.item, False))
        if name == "get_next":  # x, y = iterator.get_next()
            return data.item
        fn = args[0] if args else kw.get("map_func")
        if name == "apply" and type(fn) is MapAndBatch:
            mapped = self.data_method(data, "map", [fn.fn], {}, node)
            return self.data_method(mapped, "batch", [], {}, node) if mapped is not None else None
        if name == "map" and isinstance(fn, (Lam, Fn)):
            items = list(data.item) if isinstance(data.item, tuple) else [data.item]
            made = self.call_lambda(fn, items) if type(fn) is Lam else self.call_fn(fn, items, {})
            return Data(made)
        return None

    def distribution(self, last, args, kw, node):
        """`Normal(loc, scale)`: its parameters broadcast, as the distribution's batch shape is (a (B, 1) mean and a
        (B,) scale: (B, B)); `Categorical(logits=...)`: its logits."""
        if last == "Categorical":
            logits = kw.get("logits", kw.get("probs", args[0] if args else None))
            return Dist(True, logits, node) if isinstance(logits, T) and logits.dims else None
        if any(type(a) is ast.Starred for a in node.args) or any(k.arg is None for k in node.keywords):
            return None  # Normal(*params), Normal(**params)
        pairs = [*zip(args, node.args, strict=False), *((kw[k.arg], k.value) for k in node.keywords
                                                       if k.arg not in ("validate_args", "allow_nan_stats", "name"))]
        tensors = [(v, n) for v, n in pairs[:2] if isinstance(v, T)]
        if not tensors or not all(isinstance(v, T) or _number(v) for v, _ in pairs[:2]):
            return None
        if len(tensors) == 2:
            (left, left_node), (right, right_node) = tensors
            params = self.elementwise(left, right, node, left_node, right_node, f"{last}()")
            wider = left_node if len(left.dims or ()) >= len(right.dims or ()) else right_node  # loc=policy(s)
            return Dist(False, params, wider) if isinstance(params, T) else None
        return Dist(False, tensors[0][0], tensors[0][1])

    def vector_distribution(self, last, args, kw, node):
        """`MultivariateNormalDiag(loc, scale_diag)` (and TriL's, a full covariance's): an event of loc's last axis,
        its batch the rest, so a (B, A) loc gives a (B,) log_prob; `Independent(Normal(...), 1)` alike, of the
        Normal's parameters; `TransformedDistribution(d, Tanh())` is d's shapes (an elementwise bijector's)."""
        if last == "TransformedDistribution":
            inner = _arg(args, kw, 0, "distribution")
            return inner if type(inner) is Dist else None
        if last == "Independent":
            inner, ndims = _arg(args, kw, 0, "distribution"), _arg(args, kw, 1, "reinterpreted_batch_ndims")
            if type(inner) is Dist and not inner.categorical and not inner.vector and ndims == 1 and \
                    inner.params.dims:
                return Dist(False, inner.params, inner.node, vector=True)
            return None
        loc = _arg(args, kw, 0, "loc")
        if not isinstance(loc, T) or not loc.dims:
            return None
        loc_node = _arg_node(node, 0, "loc")
        diag = last.startswith("MultivariateNormalDiag")
        word = "scale_diag" if diag else "scale_tril" if last.endswith("TriL") else "covariance_matrix"
        scale = _arg(args, kw, 1, word)
        if isinstance(scale, T) and scale.dims and (diag or len(scale.dims) >= 2):
            # loc and the scale's rows broadcast, as a Normal's two parameters do (a matrix's last axis is its own)
            scale_node = _arg_node(node, 1, word)
            params = self.elementwise(loc, scale if diag else scale.like(dims=scale.dims[:-1]), node, loc_node,
                                      scale_node, f"{last}()")
            return Dist(False, params, loc_node, vector=True) if isinstance(params, T) and params.dims else None
        if (len(node.args) > 1 or any(k.arg == word for k in node.keywords)) and not (diag and _number(scale)):
            return None  # a scale not known may widen the batch
        return Dist(False, loc, loc_node, vector=True)

    def dist_method(self, dist, name, args, kw, node):
        """`dist.log_prob(a)`: the value broadcast with the parameters (a Categorical's: with its logits' batch);
        `dist.sample()`, `mean()`, `entropy()`: the parameters' shape (a Categorical's sample: one class a row)."""
        params = dist.params
        if dist.categorical:
            params = params.like(dims=params.dims[:-1])
        if dist.vector and name in DIST_VALUES and (args or "value" in kw):  # the batch against the value's
            value, value_node = args[0] if args else kw["value"], _arg_node(node, 0, "value")
            if not isinstance(value, T) or not value.dims:
                return None
            batch = params.like(dims=params.dims[:-1], src=(node.lineno, "{} of a multivariate event: one a row", node))
            return self.elementwise(batch, value.like(dims=value.dims[:-1]), node, dist.node, value_node, name)
        if dist.vector and name == "entropy" and not args and not kw:
            return params.like(dims=params.dims[:-1], src=(node.lineno, "{}", node), pending=frozenset(), raw=None,
                               ph=None)
        if name in DIST_VALUES and (args or "value" in kw):
            value = args[0] if args else kw["value"]
            value_node = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "value")
            return self.elementwise(params, value, node, dist.node, value_node, name) \
                if isinstance(value, T) else None
        if name in DIST_SHAPED and not args and not kw:
            return params.like(src=(node.lineno, "{}", node), pending=frozenset(), raw=None, ph=None)
        return None

    def sklearn(self, last, args, kw, node):
        """scikit-learn's data sets and train_test_split, whose shapes are documented."""
        line = node.lineno
        if last in SKLEARN_DATASETS:
            x, y = SKLEARN_DATASETS[last]
            src = (line, f"sklearn {last}()", None)
            data, target = T(x, src), T(y, src)
            if kw.get("return_X_y") is True:
                return data, target
            return Record({"data": data, "target": target})
        if last.startswith("make_"):
            samples = _arg(args, kw, 0, "n_samples", 100)
            features = _arg(args, kw, 1, "n_features", 2 if last in ("make_circles", "make_moons") else None)
            if last in ("make_circles", "make_moons"):
                features = 2
            n = samples if isinstance(samples, int) else None
            f = features if isinstance(features, int) else None
            src = (line, "{}", node)
            return T((n, f), src), T((n,), src)
        if last in SKLEARN_TRANSFORMERS:
            return SK_SCALER if last in SKLEARN_SCALERS else SK_TRANSFORMER
        if last in SKLEARN_SCALE_FNS:  # scaled column by column: the array's own shape, 1-D or 2-D
            value = _arg(args, kw, 0, "X")
            return value.like(src=(line, "{}", node), pred=False) if isinstance(value, T) and value.dims is not None \
                and len(value.dims) in (1, 2) else None
        if last == "train_test_split":
            out = []
            for value in args:  # a pandas table or column is split into tables or columns (a column meeting a
                if type(value) is Table:  # (N, 1) array raises: "Data must be 1-dimensional"), arrays into arrays
                    out += [value, value]
                elif isinstance(value, T) and value.dims:
                    split = value.like(dims=("B", *value.dims[1:]), src=(line, "{}", node))
                    out += [split, split]
                else:
                    out += [None, None]
            return tuple(out)
        return None

    def keras_loss(self, ns, last, args, kw, node):
        if last in ("MeanSquaredError", "MeanAbsoluteError", "Huber", "LogCosh", "BinaryCrossentropy",
                    "MeanSquaredLogarithmicError", "MeanAbsolutePercentageError", "Hinge", "Poisson"):
            return SAFE_LOSS
        if last in PER_SAMPLE_XENT:
            return self.xent(last, args, kw, node)
        if last not in KERAS_LOSS_FNS:
            return None
        labels, predictions = _arg(args, kw, 0, "y_true"), _arg(args, kw, 1, "y_pred")
        if ns == "k" and (self.keras3 or any(isinstance(v, T) and v.raw for v in (labels, predictions))):
            return self.aligned_pair_result(labels, predictions, node)  # Keras 3's functions repair the ranks
        nodes = (_arg_node(node, 0, "y_true"), _arg_node(node, 1, "y_pred"))
        result = self.elementwise(labels, predictions, node, *nodes, f"{last}")
        self.reduce(result, f"{last} (Keras 2's function, as tf_keras and tf.keras before TensorFlow 2.16 have it: "
                            "its mean over the last axis)", node)
        return self.reduced(result, -1, None, node)

    @staticmethod
    def aligned_pair_result(labels, predictions, node):
        for value in (predictions, labels):
            if isinstance(value, T) and value.dims is not None and len(value.dims) >= 1:
                return T(value.dims[:1], (node.lineno, "{}", node))
        return None

    def tf1_loss(self, last, args, kw, node):
        """tf.losses.*: two known ranks that differ make TF1 refuse; an unknown rank lets it broadcast."""
        if last not in TF1_LOSSES:
            return None
        first_kw = "multi_class_labels" if last == "sigmoid_cross_entropy" else "labels"
        second_kw = "logits" if last == "sigmoid_cross_entropy" else "predictions"
        labels, predictions = _arg(args, kw, 0, first_kw), _arg(args, kw, 1, second_kw)
        self.unknown_meets_column(labels, predictions, node, _arg_node(node, 0, first_kw),
                                  _arg_node(node, 1, second_kw), f"tf.losses.{last}")
        return T((), (node.lineno, "{}", node))

    def xent(self, last, args, kw, node):
        label_kw = next((k for k in ("labels", "y_true", "target") if k in kw), "labels")
        logit_kw = next((k for k in ("logits", "y_pred", "output") if k in kw), "logits")
        labels, logits = _arg(args, kw, 0, label_kw), _arg(args, kw, 1, logit_kw)
        if last in XENT_WITH_LOGITS and isinstance(labels, T) and isinstance(logits, T) and (labels.unk or logits.unk):
            return self.elementwise(labels, logits, node, _arg_node(node, 0, label_kw), _arg_node(node, 1, logit_kw),
                                    "cross-entropy")
        if last in PER_SAMPLE_XENT:
            return self.per_sample(last, labels, logits, args, kw, node, _arg_node(node, 1, logit_kw))
        return logits.like(raw=None) if isinstance(logits, T) and not (isinstance(labels, T) and labels.pending) \
            else None

    @staticmethod
    def per_sample(last, labels, logits, args, kw, node, logits_node):
        """A softmax cross-entropy: one value per sample, the logits' shape without their last (class) axis (and,
        sparse_softmax_cross_entropy_with_logits, the labels' shape: TensorFlow requires the two to agree)."""
        axis = kw.get("axis", kw.get("dim", -1))
        last_axis = axis == -1 or isinstance(logits, T) and bool(logits.dims) and axis == len(logits.dims) - 1
        if not last_axis or len(args) > (2 if last.endswith("logits") or last.endswith("v2") else 3):
            return None  # the class axis elsewhere (an axis given, or arguments by position that may be one); axis=1
            # of (B, C) probabilities is the last
        src = (node.lineno, f"{last} of {_short(logits_node, 30)}", None)
        if isinstance(logits, T) and not logits.unk:
            if logits.dims:
                return T(logits.dims[:-1], src, pending=logits.pending)
            rel = logits.rel
            if logits.dims is None and rel is not None and rel[2] and rel[1] >= 1:
                return T(None, src, pending=logits.pending, rel=(rel[0], rel[1] - 1, True, False))
        if last == "sparse_softmax_cross_entropy_with_logits" and isinstance(labels, T) and not labels.unk and \
                labels.dims is not None:
            return T(labels.dims, src, pending=labels.pending)
        return None

    def unknown_meets_column(self, labels, predictions, node, labels_node, predictions_node, name):
        if not (isinstance(labels, T) and isinstance(predictions, T)):
            return
        if labels.unk != predictions.unk and _column((predictions if labels.unk else labels).dims):
            unknown = labels if labels.unk else predictions
            made = self.candidate("TLW002", node, (labels_node, labels), (predictions_node, predictions), name,
                                  (unknown.ph,) if unknown.ph else ())
            made.reduced, made.reduced_by = name, node
        self.reduce(labels, name, node)
        self.reduce(predictions, name, node)

    def method(self, receiver, name, args, kw, node):
        """`x.reshape(...)`, `model.predict(x)`, `opt.minimize(loss)`: a method of a value."""
        first = args[0] if args else None
        if type(receiver) is Data:
            return self.data_method(receiver, name, args, kw, node)
        if type(receiver) is Estimator and name in ("train", "evaluate"):
            self.estimator_step(receiver, _arg(args, kw, 0, "input_fn"))
            return None
        if type(receiver) is Parser:
            return _parser_method(receiver, name, node)
        if type(receiver) is Dist:
            return self.dist_method(receiver, name, args, kw, node)
        if name in ("minimize", "gradient", "compute_gradients", "add_loss"):  # add_loss(t): Keras averages t
            self.reduce(first if args else kw.get("loss", kw.get("target")), REDUCTION_NAMES.get(name, name), node)
            return None
        if isinstance(receiver, Model):
            if name in ("predict", "__call__", "predict_on_batch", "call"):
                return self.model_out(receiver, first if args else kw.get("x"), node)
            if name == "add" and receiver.layers is not None:
                receiver.layers.append(first if isinstance(first, (Layer, Model, T)) or _custom_layer(first)
                                       else None)  # add(Input(...)), add(PolynomAdjust())
            return None
        if isinstance(receiver, Layer) and name in ("__call__", "call", "apply"):
            return self.apply_layer(receiver, first, node)
        if type(receiver) is Table:
            if name == "to_numpy":
                return receiver.array(node)
            if name == "pop" and not receiver.series and args and isinstance(first, str):
                return Table(True, (node.lineno, "pandas column {}", node))
            return receiver if name in FRAME_ROWS and (not receiver.series or name not in ("reset_index",
                                                                                         "set_index")) else None
        if type(receiver) is Record and receiver.mutable:
            return _dict_method(receiver, name, args, kw)
        if receiver is SK_TRANSFORMER or receiver is SK_SCALER:  # scikit-learn validates X as 2-D, returns 2-D
            if name == "fit":
                return receiver
            if name in ("fit_transform", "transform", "inverse_transform"):
                if receiver is SK_SCALER and isinstance(first, T) and first.dims is not None and len(first.dims) == 2:
                    return T(first.dims, (node.lineno, "{}", node))  # scaler.inverse_transform(preds): (N, 1)
                lead = first.dims[0] if isinstance(first, T) and first.dims else None
                return T((lead, None), (node.lineno, "{} (2-D)", node))
            return None
        if isinstance(receiver, ShapeOf) or not isinstance(receiver, T):
            if name == "reshape" and args:
                return self.reshape(receiver if isinstance(receiver, T) else None,
                                    args[0] if len(args) == 1 else tuple(args), node)
            return None
        if name in ("mean", "sum", "max", "min", "std", "var", "prod", "argmax", "argmin"):
            if name in ("mean", "sum"):
                self.reduce(receiver, f".{name}()", node)
            made = self.reduced(receiver, _arg(args, kw, 0, "axis"), kw.get("keepdims"), node,
                                drop_raw=name not in ("mean", "sum"))
            return made.like(npy=True) if type(made) is T and isinstance(receiver, T) and receiver.npy else made
        if name in ("astype", "numpy", "eval", "copy", "clip", "__abs__", "cpu", "detach", "float", "double"):
            return receiver.like(npy=name == "numpy" or receiver.npy and name in ("astype", "copy", "clip"))
        if name == "reshape":
            return self.reshape(receiver, args[0] if len(args) == 1 else tuple(args), node)
        if name in ("ravel", "flatten"):
            return self.flatten(receiver, node)
        if name == "squeeze":
            return self.squeeze(receiver, _arg(args, kw, 0, "axis"), node)
        if name == "transpose":
            return self.transpose(receiver, tuple(args) if len(args) > 1 else first, node)
        if name == "dot":
            return self.matmul(receiver, first, node)
        if name in ("set_shape",):
            return None
        return None

    # shapes
    def placeholder(self, shape, node):
        line = node.lineno
        where = (node.lineno, node.col_offset)
        if shape is MISSING or shape is PYNONE:
            words = "placeholder without a shape" if shape is MISSING else "placeholder shape=None"
            shape_node = _arg_node(node, 1, "shape")
            if shape is PYNONE and shape_node is not node:
                words = "placeholder shape=" + ("(None)" if _parenthesized(self.source, shape_node, self.offset)
                                                 else "None")
            return T(None, (line, words, None), unk=True, ph=where)
        dims = self.dims(shape, line)
        if dims is None:
            return None
        shape_node = _arg_node(node, 1, "shape")
        return T(dims, (line, "placeholder shape={}", shape_node))

    def keras_placeholder(self, shape, ndim, node):
        """Keras 2's backend placeholder: its shape, else `ndim` axes of unknown size, else of unknown rank."""
        if shape is MISSING or shape is PYNONE or shape == ():
            if isinstance(ndim, int) and not isinstance(ndim, bool) and ndim > 0:
                return T(("B", *(None,) * (ndim - 1)), (node.lineno, "{}", node))
            if shape == () or ndim is not MISSING and ndim is not PYNONE:
                return None  # a scalar, or a rank the source does not show
            return self.placeholder(MISSING, node)
        dims = self.dims(shape, node.lineno)
        return T(dims, (node.lineno, "placeholder shape={}", _arg_node(node, 0, "shape"))) if dims is not None else None

    def dims(self, shape, line):
        """A literal shape: a tuple of ints and Nones, an int, a list; the first None is the batch."""
        if isinstance(shape, int) and not isinstance(shape, bool):
            return (shape,)
        if shape is NUM:
            return (None,)
        if isinstance(shape, T) and shape.dims is not None and len(shape.dims) == 1 and isinstance(shape.dims[0],
                                                                                                     int):
            return (None,) * shape.dims[0]
        if not isinstance(shape, tuple):
            return None
        out = []
        for i, dim in enumerate(shape):
            if dim is PYNONE or dim == -1:
                out.append("B" if i == 0 else None)
            elif isinstance(dim, int) and not isinstance(dim, bool):
                out.append(dim)
            elif dim is NUM or dim is None or type(dim) is Mod:  # Mod: a flag's or a config module's value
                out.append(None)
            elif isinstance(dim, T) and not dim.unk and dim.dims in (None, ()) and not dim.ge2 and \
                    dim.tail is None and dim.end is None:  # configs['embedding_size']: a size, one axis
                out.append(None)
            else:
                return None
        return tuple(out)

    def ensure_shape(self, value, shape, node):
        """tf.ensure_shape: the value, checked to have the declared shape (its own dimensions where that says None)."""
        dims = self.dims(shape, node.lineno)
        if dims is None:
            return self.aligned(value)
        if isinstance(value, T) and value.dims is not None and len(value.dims) == len(dims):
            dims = tuple(d if isinstance(d, int) or e is None else e for d, e in zip(dims, value.dims, strict=True))
        pending, pred = (value.pending, value.pred) if isinstance(value, T) else (frozenset(), False)
        return T(dims, (node.lineno, "{}", node), pending=pending, pred=pred)

    def constant(self, ns, last, args, kw, node):
        value = args[0] if args else kw.get("initial_value", kw.get("value", kw.get("object")))
        line = node.lineno
        shape = kw.get("shape")
        if shape is not None and last == "constant":
            dims = self.dims(shape, line)
            return T(dims, (line, "{}", node)) if dims is not None else None
        if isinstance(value, T) and last == "Variable" and ns == "tf" and value.dims:
            # a weight: an axis of a length not shown is a layer's width, never the batch (a bias of [out_n])
            return value.like(dims=_weight_dims(value.dims), raw=None)
        if isinstance(value, T):
            return value.like(src=value.src if last in ("Variable", "identity") else (line, "{}", node), raw=None
                              if last == "Variable" else value.raw)
        if type(value) is Built:
            return self.from_list(value, node)
        literal = node.args[0] if node.args else None
        if isinstance(literal, (ast.List, ast.Tuple)):
            # np.array([s, s2]) of (4,) arrays is (2, 4): the items' shape after the list's; of items not known,
            # the literal's nesting
            dims = _stacked_dims(value) if _holds_array(value) else _nested_dims(literal)
            return T(dims, (line, "{}", node)) if dims is not None else None
        if type(value) is tuple and _holds_array(value):  # np.array(states) of a list made item by item
            dims = _stacked_dims(value)
            return T(dims, (line, "{}", node)) if dims is not None else None
        if type(value) is tuple and type(literal) is ast.BinOp:  # tf.Variable([0.1] * n_out): n numbers
            dims = _literal_dims(value)
            return T(dims, (line, "{}", node)) if dims else None
        if isinstance(value, (int, float)) or value is NUM:
            return T((), (line, "{}", node))
        if value is RANGE and last in ("array", "asarray", "constant", "convert_to_tensor"):
            # np.array(range(6)): a vector, of range's length where its arguments are ints
            return T((self.range_lengths.get(id(literal)),), (line, "{}", node))
        return None

    def np_random(self, last, args, kw, node):
        line = node.lineno
        if last in ("rand", "randn"):  # rand(m, n): an int for each axis, of a value known or not
            dims = tuple(a if type(a) is int else None for a in args)
            starred = any(type(a) is ast.Starred for a in node.args) and id(node) not in self.spread
            return T(dims if not starred else None, (line, "{}", node))  # randn(*x.shape) of x's known shape
        size = {"random": 0, "random_sample": 0, "sample": 0, "normal": 2, "uniform": 2, "randint": 2,
                "choice": 1, "permutation": None, "binomial": 2, "poisson": 1, "exponential": 1}.get(last, MISSING)
        if size is MISSING:
            return None
        if last == "permutation":
            return T((None,), (line, "{}", node))
        value = _arg(args, kw, size, "size", MISSING)
        if (value is None or type(value) is Mod) and last in ("randint", "choice"):
            # choice(n, batch_size) of a size not shown, or a configuration module's (config.BATCH_SIZE): indices,
            return T((None,), (line, "{}", node))  # as arange(start, start + batch_size) is
        if value is MISSING or value is None or value is PYNONE:
            return None if last != "randint" and last != "choice" else NUM
        dims = self.dims(value, line)
        return T(dims, (line, "{}", node)) if dims is not None else None

    def literal_here(self, arg) -> bool:
        """A list literal written in place, or a name bound once to one and used nowhere else (nothing can have
        grown it since): `tf.to_float([[84, 46], ...])`, `rows = [[84, 46], ...]` ... `tf.to_float(rows)`."""
        if type(arg) in (ast.List, ast.Tuple):
            return True
        if type(arg) is not ast.Name:
            return False
        name = re.escape(arg.id)
        return len(re.findall(rf"\b{name}\b", self.source)) == 2 and \
            re.search(rf"^[ \t]*{name}[ \t]*=[ \t]*[\[(]", self.source, re.MULTILINE) is not None

    def unary(self, value, node):
        if isinstance(value, T):
            return value.like(cut=value.cut)
        if _tensors(value):  # tf.math.log([action]) of a policy's `return [action]`: the tensors stacked
            return T((len(value), *value[0].dims), (node.lineno, "{}", node))
        if isinstance(value, tuple):  # tf.to_float([[84, 46], ...]): a nested list of numbers has its shape
            dims = _literal_dims(value)
            return T(dims, (node.lineno, "{}", node)) if dims else None
        if type(value) is Built:
            return self.from_list(value, node)
        return value if value is NUM or isinstance(value, (int, float)) else None

    def reduced(self, value, axis, keepdims, node, drop_raw=False):
        line = node.lineno
        last = keepdims is True and (axis == -1 or axis == (-1,))  # of any rank it takes: (..., 1)
        if not isinstance(value, T):
            return NUM if value is NUM else T(None, (line, "{}", node), end=1) if last else None
        if axis is None or axis is PYNONE:
            dims = () if not keepdims else tuple(1 for _ in value.dims) if value.dims is not None else None
            return T(dims, (line, "{}", node)) if dims is not None or not value.unk else T((), (line, "{}", node))
        axes = axis if isinstance(axis, tuple) else (axis,)
        if value.dims is None and last:  # (..., k) summed keeping its axis: (..., 1)
            return T(None, (line, "{}", node), pred=value.pred, tail=1 if value.tail is not None else None,
                     end=1 if value.tail is None else None)
        if value.dims is None or not all(isinstance(a, int) and not isinstance(a, bool) for a in axes):
            return T(None, (line, "{}", node), raw=None if drop_raw else None)
        rank = len(value.dims)
        picked = {a % rank for a in axes if -rank <= a < rank}
        if len(picked) != len(axes):
            return None
        across = 0 in picked and value.dims[0] == "B"  # summed over the batch: the axes left are not the batch
        dims = tuple((1 if keepdims else MISSING) if i in picked else NOT_BATCH if across and d is None else d
                     for i, d in enumerate(value.dims))
        return T(tuple(d for d in dims if d is not MISSING), (line, "{}", node), pred=value.pred)

    def matmul(self, a, b, node, rank2=False):
        """x @ w; `rank2`: TensorFlow's matmul, whose operands have rank 2 or more (so x of a rank not known
        times a (k, 1) weight is (..., 1))."""
        if rank2 and isinstance(b, T) and b.dims is not None and len(b.dims) == 2 and \
                (a is None or isinstance(a, T) and a.dims is None):
            pending = (a.pending if isinstance(a, T) else frozenset()) | _weight_pending(b)
            return T(None, (node.lineno, "{}", node), pending=pending, pred=True, tail=b.dims[1])
        if not (isinstance(a, T) and isinstance(b, T)):
            if isinstance(a, tuple) and isinstance(b, T):
                a = T(_tuple_dims(a), None)
            else:
                return None
        if a.dims is None or b.dims is None:
            if a.dims is not None and len(a.dims) == 2:
                return T((a.dims[0], None), (node.lineno, "{}", node), pending=a.pending | _weight_pending(b),
                         pred=True)
            return None
        x, y = a.dims, b.dims
        if len(y) == 1:
            dims = x[:-1]
        elif len(x) == 1:
            dims = y[:-2] + y[-1:]
        else:
            dims = x[:-1] + y[-1:]
        return T(dims, (node.lineno, "{}", node), pending=a.pending | _weight_pending(b), pred=True)

    def squeeze(self, value, axis, node):
        if isinstance(value, T) and value.dims is None and value.rel is not None and axis == -1 and \
                value.rel[2] and value.rel[1] >= 1 and value.tail in (1, None):  # (*S[:-1], 1) -> S[:-1]
            rel = value.rel
            return T(None, (node.lineno, "{}", node), pending=value.pending, pred=value.pred,
                     rel=(rel[0], rel[1] - 1, True, False))
        if isinstance(value, T) and value.dims is None and value.tail == 1 and axis == 1:
            # a Dense(1) output, its rank unknown but at least 2, squeezed at axis 1: only its rank-2 form
            # (B, 1) has a unit axis 1 in general ((B, T, 1) would need T == 1), so this is (B,)
            return T(("B",), (node.lineno, "{}", node), pending=value.pending, pred=value.pred)
        if not isinstance(value, T) or value.dims is None:
            return T(None, (node.lineno, "{}", node)) if isinstance(value, T) and not value.unk else None
        dims = value.dims
        if axis is None or axis is PYNONE:
            new = tuple(d for d in dims if d != 1)
        else:
            axes = axis if isinstance(axis, tuple) else (axis,)
            if not all(isinstance(a, int) for a in axes):
                return None
            picked = {a % len(dims) for a in axes if -len(dims) <= a < len(dims)}
            new = tuple(d for i, d in enumerate(dims) if i not in picked)
        return T(new, (node.lineno, "{}", node), pending=value.pending, pred=value.pred)

    def expand_dims(self, value, axis, node):
        if not isinstance(value, T) or value.dims is None or not isinstance(axis, int):
            return None
        dims = list(value.dims)
        at = axis if axis >= 0 else len(dims) + 1 + axis
        if not 0 <= at <= len(dims):
            return None
        dims.insert(at, 1)
        return T(tuple(dims), (node.lineno, "{}", node), pending=value.pending, pred=value.pred)

    def reshape(self, value, shape, node):
        if isinstance(shape, ShapeOf):
            target = shape.value
            if isinstance(target, T) and target.dims is not None:
                return target.like(src=(node.lineno, "{}", node), raw=None, pending=frozenset(), pred=False)
            return None
        dims = self.dims(shape, node.lineno)
        if dims is None:
            return None
        if isinstance(value, T) and value.dims is not None and len(dims) == 1 and dims[0] == "B":
            known = [d for d in value.dims if d != 1]
            dims = (known[0],) if len(known) == 1 else dims
        pending = value.pending if isinstance(value, T) else frozenset()
        return T(dims, (node.lineno, "{}", node), pending=pending, pred=isinstance(value, T) and value.pred)

    def flatten(self, value, node):
        if not isinstance(value, T):
            return None
        dims = value.dims
        if dims is None:
            return T((None,), (node.lineno, "{}", node)) if not value.unk else None
        known = [d for d in dims if d != 1]
        new = (known[0],) if len(known) == 1 else (1,) if not known else (None,)
        return T(new, (node.lineno, "{}", node), pending=value.pending, pred=value.pred)

    def transpose(self, value, perm, node):
        if not isinstance(value, T) or value.dims is None:
            return None
        dims = value.dims
        if isinstance(perm, tuple) and all(isinstance(p, int) for p in perm) and len(perm) == len(dims):
            new = tuple(dims[p] for p in perm)
        else:
            new = tuple(reversed(dims))
        return T(new, (node.lineno, "{}", node), pending=value.pending, pred=value.pred)

    @staticmethod
    def split(value, parts, axis, ns, node):
        """`mu, logsigma = tf.split(out, 2, axis=1)`: n equal parts (tf.split's and np.split's), or tf.split's parts of
        the sizes listed; an axis of a length not known gives parts of a length not known."""
        rank = len(value.dims) if isinstance(value, T) and value.dims else 0
        if not (rank and type(axis) is int and -rank <= axis < rank):
            return None
        axis %= len(value.dims)
        dim = value.dims[axis]
        if type(parts) is int and parts > 0:
            sizes = [dim // parts if type(dim) is int else None] * parts
        elif ns == "tf" and type(parts) is tuple and parts and all(type(p) is int for p in parts):
            sizes = list(parts)
        else:
            return None
        src = (node.lineno, "{}", node)
        return tuple(value.like(dims=(*value.dims[:axis], size, *value.dims[axis + 1:]), src=src, ph=None, unk=False,
                                rel=None) for size in sizes)

    @staticmethod
    def tf_slice(value, begin, size, node):
        """`tf.slice(y_pred, [0, 0], [-1, 1])`: the value's own axis where the size is -1 from 0 (the rest of an axis
        from an offset: its length less that, where known), else the size written."""
        if not (isinstance(value, T) and value.dims is not None and type(size) is tuple and type(begin) is tuple and
                len(size) == len(begin) == len(value.dims)):
            return None
        dims = []
        for dim, start, length in zip(value.dims, begin, size, strict=True):
            if length == -1:
                dims.append(dim if start == 0 else dim - start if type(dim) is int and type(start) is int else None)
            else:
                dims.append(length if type(length) is int and length >= 0 else None)
        return value.like(dims=tuple(dims), src=(node.lineno, "{}", node), ph=None, unk=False, rel=None)

    def from_list(self, built, node, stack="array"):
        """np.array / np.stack / np.vstack / np.hstack of a grown list: one axis more than its items, of a length
        the source does not show (numbers: rank 1); items of unknown or differing shapes give nothing."""
        item, src = built.item, (node.lineno, "{}", node)
        if item is MISSING or item is None:
            return None
        dims = () if _scalar(item) else item.dims if type(item) is T and not item.unk else \
            (len(item),) if type(item) is tuple and item and all(_scalar(i) for i in item) else None  # zip's rows
        if dims is None:
            last = (item.tail if item.tail is not None else item.end) if type(item) is T and not item.unk else None
            if last is not None and stack in ("array", "stack"):  # rank >= 1 items: rank >= 2, the same last axis
                return T(None, src, pred=item.pred, tail=last)
            return None
        if stack == "vstack":  # numbers and rank-1 rows become rows of a 2-D array
            dims = dims or (1,)  # a number is a (1, 1) row, a (k,) row a (1, k) one
            return T((None, *dims) if len(dims) == 1 else (None, *dims[1:]), src)
        if stack == "hstack":
            return T((None,), src) if len(dims) <= 1 else T((dims[0], None, *dims[2:]), src)
        if stack in ("concatenate", "concat"):  # along axis 0 only for rank-1 items (their one axis)
            return T((None,), src) if len(dims) == 1 else None
        return T((None, *dims), src)

    def concat(self, name, values, node, axis=0):
        """stack / concat / vstack / hstack: of a grown list along axis 0 (see from_list); of a list literal of
        known shapes, along its axis: concatenated, the axis's lengths add up; stacked, a new axis of their count."""
        if type(values) is Built:
            return self.from_list(values, node, name) if axis == 0 else None
        if name == "vstack" and not isinstance(values, tuple):  # an array's items stacked as rows: rank 2 or more
            src = (node.lineno, "{}", node)  # (n,) -> (n, 1); (n, k, ...) as it is; an object array of numbers: (n, 1)
            if isinstance(values, T) and values.dims is not None:
                return T((*values.dims, 1) if len(values.dims) == 1 else values.dims, src) if values.dims else None
            return T(None, src, ge2=True)
        if name in ("vstack", "hstack") and isinstance(values, tuple):  # `np.vstack([rewards, r])`, r a number
            values = tuple(T(()) if v is NUM or type(v) in (int, float) else v for v in values)
        if not isinstance(values, tuple) or not values or not all(isinstance(v, T) and v.dims is not None and
                                                                  not v.unk for v in values):
            return None
        shapes = [v.dims for v in values]
        if name == "vstack":  # numbers and rank-1 rows become the rows of a 2-D array: (1, 1), (1, k)
            name, axis, shapes = "concat", 0, [(1, *d) if len(d) == 1 else (1, 1) if not d else d for d in shapes]
        elif name == "hstack":  # numbers become (1,)
            shapes = [d or (1,) for d in shapes]
            name, axis = "concat", 0 if len(shapes[0]) == 1 else 1
        dims = _along(shapes, axis, stack=name == "stack")
        return T(dims, (node.lineno, "{}", node)) if dims is not None else None

    # Keras layers and models
    def layer(self, last, args, kw, node):
        line = node.lineno
        if last in ("Input", "InputLayer"):
            shape = _arg(args, kw, 0, "shape", kw.get("input_shape"))
            dims = self.dims(shape, line) if shape is not None else None
            if shape is None and isinstance(kw.get("batch_shape"), tuple):  # batch_shape=(None, 8): its own batch
                whole = self.dims(kw["batch_shape"], line)
                dims = whole[1:] if whole else None
            if dims is None:
                return None
            made = T(("B", *dims), (line, "{}", node))
            return made if last == "Input" else Layer("input", inputs=made, line=line)
        inputs = None
        if "input_shape" in kw or "input_dim" in kw:
            shape = kw.get("input_shape") if "input_shape" in kw else (kw.get("input_dim"),)
            dims = self.dims(shape, line)
            inputs = T(("B", *dims), (line, "{}", node)) if dims is not None else None
        if last == "Dense":
            return Layer("dense", _arg(args, kw, 0, "units", kw.get("output_dim")), inputs, line)  # Keras 1: output_dim
        if last == "Concatenate":  # Concatenate(axis=-1)([a, b])
            return Layer("concat", _arg(args, kw, 0, "axis", -1), inputs, line)
        if last in RECURRENT:  # (B, T, n) -> (B, units), or (B, T, units) with return_sequences=True
            units = _arg(args, kw, 0, "units")
            return Layer("sequences" if kw.get("return_sequences") is True else "recurrent",
                         units if isinstance(units, int) and not isinstance(units, bool) else None, inputs, line)
        if last == "Bidirectional":  # Bidirectional(GRU(64, return_sequences=True)): both directions' outputs,
            inner, merge = _arg(args, kw, 0, "layer"), kw.get("merge_mode", "concat")  # joined on the last axis
            if type(inner) is not Layer or inner.kind not in ("recurrent", "sequences") or \
                    merge not in ("concat", "sum", "mul", "ave"):  # merge_mode=None: a list of the two
                return None
            units = inner.units * 2 if merge == "concat" and inner.units is not None else inner.units
            return Layer(inner.kind, units, inputs or inner.inputs, line)
        if last == "Lambda":  # Lambda(lambda x: x * bound): what the function makes of the input
            function = _arg(args, kw, 0, "function")
            return Layer("lambda", function, inputs, line) if type(function) in (Lam, Fn) else None
        if last == "Reshape":  # Reshape((4096,)): the batch, then the target shape (-1: a length not shown)
            target = _arg(args, kw, 0, "target_shape")
            target = (target,) if type(target) is int else target
            return Layer("reshape", target, inputs, line) if type(target) is tuple else None
        if last in MERGE_LAYERS:  # Multiply()([mask, probs]): their one shape
            return Layer("merge", None, inputs, line)
        return Layer("flatten" if last == "Flatten" else "same", None, inputs, line)

    def apply_layer(self, layer, value, node):
        """A layer's output: Dense(units) maps the last axis; a rank not known stays so, with its last axis known."""
        if layer.kind == "input":
            return layer.inputs
        if layer.kind == "concat":
            return self.concat("concat", value, node, layer.units) if type(value) is tuple else None
        if layer.kind == "merge":  # Keras's merge layers take inputs of one shape: that shape, where all are known
            known = type(value) is tuple and value and all(isinstance(v, T) and v.dims is not None and not v.unk
                                                          for v in value)
            if not known or any(v.dims != value[0].dims for v in value[1:]):
                return None
            return T(value[0].dims, (node.lineno, "{}", node), pred=any(v.pred for v in value))
        if layer.kind == "reshape":
            batch = value.dims[0] if isinstance(value, T) and value.dims else "B"
            dims = tuple(d if type(d) is int and d > 0 else None for d in layer.units)
            return T((batch, *dims), (node.lineno, "{}", node), pred=isinstance(value, T) and value.pred)
        if not isinstance(value, T) or value.dims is None and value.tail is None:
            value = layer.inputs if layer.inputs is not None else value if isinstance(value, T) else None
        line = node.lineno
        if layer.kind == "dense":
            units = layer.units if isinstance(layer.units, int) and not isinstance(layer.units, bool) else None
            words = f"dense layer of {units} unit{'s' * (units != 1)}" if units is not None else "dense layer"
            if value is None or value.dims is None:
                rel = value.rel if value is not None else None  # Dense keeps the rank: S[:-1], then k axes
                rel = (rel[0], rel[1], True, units == 1) if rel is not None and rel[2] and rel[1] >= 1 else None
                if units is None and rel is None:
                    return None
                return T(None, (line, words, None), pred=True, tail=units, rel=rel)
            if not value.dims:
                return None
            return T(value.dims[:-1] + (units,), (line, words, None), pred=True)
        if layer.kind in ("recurrent", "sequences"):  # of (B, T, n) inputs, whatever T and n are
            batch = value.dims[0] if value is not None and value.dims else "B"
            dims = (batch, layer.units) if layer.kind == "recurrent" else (batch, None, layer.units)
            words = f"recurrent layer of {layer.units} units" if layer.units else "recurrent layer"
            return T(dims, (line, words, None))
        if layer.kind == "flatten":  # (batch, features), whatever it is given (a pretrained feature extractor's)
            batch = value.dims[0] if value is not None and value.dims else "B"
            rest = value.dims[1:] if value is not None and value.dims else None
            features = math.prod(rest) if rest and all(type(d) is int for d in rest) else None  # (B, 1) stays so
            return T((batch, features), (line, "{}", node), pred=value is not None and value.pred)
        if value is None:
            return None

        if layer.kind == "lambda":
            out = self.call_lambda(layer.units, [value]) if type(layer.units) is Lam else \
                self.call_fn(layer.units, [value], {})
            return out if isinstance(out, T) else None
        return value.like()

    def model(self, last, args, kw, node):
        line = node.lineno
        if last == "Sequential":
            layers = args[0] if args else kw.get("layers", ())
            if layers is None:
                return Model([None], line=line)
            if type(layers) is Built and layers.layers is not None:  # [Dense(h) for h in hs] + [Dense(1)]
                layers = layers.layers
            if not isinstance(layers, tuple):
                return None
            return Model([item if isinstance(item, (Layer, Model, T)) or _custom_layer(item) else None
                          for item in layers], line=line)
        # Keras 1 spelled them input= and output=
        inputs, outputs = _arg(args, kw, 0, "inputs", kw.get("input")), _arg(args, kw, 1, "outputs", kw.get("output"))
        if isinstance(outputs, T) and (outputs.dims is not None or outputs.tail is not None):
            return Model(None, inputs, outputs, line)
        if type(outputs) is tuple and any(isinstance(out, T) for out in outputs):  # outputs=[policy, value]
            return Model(None, inputs, tuple(self.model(last, [inputs, out], {}, node) for out in outputs), line)
        return None

    def tensorlayer(self, last, args, kw, node):
        """TensorLayer 1's layers: each wraps the one before (`DenseLayer(net, n_units=1)`), its tensor `.outputs`:
        an InputLayer's is the tensor given, a DenseLayer's the last axis mapped to n_units (100 where not given, as
        TensorLayer has it), a FlattenLayer's (batch, features); dropout and batch norm keep it."""
        if last == "InputLayer":
            given = _arg(args, kw, 0, "inputs")
            return Record({"outputs": given if isinstance(given, T) else None})
        prev = _arg(args, kw, 0, "prev_layer", kw.get("layer"))
        x = prev.attrs.get("outputs") if type(prev) is Record else None
        if last == "DenseLayer":
            units = _arg(args, kw, 1, "n_units", 100)
            return Record({"outputs": self.apply_layer(Layer("dense", units), x, node)})
        if last == "FlattenLayer":
            return Record({"outputs": self.apply_layer(Layer("flatten"), x, node)})
        if last in ("DropoutLayer", "BatchNormLayer"):
            return Record({"outputs": x})
        return Record({"outputs": None})

    def model_out(self, model, value, node):
        """What calling a model (or its predict) on `value` gives."""
        if type(model.output) is tuple and len(model.output) == 1 and model.output[0] is not None and \
                not self.keras3:  # Model(x, outputs=[q]): Keras 2 keeps q itself as the output (Keras 3 a list)
            return self.model_out(model.output[0], value, node)
        if type(model.output) is tuple:  # a model of several outputs: a list of them, each as its own model's
            return tuple(self.model_out(out, value, node) if out is not None else None for out in model.output)
        if model.output is not None:
            out = model.output
            if out.dims is None:
                return T(None, (model.line, f"model ending in Dense({out.tail})", None), pred=True, tail=out.tail)
            lead = value.dims[0] if isinstance(value, T) and value.dims else out.dims[0] if out.dims else None
            words = f"model ending in Dense({out.dims[-1]})" if out.dims else "model"
            return T((lead, *out.dims[1:]), (model.line, words, None), pred=True)
        layers = model.layers or []
        if not layers or layers[-1] is None:
            return None
        current = value if isinstance(value, T) and (value.dims is not None or value.rel is not None) else None
        first = layers[0]
        declared = first.dims if isinstance(first, T) else \
            first.inputs.dims if isinstance(first, Layer) and isinstance(first.inputs, T) else None
        if current is not None and current.dims is not None and declared and declared[-1] == 1 and \
                len(current.dims) == len(declared) - 1:  # predict(x) or a call of an (N,) x, the input declared
            current = current.like(dims=(*current.dims, 1))  # (1,): both generations make it (N, 1) (measured)
        for layer in layers:
            if isinstance(layer, T):  # keras.Input(...) as the first element
                current = layer if current is None or current.dims is None else current
                continue
            if layer is None:  # a layer not known: what follows it is of a shape not known (a Dense's last axis is)
                current = None
                continue
            if type(layer) is Inst:  # a custom layer's own call, on what comes in (None: a value not known)
                made = self.call_inst(layer, [current], {}, node)
                current = made if isinstance(made, T) else None
                continue
            current = self.model_out(layer, current, node) if isinstance(layer, Model) else \
                self.apply_layer(layer, current, node)  # None: not known, as after a layer not known
        if current is None:
            return None
        last = layers[-1]
        if isinstance(last, Layer) and last.kind == "dense":
            return current.like(src=(model.line, f"model ending in Dense({last.units})", None), pred=True)
        return current.like(pred=True)

    # findings
    def findings(self, start: int = 0, direct_start: int = 0) -> list[Finding]:
        """The findings; a sibling's, those made by the importer's calls (candidates from `start` on, direct
        findings from `direct_start` on)."""
        found = [f for f in self.direct[direct_start:]
                 if id(f) not in self.direct_cls or not self.fitted_on_columns(self.direct_cls[id(f)]) and
                 not (self.keras2 and self.only_compiled(self.direct_cls[id(f)])) and
                 not self.left_unused(self.direct_cls[id(f)])]
        reductions = set()  # one finding per reduction: its first broadcast
        for cand in sorted(self.candidates[start:], key=lambda c: (c.node.lineno, c.node.col_offset)):
            if cand.reduced is None or id(cand.reduced_by) in reductions:
                continue
            if cand.fed and not self.fed_columns(cand) or not cand.fed and (
                    cand.code == "TLW002" and self.fed_a_column(cand) or cand.code == "TLW003" and self.fed_one(cand)):
                continue
            reductions.add(id(cand.reduced_by))
            found.append(self.describe(cand))
        unique = {}
        for finding in found:
            unique.setdefault((finding.line, finding.code), finding)
        return sorted(unique.values(), key=lambda f: (f.line, f.col, f.code))

    def fed_columns(self, cand) -> bool:
        """The placeholder is fed, and every feed seen is a (B, 1) column (or a (..., 1) of rank 2 or more, a
        critic's values): against a (B,), a B x B each run."""
        fed = self.feeds.get(cand.placeholders[0], [])
        if not fed or not all(isinstance(v, T) and (_column(v.dims) or v.dims is None and v.tail == 1) for v in fed):
            return False
        lengths = {v.dims[0] for _, v in (cand.left, cand.right) if v.dims is not None and len(v.dims) == 1}
        rows = {v.dims[0] if v.dims else None for v in fed}
        # a (3,) bias against (8, 1) columns is (8, 3): a B x B only where the vector is as long as the columns
        return not (len(lengths) == 1 and type(k := lengths.pop()) is int and all(type(n) is int and n != k
                                                                                  for n in rows))

    def fed_one(self, cand) -> bool:
        """The (B,) side is a placeholder fed one sample a run wherever its feeds are seen (`{ret:
        np.array([g])}`: one transition an update): (1,) against (B, 1) is (B, 1), no B x B."""
        vectors = [v for _, v in (cand.left, cand.right) if v.dims is not None and len(v.dims) == 1]
        if len(vectors) != 1 or vectors[0].src is None or vectors[0].src[1] != "placeholder shape={}":
            return False
        fed = self.sized_feeds.get(id(vectors[0].src[2]), [])
        known = [_fed_length(v) for v in fed]
        known = [n for n in known if n is not None]
        return bool(known) and all(n == 1 for n in known)

    def fed_a_column(self, cand) -> bool:
        """An unknown-rank placeholder fed no (B,) that is seen — its feeds that are seen have rank 2 (or 0: a
        scalar makes no B x B), the others come from code the scan cannot follow — or whose label arrays all have
        rank 2."""
        for ph in cand.placeholders:
            fed = self.feeds.get(ph)
            if fed:
                known = [v for v in fed if isinstance(v, T) and (v.dims is not None or v.ge2 or v.tail is not None)
                         or _number(v)]  # a reward from env.step, fed one transition a run
                if known and all(_number(v) or v.ge2 or v.tail is not None or len(v.dims) in (0, 2) for v in known):
                    return True
                continue
            names = self.placeholder_names.get(ph, set())
            arrays = [v for key, v in self.named.items() if any(key.startswith(n + "_") for n in names)
                      and v.ph is None and not v.unk and not v.pred]
            known = [v for v in arrays if v.dims is not None]
            if known and all(len(v.dims) == 2 and v.dims[-1] == 1 for v in known):
                return True
        return False

    def describe(self, cand) -> Finding:
        (left_node, left), (right_node, right) = cand.left, cand.right
        if cand.fed:
            vector, vector_node = (right, right_node) if left.unk else (left, left_node)
            placeholder, placeholder_node = (left, left_node) if left.unk else (right, right_node)
            text = " and ".join(self.operand(n, v, vector) for n, v in ((left_node, left), (right_node, right)))
            feed = self.feeds[cand.placeholders[0]][0]
            made = _bb(feed.dims[0], vector.dims[0]) if feed.dims else f"(..., {_dim(vector.dims[0])})"
            message = (f"{text} broadcast to {made}: the placeholder is fed (B, 1) "
                       f"columns ({_phrase(feed.src, self.offset)}), before {cand.reduced}")
            fix = (f"declare the placeholder {_code(placeholder_node)} with shape=(None, 1) and bring "
                   f"{_code(vector_node)} to (B, 1): tf.expand_dims({_code(vector_node)}, -1); or feed it (B,) "
                   f"labels, declared shape=(None,)")
        elif cand.code == "TLW002":
            column, column_node = (right, right_node) if left.unk else (left, left_node)
            other_node = left_node if left.unk else right_node
            sides = [(left_node, left), (right_node, right)]
            text = " and ".join(self.operand(n, v, column) for n, v in sides)
            message = (f"{text} broadcast to {_bb(column.dims[0] if column.dims else None, 'B')} when the "
                       f"placeholder is fed (B,) labels, before {cand.reduced}")
            fix = (f"declare the placeholder {_code(other_node)} with shape=(None, 1) to match "
                   f"{_code(column_node)}, or shape=(None,) with {_code(column_node)} squeezed: "
                   f"tf.squeeze({_code(column_node)}, axis=-1)")
        elif left.cut and right.cut and left.cut[0] == right.cut[0]:  # two columns of one value, one kept
            kept, kept_node = (left, left_node) if left.cut[1] == "keep" else (right, right_node)
            dropped, dropped_node = (right, right_node) if kept is left else (left, left_node)
            text = " and ".join(self.operand(n, v, kept, "operand") for n, v in ((left_node, left),
                                                                                 (right_node, right)))
            kept_cut, dropped_cut = kept.cut[2], dropped.cut[2]
            message = f"{text} broadcast to (B, B, ...) at any rank of {_short(kept_cut.value, 30)}, before " \
                f"{cand.reduced}"
            fix = (f"take both columns alike: {_column_form(kept_cut, 'drop')} for {_short(kept_cut, 30)}, or "
                   f"{_column_form(dropped_cut, 'keep')} for {_short(dropped_cut, 40)}")
        elif left.dims is None and right.dims is None:  # two shapes tied to one input's (see Anchor)
            column_left = left.rel[1] > right.rel[1]
            column, column_node = (left, left_node) if column_left else (right, right_node)
            vector, vector_node = (right, right_node) if column_left else (left, left_node)
            name = column.rel[0].name
            text = " and ".join(self.operand(n, v, column, "predictions" if v.pred else "operand")
                                for n, v in ((left_node, left), (right_node, right)))
            made = ("(B, B)" if column.rel[2] else "(..., B, B)") if (vector.rel[1], column.rel[1]) == (0, 1) else \
                "every sample against every other"
            message = (f"{text} broadcast to {made} if {name} is (B, n), and across the batch at any rank of {name}, "
                       f"before {cand.reduced}")
            lib = self.fix_library(cand, numpy=False)
            fix = _two_ways(f"{lib}.squeeze({_code(column_node)}, axis=-1)", column_node,
                            f"{lib}.expand_dims({_code(vector_node)}, -1)", vector_node)
        elif left.dims is not None and right.dims is not None and len(left.dims) >= 2 and len(right.dims) >= 2:
            deep_left = _deep_column(left.dims) and len(left.dims) > len(right.dims)  # (B, 1) against (B, 1, 1)
            deep, deep_node = (left, left_node) if deep_left else (right, right_node)
            column, column_node = (right, right_node) if deep_left else (left, left_node)
            text = " and ".join(self.operand(n, v, column) for n, v in ((left_node, left), (right_node, right)))
            made = "(" + ", ".join(_dim(d) for d in _broadcast_dims(left.dims, right.dims)) + ")"
            message = f"{text} broadcast to {made} before {cand.reduced}"
            lib = self.fix_library(cand)
            ones = ", 1" * (len(deep.dims) - 1)
            fix = _two_ways(f"{lib}.reshape({_code(deep_node)}, (-1, 1))", deep_node,
                            f"{lib}.reshape({_code(column_node)}, (-1{ones}))", column_node)
        else:
            vector_left = left.dims is not None and len(left.dims) == 1 or left.dims is None and left.end is not None
            column, column_node = (right, right_node) if vector_left else (left, left_node)
            vector, vector_node = (left, left_node) if vector_left else (right, right_node)
            text = " and ".join(self.operand(n, v, column) for n, v in ((left_node, left), (right_node, right)))
            if vector.dims is None:  # (..., B), a (B,) vector met with a value of unknown shape, and a (B, 1)
                made = f"(..., {_dim(column.dims[0])}, {_dim(vector.end)})"
            else:
                made = _bb(column.dims[0], vector.dims[0]) if column.dims else f"(..., {_dim(vector.dims[0])})"
            if _deep_column(column.dims) or _stacked_column(column.dims):
                made = "(" + ", ".join(_dim(d) for d in _broadcast_dims(column.dims, vector.dims)) + ")"
            message = f"{text} broadcast to {made} before {cand.reduced}"
            lib = self.fix_library(cand)
            squeeze = f"{lib}.squeeze({_code(column_node)}, axis=-1)"
            ones = ", 1" * (len(column.dims) - 1) if column.dims else ", 1"  # the vector as the column's rank
            if _deep_column(column.dims) and all(d == 1 for d in column.dims[1:]):  # (B, 1, 1): to (B,)
                squeeze = f"{lib}.reshape({_code(column_node)}, (-1,))"
            reshape = f"{lib}.reshape({_code(vector_node)}, (-1{ones}))"
            if vector.dims is None:
                reshape = f"{lib}.expand_dims({_code(vector_node)}, -1)"
            fix = _two_ways(squeeze, column_node, reshape, vector_node)
            if _deep_column(column.dims) and not all(d == 1 for d in column.dims[1:]):
                fix = f"give {_code(vector_node)} the column's rank before they meet: {reshape}"
            if _stacked_column(column.dims) and "Python list" in column.src[1]:
                fix = (f"take the array out of the list {_code(column_node)}: {_code(column_node)}[0][:, 0] (numpy "
                       f"stacks a list of arrays along a new first axis; sess.run([t]) returns such a list)")
        if cand.scatter:
            fix += "; and index with vectors: index arrays of (B,) and (B, 1) also scatter a B x B"
        return Finding(self.path, cand.node.lineno - self.offset, cand.node.col_offset + 1, cand.code, message, fix)

    def fix_library(self, cand, numpy=True) -> str:
        """The module a fix's calls are written in: numpy's for numpy arithmetic or a module that names neither
        TensorFlow nor Keras, `ops` where the line or the imports use it, `keras.ops` in another Keras 3 module but
        TF 1 graph code (placeholders and a Session run by TensorFlow whatever Keras's backend), else TensorFlow's."""
        if numpy and (cand.numpy or _looks_numpy(cand.node) or not self.names_tensorflow or
                      cand.reduced_by is not None and _looks_numpy(cand.reduced_by)):  # np.mean((p - y) ** 2)
            return "np"
        if "ops." in _short(cand.node, 200) or "from keras import ops" in self.source:
            return "ops"
        return "keras.ops" if self.keras3 and not self.tf1 else "tf"

    def operand(self, node, value, column, role=None):
        if role is None:
            role = "predictions" if value.pred and not (value is not column and column.pred) else \
                "labels" if column.pred and value is not column else "operand"
            if value is column and not value.pred:
                role = "operand"
        shape = "unknown rank" if value.unk else show(value)
        shape = shape if value.unk else f"a shape {shape}" if shape.startswith("broadcast") else f"shape {shape}"
        return f"{role} {_short(node, 40)} of {shape} ({_phrase(value.src, self.offset)})"


NUMBER_TYPES = {"int", "float"}
# the flag values of absl and of TF 1's flags module (tf.app.flags, tf.flags, tf.compat.v1.flags): FLAGS.x
FLAG_VALUES = frozenset({"absl.flags.FLAGS", "tensorflow.app.flags.FLAGS", "tensorflow.flags.FLAGS",
                         "tensorflow.compat.v1.flags.FLAGS", "tensorflow.compat.v1.app.flags.FLAGS",
                         "tensorflow.python.platform.flags.FLAGS"})
NUMBER_FLAG = re.compile(r"""DEFINE_(?:integer|float)\(\s*(?:name\s*=\s*)?["'](\w+)["']""")
NUMBER_ACTIONS = {"store_true", "store_false", "count"}


def _parser_method(parser, name, node):
    """`parser.add_argument('--gamma', type=float, default=0.99)`: args.gamma is one number; parse_args()
    gives them (`args.gamma * next_v` keeps next_v's shape). An option of another type, `nargs`, an `append`,
    or a default that is neither a number nor a string its type converts is not one."""
    if name in ("add_argument_group", "add_mutually_exclusive_group"):
        return parser
    if name in ("parse_args", "parse_known_args"):
        args = Record({dest: NUM if number else None for dest, number in parser.numbers.items()})
        return args if name == "parse_args" else (args, None)
    if name != "add_argument":
        return None
    keywords = {k.arg: k.value for k in node.keywords if k.arg}
    flags = [a.value for a in node.args if type(a) is ast.Constant and type(a.value) is str]
    if not flags:
        return None
    dest = keywords["dest"].value if type(keywords.get("dest")) is ast.Constant else \
        next((f for f in flags if f.startswith("--")), flags[0]).lstrip("-").replace("-", "_")
    kind, action, default = keywords.get("type"), keywords.get("action"), keywords.get("default")
    typed = type(kind) is ast.Name and kind.id in NUMBER_TYPES
    acted = type(action) is ast.Constant and action.value in NUMBER_ACTIONS
    numeric_default = type(default) is ast.Constant and type(default.value) in (int, float)
    parser.numbers[dest] = "nargs" not in keywords and (  # a str default goes through type=float too
        acted or (typed or kind is None and action is None and numeric_default) and
        (default is None or type(default) is ast.Constant and type(default.value) in (int, float, str, type(None))))
    return None


def _tuple_as_array(items, node):
    """A list of arrays of one known shape meeting an array or a tensor: numpy and TensorFlow stack it, one axis
    more, of the list's length (`sess.run([yhat])` is a list of one (B, 1) array: (1, B, 1)); else not known."""
    if not items or not all(isinstance(i, T) and i.dims is not None and not i.unk for i in items) or \
            len({i.dims for i in items}) != 1:
        return None
    return T((len(items), *items[0].dims), (node.lineno, "the Python list {}", node), pred=items[0].pred,
             npy=items[0].npy)


def _fed_length(value):
    """The first axis of what a feed_dict gives a placeholder, where it is seen: an array's, a list literal's."""
    if isinstance(value, T):
        return value.dims[0] if value.dims and isinstance(value.dims[0], int) else "B" if value.dims else None
    return len(value) if type(value) is tuple else None


def _session_run(fetches, fed):
    """`sess.run(v, feed_dict={X: states})`: numpy arrays of the fetched tensors' shapes, their batch axis the
    feeds' first axis where every feed that is seen agrees on it (five (5, n) states: (5, 1) values), else B; a
    list of fetches gives a list of them (a run fed one row, `{X: s[None]}`, gives (1, ...) arrays)."""
    firsts = {_fed_length(v) for v in fed if isinstance(v, T) and v.dims}
    batch = firsts.pop() if len(firsts) == 1 else "B"
    if type(fetches) is tuple:
        return tuple(_session_run(f, fed) for f in fetches)
    if not isinstance(fetches, T) or fetches.unk or not fetches.dims:
        return None
    dims = (batch if fetches.dims[0] == "B" else fetches.dims[0], *fetches.dims[1:])
    return T(dims, fetches.src, pred=fetches.pred, npy=True)


def _gym_env(node, path, name, five_item_steps=False):
    """gym.make("CartPole-v1"): an Env if the id (a literal, or a name bound to one; namespaced or not) names a
    vector observation. gym 0.26 and later have gymnasium's API: a module whose gym.make is given a `render_mode`
    (new in 0.26) or that unpacks a step into five is read so."""
    if not isinstance(name, str):
        return None
    base = name.rsplit("/", 1)[-1].split("-v")[0]
    if base not in VECTOR_ENVS:
        return None
    obs = T((VECTOR_ENVS[base],), (node.lineno, f"an observation of {name}", None))
    new_api = path == "gymnasium.make" or five_item_steps or any(k.arg == "render_mode" for k in node.keywords)
    return Env(obs, new_api, BOX_ACTIONS.get(base))


def _made(env, step, target):
    """What a known Env's reset() / step(a) gives, unpacked into this assignment target (None: not unpacked).
    gym before 0.26 returns obs and (obs, reward, done, info), gymnasium (obs, info) and (obs, reward,
    terminated, truncated, info): a reset unpacked into two is (obs, info) unless an observation has two items."""
    count = len(target.elts) if type(target) in (ast.Tuple, ast.List) else None
    if step:
        if count is None:
            return (env.obs, NUM, NUM, NUM, None) if env.gymnasium else (env.obs, NUM, NUM, None)
        return (env.obs, *[NUM] * (count - 2), None) if count >= 3 else None
    if count is None:
        return (env.obs, None) if env.gymnasium else env.obs
    return (env.obs, None) if count == 2 and (env.gymnasium or env.obs.dims != (2,)) else None


def _grid(value) -> bool:
    """A column made of an index range on purpose, `np.arange(n).reshape(-1, 1)` or `np.arange(n)[:, None]`: what
    it meets it meets as an outer product (a DFT's phases, a grid of coordinates), not as a batch of samples."""
    node = value.src[2] if value.src else None
    if type(node) is ast.Call and type(node.func) is ast.Attribute and node.func.attr == "reshape":
        node = node.func.value
    elif type(node) is ast.Subscript:
        node = node.value
    return type(node) is ast.Call and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("arange", "linspace")


def _goes_on(handler) -> bool:
    """An except clause that catches everything (bare, Exception, BaseException) and does not raise again."""
    caught = handler.type
    named = caught is None or type(caught) is ast.Name and caught.id in ("Exception", "BaseException")
    return named and not any(type(n) is ast.Raise for n in ast.walk(ast.Module(body=handler.body, type_ignores=[])))


def _stepped(result):
    """What a wrapper's own `env.step(a)` gives (a gym.Wrapper subclass returning `super().step(a)`): gym's step,
    whose reward and done are numbers whatever the walk of the method could tell of them."""
    if type(result) is tuple and len(result) in (4, 5):
        return (result[0], *[NUM if value is None else value for value in result[1:-1]], result[-1])
    return ENV_STEP if result is None else result


def _env_step(call) -> bool:
    """`env.step(a)` (gym; gymnasium's returns five): one environment's step, whose reward (its second item) is a
    Python number. A vector of environments (`envs.step`) returns an array of rewards, and is not this."""
    owner = call.func.value
    name = owner.id if type(owner) is ast.Name else owner.attr if type(owner) is ast.Attribute else ""
    return call.func.attr == "step" and name.lower().endswith("env")


def _open_input(callee) -> bool:
    """Whether a model's or a layer's output shape follows its input's: Dense and shape-keeping layers, no Input."""
    if type(callee) is Layer:
        return callee.inputs is None and callee.kind in ("dense", "same")
    if type(callee) is Model and callee.layers:
        first = callee.layers[0]
        return isinstance(first, (Layer, Model)) and _open_input(first)
    return False


def _tied(value) -> bool:
    if type(value) is T:
        return value.rel is not None
    return type(value) is tuple and any(_tied(v) for v in value)


def _retie(value, keep, fresh):
    """The value with every tie to an input not in `keep` moved to a new input of the same name (`fresh` maps each
    old one to its new one), so that the parts of one value stay tied to each other and to nothing else."""
    if type(value) is T:
        if value.rel is None or value.rel[0] in keep:
            return value
        anchor = value.rel[0]
        new = fresh.setdefault(anchor, Anchor(anchor.name))
        return value.like(rel=(new, *value.rel[1:]))
    return tuple(_retie(v, keep, fresh) for v in value) if type(value) is tuple else value


def _dim(d) -> str:
    return "?" if d is None else str(d)


def _bb(first, second) -> str:
    return f"({_dim(first)}, {_dim(second)})"


def _looks_numpy(node):
    text = _short(node, 400)
    return text.startswith("np.") or ".mean()" in text or "numpy." in text


def _parenthesized(source, node, offset=0) -> bool:
    """Whether the source wraps `node` in parentheses: the question's `shape=(None)`."""
    lines = source.splitlines()
    if node.lineno != node.end_lineno or node.lineno - offset > len(lines):
        return False
    text = lines[node.lineno - offset - 1]
    before, after = text[:node.col_offset].rstrip(), text[node.end_col_offset:].lstrip()
    return before.endswith("(") and after.startswith(")") and not before[:-1].rstrip().endswith(("(", ","))


def _transposed(value):
    """A matrix operand transposed in a matmul: its last two axes swapped (a rank not known: not known)."""
    if not isinstance(value, T) or value.dims is None or len(value.dims) < 2:
        return None if isinstance(value, T) and value.dims is not None else value
    return value.like(dims=(*value.dims[:-2], value.dims[-1], value.dims[-2]))


def _arg(args, kw, position, keyword, default=None):
    if keyword in kw:
        return kw[keyword]
    return args[position] if position is not None and len(args) > position else default


def _axis(args, kw, old):
    """The axis argument, second or by keyword, or by the keyword TF1 named it first: `reduction_indices`
    (reduce_sum, reduce_mean, ...), `squeeze_dims` (squeeze), `dim` (expand_dims)."""
    return kw[old] if old in kw and "axis" not in kw else _arg(args, kw, 1, "axis")


def _arg_node(call, position, keyword):
    for k in call.keywords:
        if k.arg == keyword:
            return k.value
    return call.args[position] if len(call.args) > position else call


def _nested_dims(node):
    dims = []
    while isinstance(node, (ast.List, ast.Tuple)):
        dims.append(len(node.elts))
        if not node.elts:
            break
        node = node.elts[0]
    return tuple(dims)


def _tuple_dims(value):
    dims = []
    while isinstance(value, tuple):
        dims.append(len(value))
        if not value:
            break
        value = value[0]
    return tuple(dims)


def _holds_array(value) -> bool:
    return isinstance(value, T) or type(value) is tuple and any(_holds_array(v) for v in value)


def _stacked_dims(value):
    """The shape numpy gives a nested list of arrays and numbers, every item alike; None if they differ or one is
    not known."""
    if type(value) is tuple:
        inner = [_stacked_dims(v) for v in value]
        if not inner or inner[0] is None or any(d != inner[0] for d in inner[1:]):
            return (0,) if not inner else None
        return (len(value), *inner[0])
    if isinstance(value, T):
        return value.dims if not value.unk and not value.pending else None
    return () if value is NUM or type(value) in (int, float, bool) else None


def _literal_dims(value):
    """The shape of a nested list or tuple of numbers, every row alike; None if anything else is in it."""
    if type(value) is tuple:
        if not value:
            return (0,)
        inner = [_literal_dims(v) for v in value]
        if inner[0] is None or any(d != inner[0] for d in inner[1:]):
            return None
        return (len(value), *inner[0])
    return () if value is NUM or type(value) in (int, float, bool) else None


def _newaxis(item):
    return isinstance(item, Mod) and item.path.endswith("newaxis")


def _slice_length(part, dim, values=None):
    """The length a slice with literal bounds leaves of an axis: of a known length, Python's own arithmetic; of
    an unknown one, only a one-wide slice (`:1`, `-1:`, `2:3`) is known, as 1: it is what was written on any axis
    long enough for it (shorter, the slice is empty and makes no B x B); so are `i:i + 1` and `i - 1:i` of any `i`,
    as written to take one column of a loop's index or the reward stored before the last `s_dim` columns.
    `values`: the bounds as evaluated, for bounds that are names (`x[:, -horizon:]` with horizon 1)."""
    if not isinstance(part, ast.Slice) or part.step is not None:
        return None
    if part.lower is not None and type(part.upper) is ast.BinOp and type(part.upper.op) is ast.Add and \
            any(type(one) is ast.Constant and one.value == 1 and ast.dump(other) == ast.dump(part.lower)
                for one, other in ((part.upper.right, part.upper.left), (part.upper.left, part.upper.right))):
        return 1
    if part.upper is not None and type(part.lower) is ast.BinOp and type(part.lower.op) is ast.Sub and \
            type(part.lower.right) is ast.Constant and part.lower.right.value == 1 and \
            ast.dump(part.lower.left) == ast.dump(part.upper):  # `n - 1:n`, `-s_dim - 1:-s_dim`
        return 1
    bounds = []
    for bound in (part.lower, part.upper):
        if bound is not None and type(bound) is ast.UnaryOp and type(bound.op) is ast.USub and \
                type(bound.operand) is ast.Constant and type(bound.operand.value) is int:
            bound = ast.Constant(-bound.operand.value)
        bounds.append(None if bound is None else bound.value if type(bound) is ast.Constant and
                      type(bound.value) is int else NUM)
    if values is not None:  # a name's value where the source has no literal
        bounds = [v if b is NUM else b for b, v in zip(bounds, values, strict=True)]
    if NUM in bounds:
        return None
    lower, upper = bounds
    if isinstance(dim, int):
        return len(range(dim)[lower:upper])
    start = lower or 0
    one = start >= 0 and upper == start + 1 or start == -1 and upper is None or start < 0 and upper == start + 1 < 0
    return 1 if one else None


def _dotted(node) -> bool:
    """`tf.nn.relu`: an attribute path from a name, as a default (evaluated where the function is defined)."""
    if type(node) is not ast.Attribute:
        return False
    while type(node) is ast.Attribute:
        node = node.value
    return type(node) is ast.Name


def _full_slice(part):
    """`:`, or `::-1` (every item, reversed)."""
    return isinstance(part, ast.Slice) and part.lower is None and part.upper is None and (
        part.step is None or type(part.step) is ast.UnaryOp and type(part.step.op) is ast.USub and
        type(part.step.operand) is ast.Constant and part.step.operand.value == 1)


_DIM = r"(?:[A-Za-z_]\w*|\d+|\?)"
_SHAPE = rf"(?:\[\s*{_DIM}(?:\s*[,x]\s*{_DIM})*\s*,?\s*\]|\(\s*{_DIM}\s*,(?:\s*{_DIM}\s*,)*\s*(?:{_DIM}\s*)?\))"
DOC_SHAPE = re.compile(  # `of shape (B,)`, `shape: [batch, 1]`, `an [episode_length] array`, `(n, 1) tensor`
    rf"(?:\bshape[ds]?\s*(?:of|is|=|:)?\s*|\bsize\s+)(?P<a>{_SHAPE})|(?P<b>{_SHAPE})\s*(?:-?\s*(?:dimensioned|"
    r"dimensional|shaped|sized)\s+)?(?:numpy\s+|np\.|tf\.)?(?:array|tensor|matrix|vector|ndarray|Tensor)\b")
DOC_ANY_SHAPE = re.compile(_SHAPE)
DOC_WORDS = re.compile(r"shape|array|tensor|matrix|vector|dimension", re.IGNORECASE)


def _doc_dims(text):
    parts = [p for p in re.split(r"\s*,\s*|\s+x\s+", text[1:-1].strip()) if p]
    return tuple(int(p) if p.isdigit() else None for p in parts)


def _docstring_shapes(node) -> dict:
    """The shapes a function's docstring declares for its parameters (Sphinx `:param x: … of shape [B]`, Google's
    `x (Tensor): [B, 1] …`, numpydoc's `x : ndarray, shape (n,)`): name -> (dims, line). A description that
    names shapes of two ranks (`(n,) or (n, k)`) declares none; named dimensions are of unknown length."""
    body = node.body
    if not (body and type(body[0]) is ast.Expr and type(body[0].value) is ast.Constant and
            isinstance(body[0].value.value, str)):
        return {}
    doc = body[0].value.value
    if not DOC_WORDS.search(doc):
        return {}
    params = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)} - {"self", "cls"}
    lines = doc.splitlines()
    marker = re.compile(r"^(?P<indent>\s*)(?::(?:param|type|arg|argument)\s+(?:[^:]*\s)?(?P<s>\w+)\s*:|"
                        r"(?P<g>\w+)\s*(?:\([^)]*\))?\s*:(?!:))(?P<rest>.*)$")
    found = {}
    for i, line in enumerate(lines):
        match = marker.match(line)
        name = match and (match.group("s") or match.group("g"))
        if name not in params:
            continue
        depth = len(match.group("indent"))
        text = [match.group("rest")]
        for more in lines[i + 1:]:
            if more.strip() and len(more) - len(more.lstrip()) <= depth:
                break
            text.append(more)
        text = " ".join(text)
        declared = [m.group("a") or m.group("b") for m in DOC_SHAPE.finditer(text)]
        if not declared:
            continue
        ranks = {len(_doc_dims(t)) for t in DOC_ANY_SHAPE.findall(text)}
        dims = _doc_dims(declared[0])
        if len(ranks) == 1 and dims and (name not in found or found[name][0] == dims):
            found[name] = (dims, body[0].value.lineno + i)
        else:
            found[name] = (None, 0)  # two shapes, or two ranks: not declared
    return {name: value for name, value in found.items() if value[0] is not None}


class Lam:
    __slots__ = ("node", "closure", "home")

    def __init__(self, node, closure, home=None):
        self.node, self.closure, self.home = node, closure, home


class Parser:
    """An argparse.ArgumentParser: each option's dest and whether its value is one number (see parser_method)."""

    __slots__ = ("numbers",)

    def __init__(self):
        self.numbers: dict[str, bool] = {}


class Feeds:
    """A dict whose keys are placeholders (`{X: states, y: targets}`): what a session's run is fed."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values


class Record:
    """A bunch of named values: sklearn's fetch_california_housing() with .data and .target, argparse's options, or
    a dict whose keys are strings (`dict(rew=self.rew[idxs])`, `{'rew': r}`): mutable, what unseen code may change."""

    __slots__ = ("attrs", "mutable")

    def __init__(self, attrs, mutable=False):
        self.attrs = attrs
        self.mutable = mutable

    def set(self, key, value):
        """d[key] = value; a key not known makes every key's value unknown."""
        if isinstance(key, str):
            self.attrs[key] = value
        else:
            self.attrs.clear()


SKLEARN_SCALE_FNS = frozenset({"minmax_scale", "scale", "maxabs_scale", "robust_scale"})  # ensure_2d=False
SKLEARN_DATASETS = {  # name: (data, target) shapes, as documented
    "fetch_california_housing": ((20640, 8), (20640,)), "load_boston": ((506, 13), (506,)),
    "load_diabetes": ((442, 10), (442,)), "load_iris": ((150, 4), (150,)), "load_breast_cancer": ((569, 30), (569,)),
    "load_wine": ((178, 13), (178,)), "load_digits": ((1797, 64), (1797,)),
}


# scikit-learn transformers whose transform / fit_transform / inverse_transform check X is 2-D and return a 2-D
# array (not LabelEncoder & co., which take a 1-D y)
SKLEARN_TRANSFORMERS = {"StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer",
                        "QuantileTransformer", "PowerTransformer", "PolynomialFeatures", "OneHotEncoder",
                        "OrdinalEncoder", "KBinsDiscretizer", "SimpleImputer", "PCA", "TruncatedSVD"}
SKLEARN_SCALERS = frozenset({"StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer",
                             "QuantileTransformer", "PowerTransformer"})  # each column on its own: shape kept


class Built:
    """A Python list grown by `.append` / `.insert` / `+=`: what its items are (MISSING: none seen yet; None: items
    of different or unknown shapes). `np.array(lst)` of numbers is rank 1, its length not known."""

    __slots__ = ("item", "layers", "last", "held")

    def __init__(self, item=MISSING):
        self.item = item
        self.layers = None  # `[Dense(h) for h in hs] + [Dense(1)]`: (one Dense standing for the grown part, Dense(1))
        # the item appended last, where every change to the list is an append (`layers.append(DenseLayer(m, 1))`
        # after the hidden layers' loop): a loop over the list ends with it (see s_for). MISSING: not known
        self.last = MISSING
        self.held = False  # an instance's attribute (`self.memory = deque()`): its first item is an event, FILLED

    def add(self, value):
        self.layers, self.last = None, MISSING
        if value is MISSING:
            return
        if self.held and self.item is MISSING:
            FILLED[0] += 1
        self.item = value if self.item is MISSING else _join_items(self.item, value)


def _scalar(value) -> bool:
    return value is NUM or type(value) in (int, float, bool) or type(value) is T and value.dims == () and not value.unk


def _join_items(a, b):
    if a is b:
        return a
    if a is None or b is None:
        return None
    if _scalar(a) and _scalar(b):
        return NUM if not (type(a) is T and type(b) is T) else _join(a, b)
    if type(a) is tuple and type(b) is tuple and len(a) == len(b):  # a replay buffer's transitions, appended on
        return tuple(_join_items(x, y) for x, y in zip(a, b, strict=True))  # two branches: each field joined
    return _join(a, b) if type(a) is T and type(b) is T else None


def _as_built(value):
    """A list literal (a tuple here) or a grown list, as a Built; None for anything else."""
    if type(value) is Built:
        return value
    if type(value) is tuple:
        built = Built()
        for item in value:
            built.add(item)
        return built
    return None


def _both_lists(a, b):
    """One list holding what either holds (two branches' lists, or `a + b`); None unless both are lists."""
    a, b = _as_built(a), _as_built(b)
    if a is None or b is None:
        return None
    joined = Built(a.item)
    joined.add(b.item)
    return joined


def _poison(args):
    """A list or a dict handed to code the scan cannot see may be given anything: its items are no longer known."""
    for arg in args:
        if type(arg) is Built:
            arg.item, arg.last = None, MISSING
        elif type(arg) is Record and arg.mutable:
            arg.attrs.clear()


def _dict_method(record, name, args, kw):
    """d.get('rew'), d.pop('rew'), d.update(rew=r), d.copy(); a method that may change it otherwise forgets it."""
    key = args[0] if args else None
    if name == "get":
        return record.attrs.get(key) if isinstance(key, str) else None
    if name == "pop":
        return record.attrs.pop(key, None) if isinstance(key, str) else record.set(None, None)
    if name == "copy":
        return Record(dict(record.attrs), mutable=True)
    if name == "update" and (not args or len(args) == 1 and type(key) is Record):
        record.attrs.update({**(key.attrs if args else {}), **kw})
    elif name == "setdefault" and isinstance(key, str):
        return record.attrs.setdefault(key, args[1] if len(args) > 1 else PYNONE)
    elif name == "keys" and not args:  # `for name in list(example.keys())`: each key in turn
        return tuple(record.attrs)
    elif name not in ("values", "items", "__contains__", "__len__"):
        record.set(None, None)
    return None


PY_BUILTINS = frozenset(dir(builtins))
# A deque made from items the scan cannot see (a replay memory loaded from a pickle) is taken to hold what the code
# appends to it: numpy stacks a batch of its items only if every item has one shape (np.array of items of two
# shapes raises), so the items appended here are the shape of those loaded, wherever the batch is stacked.
SAME_ITEMS = frozenset({"random.sample", "random.choices", "collections.deque"})
DISTRIBUTIONS = frozenset({"Normal", "TruncatedNormal", "Laplace", "Logistic", "LogNormal", "Cauchy", "Gumbel",
                           "Beta", "Gamma", "Uniform", "Bernoulli", "Poisson", "Exponential", "StudentT"})  # 0-d events
VECTOR_EVENTS = frozenset({"MultivariateNormalDiag", "MultivariateNormalTriL", "MultivariateNormalFullCovariance",
                           "MultivariateNormalDiagWithSoftplusScale", "Independent", "TransformedDistribution"})
DIST_VALUES = {"log_prob", "prob", "cdf", "log_cdf", "survival_function", "log_survival_function"}  # of a value
DIST_SHAPED = {"sample", "mean", "mode", "stddev", "variance", "entropy"}  # of the parameters' shape
ARRAY_OF_LIST = frozenset({("np", "array"), ("np", "asarray"), ("np", "stack")})
SEEN_LIBRARIES = ("matplotlib.", "random.", "pickle.", "json.", "logging.", "statistics.", "math.", "time.")


class Table:
    """A pandas table read by read_csv (series=False; its column names unique and flat) or one of its columns
    (series=True): `.values` / `.to_numpy()` are 2-D and 1-D arrays, of lengths the source does not show."""

    __slots__ = ("series", "src")

    def __init__(self, series, src=None):
        self.series, self.src = series, src

    def array(self, node):
        return T((None,) if self.series else (None, None), self.src or (node.lineno, "{}", node), npy=True)


MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update",
                      "setdefault", "popitem", "add", "discard", "appendleft", "extendleft", "popleft", "rotate",
                      "fill", "resize", "put", "__setitem__"})  # methods that change a list, a dict, a deque, an array


def _keeps_params(node) -> bool:
    """Whether a function leaves its parameters as it was given them: none of them is stored into (`p[i] = ...`,
    `p.x = ...`, `p += ...`, `del p[i]`), has a method called that changes it (`p.append(x)`), or is handed to a
    call other than a library's or a builtin's (`plt.plot(p)`, `len(p)`, `np.mean(p)` keep it). A list given to a
    walk the scan does not make (one walk too many of a plotting helper) is then still known."""
    params = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
    params |= {a.arg for a in (node.args.vararg, node.args.kwarg) if a is not None}

    def names_a_param(n):
        while type(n) in (ast.Subscript, ast.Attribute, ast.Starred):
            n = n.value
        return type(n) is ast.Name and n.id in params

    for n in ast.walk(node):
        kind = type(n)
        if kind in (ast.Subscript, ast.Attribute) and type(n.ctx) in (ast.Store, ast.Del) and names_a_param(n.value):
            return False
        if kind is ast.AugAssign and names_a_param(n.target):
            return False
        if kind is ast.Call:
            func = n.func
            if type(func) is ast.Attribute and func.attr in MUTATORS and names_a_param(func.value):
                return False
            root = func
            while type(root) is ast.Attribute:
                root = root.value
            library = type(root) is ast.Name and (root.id in CONVENTIONAL or root.id in ("plt", "math", "print") or
                                                 root.id in PY_BUILTINS or any(
                                                     prefix.startswith(root.id + ".") for prefix in SEEN_LIBRARIES))
            if not library and any(names_a_param(a) for a in (*n.args, *(k.value for k in n.keywords))):
                return False
    return True


def _small(node) -> bool:
    """A function of at most four statements and no loop, def or class inside: cheap to walk again and again.
    Those are statements, so only the statements inside are looked at, not their expressions."""
    if len(node.body) > 4:
        return False
    stack = list(node.body)
    while stack:
        statement = stack.pop()
        if isinstance(statement, (ast.For, ast.AsyncFor, ast.While, ast.FunctionDef, ast.AsyncFunctionDef,
                                  ast.ClassDef)):
            return False
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            stack.extend(getattr(statement, field, ()))
    return True


def _a_batch_of(value):
    """One batch fit() makes of an array (or a tuple of them): its first axis the batch."""
    if isinstance(value, tuple):
        return tuple(_a_batch_of(v) for v in value)
    if not isinstance(value, T) or not value.dims:
        return None
    return value.like(dims=("B", *value.dims[1:]), ph=None, pending=frozenset())


def _holds_table(value) -> bool:
    return type(value) is Table or type(value) is tuple and any(_holds_table(v) for v in value)


def _untable(value, node):
    """A pandas table or column as the array a framework converts it to, inside tuples too
    (`from_tensor_slices((x, df.pop('y')))`)."""
    if type(value) is Table:
        return value.array(node)
    return tuple(_untable(v, node) for v in value) if type(value) is tuple else value


# yfinance's Ticker.history and pandas-datareader's readers return a DataFrame whose columns are flat names ("Open",
# "Close", ...). yf.download is left out: since yfinance 0.2.47 (October 2024, ranaroussi/yfinance#2100) its columns
# are a MultiIndex by default even for one ticker, so that download("AAPL")["Close"] is a one-column table there,
# and a column before.
FRAME_SOURCES = frozenset({"yfinance.Ticker().history", "pandas_datareader.DataReader",
                           "pandas_datareader.data.DataReader", "pandas_datareader.data.get_data_yahoo",
                           "pandas_datareader.get_data_yahoo"})
PANDAS_TABLES = {"DataFrame", "read_excel", "read_table", "read_json", "read_parquet", "read_feather", "read_sql"}
ESTIMATORS = frozenset({"estimator.Estimator", "contrib.learn.Estimator", "contrib.tpu.TPUEstimator",
                        "estimator.tpu.TPUEstimator"})  # each calls its model_fn on what an input_fn gives
FRAME_ROWS = {"copy", "dropna", "sample", "drop", "fillna", "head", "tail", "reset_index", "sort_values",
              "drop_duplicates", "astype", "ffill", "bfill", "interpolate", "sort_index", "set_index"}
# DataFrame methods that give a table of the same columns (or fewer); a column's too, but reset_index (a
# column's is a table) and set_index (a table's only)


# a DataFrame's attributes that are not methods (pandas 1.5.3 and 3.1.1), and its `plot` and `sparse` accessors:
# any other name read off a table, not called, is one of its columns (`df.price.values`)
FRAME_PROPERTIES = frozenset({"T", "at", "attrs", "axes", "columns", "dtypes", "empty", "flags", "iat", "iloc",
                              "index", "loc", "ndim", "shape", "size", "style", "values", "plot", "sparse"})


def _a_mask(index) -> bool:
    """`y.index <= end`, `(a > 0) & (b < 1)`, `~m`: a comparison, rows picked by a boolean mask."""
    if type(index) is ast.UnaryOp and type(index.op) is ast.Invert:
        return _a_mask(index.operand)
    if type(index) is ast.BinOp and type(index.op) in (ast.BitAnd, ast.BitOr):
        return _a_mask(index.left) and _a_mask(index.right)
    return type(index) is ast.Compare


class Estimator:
    """A TF 1 `tf.estimator.Estimator(model_fn=f, params=p)`: its train / evaluate call f on what the input_fn gives."""

    __slots__ = ("fn", "params")

    def __init__(self, fn, params):
        self.fn, self.params = fn, params


class Feeder:
    """`K.function([x, y], [loss], updates=...)`: calling it with a list feeds each of its inputs, in order."""

    __slots__ = ("inputs",)

    def __init__(self, inputs):
        self.inputs = inputs


class InputFn:
    """`tf.estimator.inputs.numpy_input_fn(x, y, batch_size)`: an input function giving batches (features, labels)."""

    __slots__ = ("item",)

    def __init__(self, item):
        self.item = item


class Dist:
    """A distribution of TensorFlow (tf.distributions) or TensorFlow Probability: `params`, the value its
    parameters broadcast to (a Categorical's: its logits, the classes last), and the node that gave it; `vector`,
    an event of the last axis (a MultivariateNormalDiag's, an Independent Normal's): its batch is the rest."""

    __slots__ = ("categorical", "params", "node", "vector")

    def __init__(self, categorical, params, node, vector=False):
        self.categorical, self.params, self.node, self.vector = categorical, params, node, vector


class Data:
    """A tf.data.Dataset: what one of its elements is (a value, or a tuple of them, as the dataset was made)."""

    __slots__ = ("item",)

    def __init__(self, item):
        self.item = item


DATA_SAME = frozenset({"shuffle", "repeat", "prefetch", "cache", "take", "skip", "filter", "with_options",
                       "as_numpy_iterator", "shard", "take_while", "make_one_shot_iterator",
                       "make_initializable_iterator"})  # Dataset methods that keep its elements (TF 1's iterators:
# a Data too, whose get_next() is one element)
DATA_BATCH = frozenset({"batch", "padded_batch"})


RECORD_DATASETS = frozenset({"TFRecordDataset", "TextLineDataset", "FixedLengthRecordDataset"})  # of strings


class Feature:
    """`tf.io.FixedLenFeature(shape, dtype)`: a feature of a tf.Example, of that shape once parsed."""

    __slots__ = ("dims", "node")

    def __init__(self, dims, node):
        self.dims, self.node = dims, node


class MapAndBatch:
    """`tf.data.experimental.map_and_batch(f, n)` (TF 1: tf.contrib.data): `ds.apply` of it maps f, then batches."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn


class Zip:
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items


SLICE, FULL, ELLIPSIS, RANGE = _Sentinel("slice"), _Sentinel("full slice"), _Sentinel("..."), _Sentinel("range")
BUILTIN_LEN, BUILTIN_RANGE, BUILTIN_ZIP = _Sentinel("len"), _Sentinel("range"), _Sentinel("zip")
BUILTIN_LIST, BUILTIN_INT, BUILTIN_ABS = _Sentinel("list"), _Sentinel("int"), _Sentinel("abs")
BUILTIN_REDUCE, BUILTIN_POW = _Sentinel("max"), _Sentinel("pow")
BUILTIN_MAP, BUILTIN_ITER, BUILTIN_NEXT = _Sentinel("map"), _Sentinel("iter"), _Sentinel("next")
BUILTIN_DICT = _Sentinel("dict")
KERAS_MEAN = "Keras's mean of what the loss given to compile returns"
TENSOR_ARRAY_METHODS = {"write", "stack", "read", "size"}  # a tf.TensorArray's (a Built)
LIST_METHODS = {"append", "insert", "extend", "reverse", "sort", "pop", "remove", "clear", "copy"}
BUILTINS = {"len": BUILTIN_LEN, "range": BUILTIN_RANGE, "xrange": BUILTIN_RANGE, "zip": BUILTIN_ZIP,
            "list": BUILTIN_LIST, "tuple": BUILTIN_LIST, "map": BUILTIN_MAP, "int": BUILTIN_INT, "abs": BUILTIN_ABS,
            "float": BUILTIN_INT, "reversed": BUILTIN_LIST, "sorted": BUILTIN_LIST, "iter": BUILTIN_ITER,
            "next": BUILTIN_NEXT, "dict": BUILTIN_DICT, "max": BUILTIN_REDUCE, "min": BUILTIN_REDUCE,
            "sum": BUILTIN_REDUCE, "pow": BUILTIN_POW,
            "Ellipsis": ELLIPSIS, "None": PYNONE}
OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.FloorDiv: "//", ast.Mod: "%"}


S = Scanner
STATEMENTS = {ast.Assign: S.s_assign, ast.AugAssign: S.s_augassign, ast.AnnAssign: S.s_annassign, ast.Expr: S.s_expr,
              ast.Return: S.s_return, ast.If: S.s_if, ast.For: S.s_for, ast.AsyncFor: S.s_for, ast.While: S.s_while,
              ast.With: S.s_with, ast.AsyncWith: S.s_with, ast.Try: S.s_try, ast.FunctionDef: S.s_def,
              ast.AsyncFunctionDef: S.s_def, ast.ClassDef: S.s_class, ast.Import: S.s_import,
              ast.ImportFrom: S.s_importfrom, ast.Match: S.s_match}
if hasattr(ast, "TryStar"):
    STATEMENTS[ast.TryStar] = S.s_try
EXPRESSIONS = {ast.Name: S.e_name, ast.Constant: S.e_constant, ast.Attribute: S.e_attribute, ast.Call: S.e_call,
               ast.BinOp: S.e_binop, ast.Subscript: S.e_subscript, ast.Tuple: S.e_seq, ast.List: S.e_seq,
               ast.UnaryOp: S.e_unary, ast.Compare: S.e_compare, ast.Dict: S.e_dict, ast.IfExp: S.e_ifexp,
               ast.Lambda: S.e_lambda, ast.ListComp: S.e_comp, ast.SetComp: S.e_comp, ast.GeneratorExp: S.e_comp,
               ast.DictComp: S.e_comp, ast.NamedExpr: S.e_namedexpr, ast.BoolOp: S.e_boolop}
del S


@functools.lru_cache(maxsize=512)  # torch's 2,285 files (--time): 256 trees kept, a scan of 18.6 s and 198 MB at
def _module_tree(path: str, mtime: int) -> list | None:  # most; 512, 15.7 s and 274 MB
    """[source, tree, shift]: a module parsed once for its own scan and every file that imports it (None: it
    cannot be read, also said once). Its lines are shifted (shift > 0) when a file first follows it from beside
    (_sibling_tree); a file no other imports is scanned on them as they are."""
    try:
        source = read_source(Path(path))
        return [source, parse(source, path), 0]
    except Exception:  # noqa: BLE001 - a sibling the scan cannot read is a module it does not follow
        return None


SCANNING: list[str | None] = [None]  # the file whose own scan runs (its tree is not shifted under that scan)


def _sibling_tree(path: str, mtime: int) -> tuple[str, ast.Module, int] | None:
    """A module beside a file: its source and tree, its lines shifted by a multiple of SIBLING_LINES that is its
    own for this process, so that a message can name its file. The file being scanned, imported back by a module
    it follows, is a tree of its own."""
    parsed = _module_tree(path, mtime)
    if parsed is None:
        return None
    source, tree, offset = parsed
    if not offset:
        offset = SIBLING_SHIFTS.setdefault(path, SIBLING_LINES * (len(SIBLING_SHIFTS) + 1))
        SIBLING_NAMES[offset] = os.path.basename(path)
        if path == SCANNING[0]:
            tree = parse(source, path)
        else:
            parsed[2] = offset
        _shift_lines(tree, offset)
    return source, tree, offset


def _shift_lines(tree: ast.AST, offset: int) -> None:
    """ast.increment_lineno, in one loop over the nodes (it is called for every module followed beside a file)."""
    stack = [tree]
    pop, push, extend, node_type = stack.pop, stack.append, stack.extend, ast.AST
    while stack:
        node = pop()
        if hasattr(node, "lineno"):
            node.lineno += offset
            if getattr(node, "end_lineno", None) is not None:
                node.end_lineno += offset
        for name in node._fields:
            value = getattr(node, name, None)
            if type(value) is list:
                extend([item for item in value if isinstance(item, node_type)])
            elif isinstance(value, node_type):
                push(value)


# --- Python 2 ---------------------------------------------------------------------------------------------
def python2_rewrite(source: str) -> str | None:
    """Common Python 2 forms rewritten as Python 3 token by token, every line and column kept where it is."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    edits = []  # (row, col, end_col, text)
    starts = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT}
    backtick_open = True

    def statement_end(i):
        depth = 0
        for j in range(i, len(tokens)):
            t = tokens[j]
            if t.string in "([{" and t.type == tokenize.OP:
                depth += 1
            elif t.string in ")]}" and t.type == tokenize.OP:
                depth -= 1
            elif depth <= 0 and (t.type in (tokenize.NEWLINE, tokenize.COMMENT, tokenize.ENDMARKER) or
                                 t.string == ";"):
                return j
        return len(tokens) - 1

    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        at_start = prev is None or prev.type in starts or prev.string in (";", ":") and prev.type == tokenize.OP
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.type == tokenize.NAME and tok.string in ("print", "exec") and at_start and nxt is not None and \
                not (nxt.string == "(" or nxt.type == tokenize.OP and nxt.string in ("=", ".", ",", ")")):
            end = statement_end(i + 1)
            last = tokens[end - 1]
            if end == i + 1:  # a bare `print`
                edits.append((tok.end[0], tok.end[1], tok.end[1], "()"))
                continue
            if nxt.start == tok.end:
                edits.append((tok.end[0], tok.end[1], tok.end[1], "("))
            else:
                edits.append((tok.end[0], tok.end[1], tok.end[1] + 1, "("))
            if nxt.string == ">>":  # print >>f, x: f becomes the first argument
                edits.append((nxt.start[0], nxt.start[1], nxt.end[1], "  "))
            edits.append((last.end[0], last.end[1], last.end[1], ")"))
        elif tok.type == tokenize.NAME and tok.string == "raise" and at_start:
            end = statement_end(i + 1)
            depth = 0
            for j in range(i + 1, end):
                t = tokens[j]
                if t.type == tokenize.OP and t.string in "([{":
                    depth += 1
                elif t.type == tokenize.OP and t.string in ")]}":
                    depth -= 1
                elif depth == 0 and t.string == ",":
                    edits.append((t.start[0], t.start[1], t.end[1], "("))
                    last = tokens[end - 1]
                    edits.append((last.end[0], last.end[1], last.end[1], ")"))
                    break
        elif tok.type == tokenize.NAME and tok.string == "except" and at_start:
            depth = 0
            for j in range(i + 1, len(tokens)):
                t = tokens[j]
                if t.type == tokenize.OP and t.string in "([{":
                    depth += 1
                elif t.type == tokenize.OP and t.string in ")]}":
                    depth -= 1
                elif depth == 0 and t.string == ":":
                    break
                elif depth == 0 and t.string == ",":
                    edits.append((t.start[0], t.start[1], t.end[1], " as"))
                    break
        elif tok.type in (tokenize.ERRORTOKEN, tokenize.OP) and tok.string == "`":  # OP from Python 3.12 on
            edits.append((tok.start[0], tok.start[1], tok.end[1], "(" if backtick_open else ")"))
            backtick_open = not backtick_open
        elif tok.type == tokenize.OP and tok.string == "<>":
            edits.append((tok.start[0], tok.start[1], tok.end[1], "!="))
        elif tok.type == tokenize.OP and tok.string == "<" and nxt is not None and nxt.string == ">" and \
                nxt.start == tok.end:
            edits.append((tok.start[0], tok.start[1], nxt.end[1], "!="))
        elif tok.type == tokenize.NUMBER:
            if tok.string == "0" and nxt is not None and nxt.type == tokenize.NUMBER and nxt.start == tok.end:
                edits.append((tok.start[0], tok.start[1], tok.end[1], " "))  # 0777: an octal; its value is no matter
            elif re.fullmatch(r"0[0-9]+", tok.string):
                edits.append((tok.start[0], tok.start[1], tok.start[1] + 1, " "))
            if nxt is not None and nxt.type == tokenize.NAME and nxt.string in ("L", "l") and nxt.start == tok.end:
                edits.append((nxt.start[0], nxt.start[1], nxt.end[1], " "))
            elif tok.string[-1:] in ("L", "l") and tok.string[:-1].isdigit():
                edits.append((tok.end[0], tok.end[1] - 1, tok.end[1], " "))
        elif tok.type == tokenize.NAME and (tok.string == "lambda" or tok.string == "def" and at_start):
            edits += _tuple_parameters(tokens, i, source)
        elif tok.type == tokenize.NAME and tok.string in ("async", "await") and (
                prev is not None and prev.string == "." or nxt is None or nxt.type != tokenize.NAME):
            # a name before Python 3.7 made it a keyword (`FLAGS.async`, `async=True`): one of its length
            edits.append((tok.start[0], tok.start[1], tok.end[1], tok.string[:4] + "_"))
        elif tok.type == tokenize.OP and tok.string == "(" and i + 3 < len(tokens) and tokens[i + 1].string == "*" \
                and tokens[i + 2].type == tokenize.NAME and tokens[i + 3].string == ")" and not (
                    prev is not None and (prev.type == tokenize.NAME and not iskeyword(prev.string) or
                                          prev.string in (")", "]"))):
            # `(*rest), last = ...`: a starred name in parentheses, a target before Python 3.9: `*rest  , last`
            if tokens[i + 3].start[0] == tok.start[0]:
                width = tokens[i + 3].end[1] - tok.start[1]
                edits.append((tok.start[0], tok.start[1], tokens[i + 3].end[1],
                              f"*{tokens[i + 2].string}".ljust(width)))
        elif tok.type == tokenize.NAME and tok.string.lower() in ("ur", "bu") and nxt is not None and \
                nxt.type == tokenize.STRING and nxt.start == tok.end:
            edits.append((tok.start[0], tok.start[1], tok.end[1], " r" if tok.string.lower() == "ur" else " b"))
    if not edits:
        return None
    lines = source.splitlines(keepends=True)
    for row, col, end, text in sorted(edits, key=lambda e: (e[0], e[1], e[2]), reverse=True):
        if row - 1 < len(lines):
            line = lines[row - 1]
            lines[row - 1] = line[:col] + text + line[end:]
    return "".join(lines)


def _tuple_parameters(tokens, at, source):
    """Python 2's tuple parameters, `def f(a, (b, c)):` and `lambda (x, y): ...`: each group made one name of its
    own length (`_b__c_`), so that the columns stay where they are. Edits as python2_rewrite makes them."""
    edits, lines = [], None
    j = at + 1
    if tokens[at].string == "def":  # def NAME ( params ):
        if j + 1 >= len(tokens) or tokens[j].type != tokenize.NAME or tokens[j + 1].string != "(":
            return edits
        j, depth, stop = j + 2, 1, ")"
    else:
        depth, stop = 0, ":"
    base = depth
    while j < len(tokens):
        t = tokens[j]
        if t.type == tokenize.OP and t.string == stop and depth == base:
            break
        if t.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            break
        starts_parameter = tokens[j - 1].string in (",", "lambda") or stop == ")" and j == at + 3  # after `f(`
        if t.type == tokenize.OP and t.string == "(" and depth == base and starts_parameter:
            level, k = 0, j
            while k < len(tokens):  # the group's closing parenthesis
                if tokens[k].string == "(":
                    level += 1
                elif tokens[k].string == ")":
                    level -= 1
                    if level == 0:
                        break
                k += 1
            close = tokens[k] if k < len(tokens) else None
            if close is None or close.end[0] != t.start[0]:
                return edits  # a group over several lines: left as it is
            if lines is None:
                lines = source.splitlines()
            span = lines[t.start[0] - 1][t.start[1]:close.end[1]]
            name = re.sub(r"\W", "_", span)
            if tokens[j - 1].string == "lambda" and tokens[j - 1].end == t.start:  # `lambda(x):` -> `lambda x_:`
                name = " " + name[1:]  # its own length still, apart from the keyword
            edits.append((t.start[0], t.start[1], close.end[1], name))
            j = k + 1
            continue
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
        j += 1
    return edits


def parse(source: str, path: str) -> ast.Module:
    """The module's tree; a Python 2 file rewritten first. Raises SyntaxError if neither parses. Python's own
    SyntaxWarnings on the scanned code (`1if x else 0`, an invalid escape) are not printed: the scan's output is
    its findings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return _parse(source, path)


def _parse(source: str, path: str) -> ast.Module:
    try:
        return ast.parse(source, filename=path)
    except SyntaxError as error:
        tree = _tabs_expanded(source, path, error)
        if tree is not None:
            return tree
        try:
            return _cells_indented(source, path, error)
        except SyntaxError:
            pass
        plain = _without_magics(source)  # a notebook exported with its IPython magics
        if plain is not None:
            try:
                return _cells_indented(plain, path)
            except SyntaxError:
                source = plain
        rewritten = python2_rewrite(source)
        if rewritten is None:
            raise error from None
        try:
            return ast.parse(rewritten, filename=path)
        except SyntaxError as second:
            tree = _tabs_expanded(rewritten, path, second)  # Python 2 with tabs and spaces mixed
            if tree is not None:
                return tree
            if (second.lineno or 0) > (error.lineno or 0):  # read as Python 2 it got further: that error is the one
                second.msg = f"{second.msg} (read as Python 2)"
                raise second from None
            raise error from None


def _tabs_expanded(source: str, path: str, error: SyntaxError) -> ast.Module | None:
    """Tabs and spaces mixed: Python 2 read a tab as far as the next multiple of 8, as expandtabs does; else as the
    author's editor showed it, 4 (a tab-indented docstring in a class indented by 4 spaces). None if neither parses."""
    if not (isinstance(error, IndentationError) and re.search(r"^ *\t", source, re.MULTILINE)):
        return None
    for size in (8, 4):
        try:
            return ast.parse(source.expandtabs(size), filename=path)
        except SyntaxError:
            pass
    return None


def _cells_indented(source: str, path: str, error: SyntaxError | None = None) -> ast.Module:
    """A notebook's code exported cell after cell, a cell indented as a whole by a slip (IPython runs it, taking
    the indentation off): the empty line above such a cell made `if 1:`, so that every line and column stays."""
    lines = source.split("\n")
    while True:  # each turn fills an empty line: it ends
        if error is None:
            try:
                return ast.parse("\n".join(lines), filename=path)
            except SyntaxError as caught:
                error = caught
        row = (error.lineno or 0) - 1
        if not (isinstance(error, IndentationError) and 0 < row < len(lines) and lines[row][:1] in (" ", "\t")
                and not lines[row - 1].strip()):
            raise error
        lines[row - 1] = "if 1:"
        error = None


MAGIC = re.compile(r"(?P<lead>[ \t]*)(?:[%!]|(?P<bound>[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)[%!]).*")
HELP = re.compile(r"[ \t]*(?:\?{1,2}[\w.]+|[\w.]+\?{1,2})[ \t]*")  # `tf.keras.Input?`: IPython's help
AUTOMAGIC = re.compile(r"[ \t]*(?:ls|cd|pwd|pip|conda|cat|mkdir|rm|cp|mv|wget|unzip|clear)(?:[ \t]+[^=(]*)?")
STRING_OR_COMMENT = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|#.*")


def _without_magics(source: str) -> str | None:
    """A notebook's code cells exported with IPython's `%matplotlib inline`, `%tensorflow_version 2.x`, `!pip
    install ...` and `files = !ls` left in: each such line made `pass` (or `files = None`), every line kept where
    it is; `%%html`-like cells blanked to their end (the first empty line). None if there is none."""
    lines = _without_cell_magics(source).split("\n")
    return "\n".join(lines) if _magics_as_python(lines) else None


def _magics_as_python(lines: list[str]) -> int:
    """Each line IPython reads as its own, not Python, made `pass` (`files = !ls`: `files = None`) in place: a
    line magic or shell command (and the lines a trailing backslash continues it on), a `name?` asking for help,
    an automagic `ls` or `pip install`; a line inside brackets or after a backslash continues Python (`%(a, b)`
    formats). The count."""
    depth, continued, count, joined = 0, False, 0, False
    for i, line in enumerate(lines):
        magic = continued or (not depth and not joined and (MAGIC.fullmatch(line) or HELP.fullmatch(line)
                                                            or AUTOMAGIC.fullmatch(line) and not _python_line(line)))
        continued = bool(magic) and line.rstrip().endswith("\\")
        if magic:
            count += 1
            bound = magic is not True and magic.re is MAGIC and magic["bound"]
            lines[i] = "" if magic is True else re.match(r"[ \t]*", line)[0] + (f"{bound}None" if bound else "pass")
            continue
        code = STRING_OR_COMMENT.sub("", line)
        depth = max(0, depth + sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}"))
        joined = code.rstrip().endswith("\\")  # `print '%d' \` then `  % n`: the next line continues Python
    return count


def _python_line(line: str) -> bool:
    try:
        ast.parse(line.strip())
    except SyntaxError:
        return False
    return True


CELL_MAGICS_IN_PYTHON = (["time"], ["timeit"], ["capture"], ["prun"])  # %%time...: the cell below is Python


def _without_cell_magics(source: str) -> str:
    """`%%html`, `%%bash`, ...: the cell below is not Python, and is blanked up to its end (the first empty line);
    `%%time`-like magics run their cell as Python, which is kept. The magic's own line is blanked (never inside a
    block: ` %%time`, indented by a slip in a cell pasted after others, is no indentation)."""
    lines = source.split("\n")
    blank = False
    for i, line in enumerate(lines):
        if line.lstrip(" \t").startswith("%%"):
            blank = line.lstrip(" \t")[2:].split(maxsplit=1)[:1] not in CELL_MAGICS_IN_PYTHON
            lines[i] = ""
        elif blank and not line.strip():
            blank = False
        elif blank:
            lines[i] = ""
    return "\n".join(lines)


# --- suppression and selection ----------------------------------------------------------------------------
NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z][A-Z0-9]*(?:[,\s]+[A-Z][A-Z0-9]*)*))?", re.IGNORECASE)


def _suppressed(finding: Finding, lines: list[str]) -> bool:
    if not 0 < finding.line <= len(lines):
        return False
    text = lines[finding.line - 1]
    if "noqa" not in text.lower():
        return False
    for match in NOQA.finditer(text):
        codes = match.group("codes")
        if codes is None:
            return True
        if any(finding.code.startswith(c.upper()) for c in re.split(r"[,\s]+", codes) if c):
            return True
    return False


def _selected(code: str, select, ignore) -> bool:
    if select is not None and not any(code.startswith(prefix) for prefix in select):
        return False
    return not (ignore and any(code.startswith(prefix) for prefix in ignore))


def _prefixes(codes):
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = codes.split(",")
    return tuple(c.strip().upper() for c in codes if c.strip())


# --- the public API ---------------------------------------------------------------------------------------
TRIGGERS = re.compile(r"mean|sum|loss|Loss|minimize|gradient|mse|mae|entropy|huber|hinge|cosh")
SETS_ATTRIBUTE = re.compile(r"self\.\w+\s*(?:,[^=\n]*)?=[^=]")
SELF_CALL = re.compile(r"self\.(\w+)\(")
ATTRIBUTE_CALL = re.compile(r"self\.\w+(?:\.\w+)*\.(\w+)\(")
ANY_CALL = re.compile(r"(\w+)\s*\(")


def scan_source(path: str, source: str, select=None, ignore=None, parsed=None) -> list[Finding]:
    """The findings in one module's source. Raises SyntaxError (a file neither Python 3 nor 2), ValueError (NUL).
    `parsed`: its tree already made, and the shift of its lines (see _scan_file)."""
    tree, offset = parsed if parsed is not None else (parse(source, path), 0)
    if not IN_RUN[0]:  # asked anew for each file scanned alone: the files beside it may have changed since
        FOUND_BESIDE.clear()
        IS_FILE.clear()
    if not TRIGGERS.search(source) and not _imports_a_sibling(path, source):  # nothing here could reduce a
        return []  # broadcast, nor call a module beside it that does: the walk is not needed
    found = Scanner(path, tree, source, offset=offset).run()
    if found:
        lines = source.splitlines()  # a sibling's findings were judged against its own lines
        found = [f for f in found if f.path != path or not _suppressed(f, lines)]
    select, ignore = _prefixes(select), _prefixes(ignore)
    return [f for f in found if _selected(f.code, select, ignore)]


PIN_FILES = ("requirements.txt", "requirements.in", "pyproject.toml", "setup.py", "setup.cfg", "environment.yml",
             "environment.yaml", "Pipfile")
# keras==3.9.0, "tensorflow>=2.16", tensorflow-cpu~=2.12.0, numpy==2.2.4: (the package, the operator, major, minor)
PIN = re.compile(r"(?<![\w.-])(keras|numpy|tensorflow(?:-cpu|-gpu|-macos|-intel)?)\s*(==|~=|>=|<=|<)\s*(\d+)"
                 r"(?:\.(\d+))?", re.IGNORECASE)


SCAN_ROOT: list[str | None] = [None]  # the folder a scan_path was given: pins are looked for up to it


def pinned_keras(path: str) -> int | None:
    """The Keras generation the project a file belongs to pins (3, 2), or None: the nearest folder up from the
    file holding requirements, pyproject.toml, setup.py or an environment file decides, up to the folder scanned
    (a file's: the working folder, as pre-commit and flake8 run at the repository's root, when the file is in
    it). `keras==3.9.0` or `tensorflow==2.18.0` (`>=2.16` too) is Keras 3, tf.keras from TensorFlow 2.16 on;
    `keras==2.15`, `tensorflow==2.15` or `<2.16` is Keras 2. A bound from below only under 2.16
    (`tensorflow>=2.4`) says what the author had, not what installs: not known. Where neither is pinned,
    `numpy==2.x` is Keras 3 (see _generation)."""
    if not _is_file(path):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    root = os.path.abspath(SCAN_ROOT[0]) if SCAN_ROOT[0] is not None else os.getcwd()
    if os.path.commonpath([folder, root]) != root:
        root = folder
    return _pinned_in(folder, root)


@functools.lru_cache(maxsize=1024)
def _pinned_in(folder: str, root: str) -> int | None:
    while True:
        names = [os.path.join(folder, n) for n in PIN_FILES] + \
            [os.path.join(folder, n) for n in _listdir(folder)
             if n.lower().startswith("requirements") and n.lower().endswith(".txt")]  # Requirements.txt too
        texts = []
        for name in dict.fromkeys(names):
            try:
                with open(name, encoding="utf-8", errors="replace") as handle:
                    texts.append(handle.read(200_000))
            except OSError:
                continue
        if texts:
            text = "\n".join(texts)
            return _generation(PIN.findall(text), legacy=LEGACY_KERAS.search(text) is not None)
        if folder == root or os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)


def _listdir(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


LEGACY_KERAS = re.compile(r"(?<![\w.-])tf[-_]keras\b", re.IGNORECASE)


def _generation(pins, legacy=False) -> int | None:
    """Keras's own pin first, then TensorFlow's (see pinned_keras), then NumPy's: numpy 2 installs with
    TensorFlow 2.18 on only (2.17.1 requires numpy<2.0.0), whose tf.keras is Keras 3, unless the project asks
    for tf_keras too."""
    for wanted in ("keras", "tensorflow"):
        for package, op, major, minor in pins:
            if package.lower() != wanted and not (wanted == "tensorflow" and package.lower().startswith(wanted)):
                continue
            version = (int(major), int(minor or 0))
            three = (3, 0) if wanted == "keras" else (2, 16)
            if op in ("==", "~=") or op == ">=" and version >= three:
                return 3 if version >= three else 2
            if op == "<" and version <= three or op == "<=" and version < three:
                return 2
    if not legacy and any(package.lower() == "numpy" and op in ("==", "~=", ">=") and int(major) >= 2
                          for package, op, major, _ in pins):
        return 3
    return None


FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+\.?([\w.]+)[ \t]+import\b", re.MULTILINE)


def _imports_a_sibling(path: str, source: str) -> bool:
    return _is_file(path) and any(_sibling_path(path, module, 0) for module in FROM_IMPORT.findall(source))


# _sibling_path's and os.path.isfile's answers in one run of files (_scan_run; or one file's scan, scanned alone):
# the modules a package's files import are looked for once, not once for each (keras: 0.2 s of 4.3 s)
FOUND_BESIDE: dict[tuple[str, str, int], str | None] = {}
IS_FILE: dict[str, bool] = {}
IN_RUN = [False]


def _is_file(path: str) -> bool:
    known = IS_FILE.get(path)
    if known is None:
        known = IS_FILE[path] = os.path.isfile(path)
    return known


def _sibling_path(importer: str, module: str, level: int) -> str | None:
    key = (importer, module, level)
    if key not in FOUND_BESIDE:
        FOUND_BESIDE[key] = _find_beside(importer, module, level)
    return FOUND_BESIDE[key]


def _find_beside(importer: str, module: str, level: int) -> str | None:
    """The file `from module import …` names beside `importer`: in its folder (`networks`, `.networks`,
    `sub.networks`), or else one or two levels up: a module of the project's root that a script in dqn/ imports
    once it has put the root on sys.path (`from memory import …`), or a package named from the root (`from
    train.networks import …` in train/trainer.py) where that folder holds it; None where there is none."""
    folder, parts = os.path.dirname(importer), module.split(".")
    bases = [folder] if level else [folder, os.path.dirname(folder), os.path.dirname(os.path.dirname(folder))]
    for base in bases:
        path = os.path.join(base, *parts) + ".py"
        if _is_file(path):
            return path
        package = os.path.join(base, *parts, "__init__.py")  # `from algo import PPO` of algo/__init__.py's
        if _is_file(package) and os.path.abspath(package) != os.path.abspath(importer):
            return package
    if not level and len(parts) > 1:  # exchange_data.agents.a2c.critic_model from a module inside exchange_data/
        ancestor = os.path.abspath(folder)
        while os.path.basename(ancestor) and os.path.basename(ancestor) != parts[0]:
            ancestor = os.path.dirname(ancestor)
        if os.path.basename(ancestor) == parts[0]:  # a module there, not a package's __init__ (a library's own
            root = os.path.dirname(ancestor)  # `from keras.src import ops` would read its whole API each file)
            path = os.path.join(root if os.path.isabs(importer) else os.path.relpath(root), *parts) + ".py"
            if _is_file(path):
                return path
    if not level and len(parts) > 2:  # Script.Boston.model from Boston/Boston.py: a project that was the folder
        folders = os.path.abspath(folder).split(os.sep)  # Script/ of its author's, published alone
        for start in range(1, len(parts) - 1):
            if folders[-(len(parts) - 1 - start):] == parts[start:-1]:
                path = os.path.join(folder, parts[-1] + ".py")
                if _is_file(path) and os.path.abspath(path) != os.path.abspath(importer):
                    return path
    return None


def shape_of(source: str, name: str) -> str | None:
    """The shape the scan infers for a module-level name: '(B, 1)', 'unknown rank', 'unknown shape', or None."""
    scanner = Scanner("<shape_of>", parse(source, "<shape_of>"), source)
    scanner.run()
    value = scanner.globals.get(name)
    if isinstance(value, Model):
        value = scanner.model_out(value, None, ast.Constant(value=None, lineno=0, col_offset=0))
    return show(value) if isinstance(value, T) else None


def read_source(path: Path) -> str:
    """The file's text: UTF-8 (after a byte-order mark, as Windows editors write it), or the encoding its PEP 263
    coding cookie names."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise UnicodeError(f"not UTF-8 and no usable coding cookie ({error})") from None


def python_files(target: Path) -> list[Path]:
    """The file itself, or every .py file and notebook under the folder (skipping virtual environments, caches
    and .ipynb_checkpoints)."""
    if target.is_file():
        return [target]
    found = []
    for folder, subfolders, files in os.walk(target):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS and not d.startswith("."))
        found += [Path(folder) / name for name in sorted(files) if name.endswith((".py", ".ipynb"))]
    return found


# --- notebooks --------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Notebook:
    """A notebook's code cells joined, one after another, and the line of the joined text each cell starts on."""

    source: str
    starts: tuple[int, ...]
    indents: tuple[int, ...] = ()  # of each joined line, the indentation taken off it (a cell's own, as IPython)

    def cell_of(self, line: int) -> tuple[int, int]:
        """(code cell, line within it), both 1-based, of a line of the joined text."""
        cell = bisect.bisect_right(self.starts, line)
        return cell, line - self.starts[cell - 1] + 1

    def place(self, finding: Finding) -> Finding:
        """The finding told by cell: its own line, and the lines its message names in this notebook."""
        def line_in_cell(match):
            cell, line = self.cell_of(int(match[1]))
            return f"cell {cell}, line {line}"
        cell, line = self.cell_of(finding.line)
        message = re.sub(r"\bline (\d+)\b(?! of )", line_in_cell, finding.message)
        col = finding.col + (self.indents[finding.line - 1] if finding.line <= len(self.indents) else 0)
        return dataclasses.replace(finding, message=message, cell=cell, cell_line=line, col=col)


def python_source(path: Path) -> str:
    """The Python the scan reads in a file: a .py file's text, a notebook's code cells joined."""
    return read_notebook(path).source if path.suffix == ".ipynb" else read_source(path)


def read_notebook(path: Path) -> Notebook:
    """A Jupyter notebook's code cells (nbformat 4, or 3's worksheets); a `%%bash`-like cell, not Python, as
    blank lines; none at all for a notebook of another language. Raises ValueError if it is not a notebook."""
    try:
        document = json.loads(read_source(path))
        language = (document.get("metadata", {}).get("language_info", {}).get("name")
                    or document.get("metadata", {}).get("kernelspec", {}).get("language") or "python")
        cells = [cell for sheet in document.get("worksheets", [document]) for cell in sheet["cells"]]
        texts = [cell.get("source", cell.get("input", "")) for cell in cells if cell.get("cell_type") == "code"]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a Jupyter notebook ({type(error).__name__}: {error})") from None
    if str(language).lower() != "python":
        texts = []
    lines, starts, indents = [], [], []
    for text in texts:
        starts.append(len(lines) + 1)
        cell = ("".join(text) if isinstance(text, list) else str(text)).split("\n")
        first = next((line for line in cell if line.strip()), "")
        indent = first[:len(first) - len(first.lstrip())]  # IPython takes the first line's indentation off each
        indents += [len(indent) if indent and line.startswith(indent) else 0 for line in cell]
        lines += _cell_as_python([line[len(indent):] if indent and line.startswith(indent) else line
                                  for line in cell])
    return Notebook("\n".join(lines) + "\n", tuple(starts) or (1,), tuple(indents))


def _cell_as_python(lines: list[str]) -> list[str]:
    """A code cell's lines as IPython runs them, one for one: `%%bash`-like cells (not Python) blank, each line
    magic or shell command (`%matplotlib inline`, `!pip install ... \\` and its continued lines) `pass`."""
    if lines[0].startswith("%%") and lines[0][2:].split(maxsplit=1)[:1] not in CELL_MAGICS_IN_PYTHON:
        return [""] * len(lines)
    _magics_as_python(lines)
    return lines


@dataclasses.dataclass
class Scanned:
    """What a scan of one target found: its findings, a line per file it could not read, how many it read."""

    findings: list[Finding]
    problems: list[str]
    files: int

    @property
    def summary(self) -> str:
        """The closing line: how many files were scanned and found what (as ruff's "All checks passed!")."""
        if not self.files and not self.problems:
            return "no Python files found, nothing scanned"
        found = f"{len(self.findings)} finding{'s' * (len(self.findings) != 1)}" if self.findings else "no findings"
        unread = f", {len(self.problems)} not scanned" if self.problems else ""
        return f"{self.files} file{'s' * (self.files != 1)} scanned, {found}{unread}"


PARALLEL_FILES = 64  # fewer files are scanned in this process: starting the processes (0.1-0.2 s) costs more
RUNS_PER_JOB = 8  # each process is handed runs of files next to each other (the modules they import are parsed
# once there), several runs each, so that a process given a slow run does not leave the others idle


def default_jobs() -> int:
    """The processes a folder is scanned in: one per CPU this process may run on (as flake8's --jobs auto)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def jobs_argument(text: str) -> int:
    """--jobs: `auto` (one process per CPU) or a count of processes, 1 or more."""
    if text.strip().lower() == "auto":
        return default_jobs()
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"expected 'auto' or a number of processes, 1 or more, received {text!r}")
    return jobs


def scan_path(target: Path, select=None, ignore=None, jobs: int = 1) -> Scanned:
    """Every finding under `target`, and one line for each file that could not be read or parsed; a folder of
    PARALLEL_FILES files or more in `jobs` processes, its files' findings in the order one process gives them."""
    target = Path(target)
    if not target.is_file() and not target.is_dir():
        return Scanned([], [f"{target}: cannot be scanned: neither a file nor a folder"], 0)
    select, ignore = _prefixes(select), _prefixes(ignore)
    files, root = python_files(target), str(target) if target.is_dir() else None
    if jobs > 1 and len(files) >= PARALLEL_FILES:
        runs = _in_processes(files, root, select, ignore, jobs)
    else:
        runs = [_scan_run(files, root, select, ignore)]
    findings = [f for found, _ in runs for f in found]
    problems = [p for _, unread in runs for p in unread]
    return Scanned(once(findings), problems, len(files) - len(problems))


def _scan_run(files, root, select, ignore) -> tuple[list[Finding], list[str]]:
    """The findings of files scanned one after another in this process, and a line for each it could not read."""
    findings, problems = [], []
    SCAN_ROOT[0], IN_RUN[0] = root, True
    IS_FILE.clear()
    FOUND_BESIDE.clear()
    automatic = gc.isenabled()
    gc.disable()  # a file's cycles are collected when its scan ends (below), not by collections of every
    try:  # generation that walk all the trees kept for the files beside: keras 7.9 s -> 4.1 s, torch 31 s -> 16 s
        _scan_each([Path(path) for path in files], findings, problems, select, ignore)
    finally:
        SCAN_ROOT[0], IN_RUN[0] = None, False
        if automatic:
            gc.enable()
    return findings, problems


def _in_processes(files, root, select, ignore, jobs) -> list[tuple[list[Finding], list[str]]]:
    """_scan_run of runs of the files in a pool of `jobs` processes, in the files' order. Where no pool can be
    started, or one of its processes dies (out of memory), the runs not done are scanned here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(8, -(-len(files) // (jobs * RUNS_PER_JOB)))
    runs = [[str(path) for path in files[start:start + size]] for start in range(0, len(files), size)]
    methods = multiprocessing.get_all_start_methods()  # forkserver: no fork of a process that holds threads
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    done = []
    try:
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for result in [pool.submit(_scan_run, run, root, select, ignore) for run in runs]:
                done.append(result.result())
    except (BrokenProcessPool, OSError):
        pass
    return done + [_scan_run(run, root, select, ignore) for run in runs[len(done):]]


def _scan_each(files, findings, problems, select, ignore):
    for path in files:
        try:
            if path.suffix == ".ipynb":
                notebook = read_notebook(path)
                found = [notebook.place(f) if f.path == str(path) else f
                         for f in _scan_cells(str(path), notebook)]
            else:
                found = _scan_file(path)
        except RecursionError:
            problems.append(f"{path}: cannot be scanned: RecursionError: expressions nested too deeply")
        except MemoryError:
            problems.append(f"{path}: cannot be scanned: MemoryError: expressions nested too deeply to parse")
        except SyntaxError as error:
            where = f" ({_cell_line(path, error.lineno)})" if error.lineno else ""
            problems.append(f"{path}: cannot be scanned: {type(error).__name__}: {error.msg}{where}")
        except (ValueError, OSError) as error:  # ValueError: a NUL byte, on Python 3.10; UnicodeError
            problems.append(f"{path}: cannot be scanned: {type(error).__name__}: {error}")
        except Exception as error:  # noqa: BLE001 - one file the scanner trips on must not stop the others
            problems.append(f"{path}: cannot be scanned: scanner error {type(error).__name__}: {error}")
        else:
            findings += [f for f in found if _selected(f.code, select, ignore)]
        gc.collect(0)  # what the file's scan left in cycles (the scanners of its siblings, frames): all of it


def _scan_file(path: Path) -> list[Finding]:
    """A file's findings, on the tree of it that a scan of a file beside it follows (_module_tree): parsed once
    for both, as the files of a package import each other. A file that cannot be read or parsed is read anew to
    raise what is wrong with it."""
    stat, where = os.stat(path), os.path.abspath(path)
    parsed = _module_tree(where, stat.st_mtime_ns) if stat.st_size <= MAX_SIBLING_BYTES else None
    if parsed is None:
        return scan_source(str(path), read_source(path))
    source, tree, offset = parsed
    SCANNING[0] = where
    try:
        return scan_source(str(path), source, parsed=(tree, offset))
    finally:
        SCANNING[0] = None


def _scan_cells(path: str, notebook: Notebook) -> list[Finding]:
    """A notebook's findings, its cells that are not Python blanked as Jupyter runs the others (a class whose
    indentation was lost in a cell): raises the SyntaxError only if no cell is left to fail."""
    lines, first = notebook.source.split("\n"), None
    while True:
        try:
            return scan_source(path, "\n".join(lines))
        except SyntaxError as error:
            first = first or error
            if not error.lineno:
                raise first from None
            cell, _ = notebook.cell_of(error.lineno)
            start = notebook.starts[cell - 1] - 1
            end = notebook.starts[cell] - 1 if cell < len(notebook.starts) else len(lines)
            if not any(lines[start:end]):
                raise first from None
            lines[start:end] = [""] * (end - start)
            if not any(line.strip() for line in lines):  # no cell of it is Python
                raise first from None


def _cell_line(path: Path, line: int) -> str:
    """`line 12`, or in a notebook `cell 3, line 2`."""
    if path.suffix != ".ipynb":
        return f"line {line}"
    cell, line = read_notebook(path).cell_of(line)
    return f"cell {cell}, line {line}"


def once(findings: list[Finding], seen: set | None = None) -> list[Finding]:
    """Each finding said once: a sibling module's, reached from two files that import it or from its own scan,
    is the same finding (`seen`: the keys of findings already said, updated)."""
    seen = set() if seen is None else seen
    kept = []
    for finding in findings:
        key = (os.path.abspath(finding.path), finding.line, finding.col, finding.code)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


# --- measuring it -----------------------------------------------------------------------------------------
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>TLW\d+(?:\s*,\s*TLW\d+)*)")


def expected_findings(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs a corpus file's `# expect: TLWnnn` comments mark (a notebook's: lines of its code
    cells joined, as its findings' `line`)."""
    marks = set()
    for number, line in enumerate(python_source(path).splitlines(), 1):
        match = EXPECT.search(line)
        if match:
            marks |= {(number, code.strip()) for code in match.group("codes").split(",")}
    return marks


@dataclasses.dataclass
class Bench:
    """Recall over the trap files and false alarms (findings on unmarked lines) over a corpus."""

    traps: int = 0
    found: int = 0  # trap files with at least one marked line found
    lookalikes: int = 0
    false_alarms: list[str] = dataclasses.field(default_factory=list)  # findings in look-alike files
    unmarked: list[str] = dataclasses.field(default_factory=list)  # findings on other lines of trap files
    missed: list[str] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def summary(self) -> str:
        return (f"recall {self.found}/{self.traps} trap files; {len(self.false_alarms)} false alarm"
                f"{'s' * (len(self.false_alarms) != 1)} ({self.lookalikes} look-alike files); "
                + (f"{len(self.unmarked)} more on lines of trap files not marked; " if self.unmarked else "")
                + f"{len(self.problems)} not scanned")


def _score(bench: Bench, found: list[Finding], path: Path, marked: set[int], display: str) -> None:
    """One file's part of the score, from the findings of the whole scan: a trap made in a module reached from
    another file is found where it is made."""
    mine = [f for f in found if os.path.abspath(f.path) == os.path.abspath(path)]
    lines = {f.line for f in mine}
    if marked:
        bench.traps += 1
        if lines & marked:
            bench.found += 1
        else:
            bench.missed.append(display)
    else:
        bench.lookalikes += 1
    (bench.unmarked if marked else bench.false_alarms).extend(
        f"{display}:{f.line}: {f.code} {f.message}" for f in mine if f.line not in marked)


def bench_markers(folder: Path) -> Bench:
    """Score the scan on files marked `# expect: TLWnnn` (trap files: at least one marker)."""
    if not Path(folder).exists():
        raise FileNotFoundError("no such file or folder")
    return _bench([(path, {line for line, _ in expected_findings(path)}, str(path))
                   for path in python_files(Path(folder))])


def bench_labels(labels: Path) -> Bench:
    """Score the scan on a labels.json: [{"file", "kind": "trap"|"lookalike", "lines"}], paths relative to it; a
    notebook's trap lines given as "cells": [[code cell, line in it], ...] (1-based, as its findings tell them)."""
    root = Path(labels).parent
    return _bench([(root / entry["file"], _labelled_lines(root / entry["file"], entry) if entry["kind"] == "trap"
                    else set(), entry["file"]) for entry in json.loads(Path(labels).read_text())], root)


def _labelled_lines(path: Path, entry: dict) -> set[int]:
    lines = set(entry.get("lines") or [])
    if entry.get("cells"):
        starts = read_notebook(path).starts
        lines |= {starts[cell - 1] + line - 1 for cell, line in entry["cells"]}
    return lines


def _bench(files, root=None) -> Bench:
    """Each (path, marked lines, display) scanned as a user runs the scan, `check FOLDER` on the folder it is in,
    or on `root` (a project's folder: its training script calls the critic's module in network/), then scored on
    the findings of all of them together (a trap made in a module by a call from a module beside it is found:
    split_modules/); the other files' findings are not scored."""
    bench, found = Bench(), []
    folders = {Path(root).resolve()} if root is not None else {Path(path).parent.resolve() for path, _, _ in files}
    labelled = {str(Path(path).resolve()) for path, _, _ in files}
    for folder in sorted(f for f in folders if not any(other in f.parents for other in folders)):
        scanned = scan_path(folder)
        bench.problems += [p for p in scanned.problems if str(Path(p.split(": cannot be scanned")[0]).resolve())
                           in labelled]
        found += scanned.findings
    found = once(found)
    for path, marked, display in files:
        _score(bench, found, path, marked, display)
    return bench


def time_against_parse(folder: Path, rounds: int = 3, jobs: int = 1) -> tuple[float, float, float, int]:
    """Seconds to scan the folder as `check FOLDER --jobs N` scans it, seconds to scan it in this one process, and
    seconds for ast.parse alone on the same files in this one process, each the median of `rounds` passes, the
    three passes alternated in one process (a change in the machine's load hits them alike), and the file count.
    Each pass starts from a collected heap with no trees kept: parsed file by file between the scan's files, the
    parse bore the collector's walks of the scan's trees (keras's 904 files on 2026-12-07: 5.25 s to parse, 3.59 s
    of them the collector's, where a pass of its own takes 1.76 s)."""
    files = python_files(Path(folder))
    passes = {"jobs": [], "one": [], "parse": []}
    for _ in range(rounds):
        for name in passes:
            _module_tree.cache_clear()  # each pass as a first scan: the modules beside a file parsed anew
            gc.collect()
            start = time.perf_counter()
            if name == "parse":
                for path in files:
                    try:
                        ast.parse(python_source(path))
                    except Exception:  # noqa: BLE001, S110 - the parse time only
                        pass
            else:
                scan_path(Path(folder), jobs=jobs if name == "jobs" else 1)
            passes[name].append(time.perf_counter() - start)
    return (*(statistics.median(passes[name]) for name in passes), len(files))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tf_loss_wiring.check.scan", description=__doc__.split("\n")[0])
    parser.add_argument("--bench", metavar="FOLDER", help="recall and false alarms over `# expect:`-marked files")
    parser.add_argument("--labels", metavar="JSON", help="recall and false alarms over a labels.json (its "
                        "labelled files scored on a scan of the folder it is in, as `check FOLDER` runs)")
    parser.add_argument("--time", metavar="FOLDER", help="scan vs ast.parse seconds over a folder")
    parser.add_argument("-j", "--jobs", type=jobs_argument, default=default_jobs(), metavar="N",
                        help="processes a folder of many files is scanned in (default: auto, one per CPU)")
    parser.add_argument("targets", nargs="*", help="files or folders to scan")
    args = parser.parse_args(argv)
    for folder, make in ((args.bench, bench_markers), (args.labels, bench_labels)):
        if folder:
            try:
                bench = make(Path(folder))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:  # json's errors are ValueErrors
                option = "--bench" if make is bench_markers else "--labels"
                print(f"{parser.prog}: {option} {folder}: cannot be read as a benchmark "
                      f"({type(error).__name__}: {error})", file=sys.stderr)
                return 2
            for line in bench.false_alarms:
                print(f"false alarm: {line}")
            for line in bench.unmarked:
                print(f"not marked: {line}")
            for line in bench.missed:
                print(f"missed: {line}")
            for line in bench.problems:
                print(f"problem: {line}")
            print(f"{folder}: {bench.summary}")
    if args.time:
        scanned, alone, parsed, count = time_against_parse(Path(args.time), jobs=args.jobs)
        print(f"{args.time}: {count} files; scan {scanned:.2f} s in {args.jobs} process{'es' * (args.jobs > 1)} "
              f"({scanned / parsed:.2f}x), {alone:.2f} s in one ({alone / parsed:.2f}x); ast.parse {parsed:.2f} s "
              f"in one")
    status, seen = 0, set()
    for target in args.targets:
        done = scan_path(Path(target), jobs=args.jobs)
        done.findings = once(done.findings, seen)
        for finding in done.findings:
            print(f"{finding}\n    fix: {finding.fix}")
        for line in done.problems:
            print(line, file=sys.stderr)
        print(f"{target}: {done.summary}")
        status = max(status, 1 if done.findings else 0, 2 if done.problems else 0)
    return status


def quiet_broken_pipe():
    """The reader closed the pipe (`| head`): stop quietly with 128 + SIGPIPE, as other command-line tools do."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit would raise again
    sys.exit(128 + 13)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        quiet_broken_pipe()
