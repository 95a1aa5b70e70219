"""`tf-loss-wiring check FILE|FOLDER`: the patterns that set the broadcast trap, found without running the code.

Four rules, each finding one line `path:line:col: CODE message` and its one-line fix:

- TLW001: a placeholder declared `shape=(None)`. The parentheses are only in the source text — to Python it is
  `None`, a tensor of unknown rank — so this is read with `tokenize`, not from the syntax tree.
- TLW002: a `tf.losses` / `tf.compat.v1.losses` call whose labels and predictions may differ in rank: one side
  of known rank, the other a placeholder of unknown rank. (Two known, different ranks make TF1 refuse.)
- TLW003: a hand-written `reduce_mean(square(a - b))` (and `reduce_sum`, `abs`, `pow(·, 2)`,
  `squared_difference`) whose operands' ranks differ or may differ as above.
- TLW004: a `Loss` subclass whose `call` combines `y_true` and `y_pred` elementwise before anything brings
  them to one shape (Keras 3 passes a subclass's `call` the shapes as they come).

Ranks are followed through assignments in one function (or the module's top level): placeholders and
Variables with literal shapes, `matmul`, arithmetic, `squeeze` / `expand_dims` / `reshape` with literal
arguments. Anything else — a function's parameters, a model's output, data loaded at run time — is not
inferred, and nothing is flagged on it. Import aliases are followed: `import tensorflow.compat.v1 as tf`,
`from tensorflow import keras`, `v1 = tf.compat.v1`, `from tensorflow.compat.v1 import placeholder`.
"""

from __future__ import annotations

import ast
import dataclasses
import io
import os
import tokenize
from pathlib import Path

UNKNOWN = "unknown rank"  # declared so: a placeholder without a shape, or the question's shape=(None)
SKIPPED_FOLDERS = {".git", ".venv", "venv", "__pycache__", ".tox", ".nox", "node_modules", "build", "dist"}

FIXES = {
    "TLW001": "declare the rank: shape=(None,) for labels of shape (B,), or shape=(None, 1) to match (B, 1) "
              "predictions",
    "TLW002": "bring both to one shape first, e.g. tf.squeeze(predictions, axis=1) against (B,) labels; a "
              "declared placeholder shape makes TF refuse instead of broadcasting",
    "TLW003": "make the ranks agree before subtracting, e.g. tf.squeeze(predictions, axis=1), or guard them "
              "with tf_loss_wiring.guard.same_shape(labels, predictions)",
    "TLW004": "bring them to one shape first: y_true, y_pred = same_shape(y_true, y_pred) "
              "(tf_loss_wiring.guard); under Keras 3 only, returning keras.losses.mean_squared_error(y_true, "
              "y_pred) & co. also works (they repair the ranks; tf_keras's do not)",
}

# Names as they resolve through the imports, without the `tensorflow.` / `tensorflow.compat.v1.` prefix.
PLACEHOLDERS = {"placeholder"}
TF1_LOSSES = {"mean_squared_error", "absolute_difference", "huber_loss", "log_loss", "hinge_loss",
              "mean_pairwise_squared_error", "cosine_distance", "sigmoid_cross_entropy"}
REDUCTIONS = {"reduce_mean", "reduce_sum", "math.reduce_mean", "math.reduce_sum", "keras.ops.mean",
              "keras.ops.sum"}
SQUARING = {"square", "math.square", "abs", "math.abs", "keras.ops.square", "keras.ops.abs"}
POWERS = {"pow", "math.pow", "keras.ops.power"}
PAIRWISE = {"squared_difference", "math.squared_difference", "subtract", "math.subtract", "keras.ops.subtract"}
# Calls whose result has another shape than their argument's, or that assert one: after them, no finding.
ALIGNING = {"squeeze", "reshape", "expand_dims", "ensure_shape", "same_shape", "strict", "assert_shapes",
            "squeeze_or_expand_to_same_rank", "flatten", "ravel", "assert_equal", "set_shape"}
ELEMENTWISE_CALLS = {"squared_difference", "subtract", "add", "multiply", "divide", "maximum", "minimum",
                     "abs_difference", "absolute_difference"}


@dataclasses.dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int  # 1-based, as editors and ruff count
    code: str
    message: str

    @property
    def fix(self) -> str:
        return FIXES[self.code]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


# --- imports: what each local name stands for ------------------------------------------------------------
def _canonical(dotted: str) -> str | None:
    """'tensorflow.compat.v1.losses.x' → 'losses.x'; 'tf_keras.losses.Loss' → 'keras.losses.Loss'; else None."""
    for prefix in ("tensorflow.compat.v1.", "tensorflow.compat.v2.", "tensorflow."):
        if dotted.startswith(prefix):
            return dotted[len(prefix):]
    if dotted in ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"):
        return ""
    for keras in ("keras", "tf_keras", "tensorflow.keras"):
        if dotted == keras or dotted.startswith(keras + "."):
            return "keras" + dotted[len(keras):]
    return None


class Aliases:
    """Local names bound to TensorFlow or Keras objects, by their imports and plain `v1 = tf.compat.v1` lines."""

    def __init__(self, tree: ast.AST):
        self.names: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    self.names[local] = alias.name if alias.asname else alias.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    self.names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in ast.walk(tree):  # `v1 = tf.compat.v1`: an alias made by assignment
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                dotted = self.dotted(node.value)
                if dotted is not None and _canonical(dotted) is not None:
                    self.names[node.targets[0].id] = dotted

    def dotted(self, node: ast.AST) -> str | None:
        """The full dotted name an attribute chain stands for, through the aliases, or None."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.names:
            return None
        return ".".join([self.names[node.id], *reversed(parts)])

    def resolve(self, node: ast.AST) -> str | None:
        """What a call's function is in TensorFlow or Keras ('losses.mean_squared_error', 'keras.ops.mean')."""
        dotted = self.dotted(node)
        return None if dotted is None else _canonical(dotted)


def _name_of(resolved: str | None) -> str:
    return (resolved or "").rsplit(".", 1)[-1]


# --- ranks ------------------------------------------------------------------------------------------------
def _literal_shape_rank(node: ast.AST | None) -> int | str | None:
    """The rank a literal shape argument declares; UNKNOWN for None or no shape; None when not a literal."""
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return UNKNOWN
    if isinstance(node, (ast.Tuple, ast.List)):
        return len(node.elts)
    return None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.AST | None:
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return call.args[position] if len(call.args) > position else None


class Ranks:
    """The ranks of local names in one scope, followed through its assignments in order."""

    def __init__(self, aliases: Aliases):
        self.aliases = aliases
        self.known: dict[str, int | str] = {}

    def assign(self, target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Name):
            rank = self.of(value)
            if rank is None:
                self.known.pop(target.id, None)
            else:
                self.known[target.id] = rank
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) else [None] * len(target.elts)
            for element, element_value in zip(target.elts, values, strict=False):
                if element_value is None:
                    if isinstance(element, ast.Name):
                        self.known.pop(element.id, None)
                else:
                    self.assign(element, element_value)

    def of(self, node: ast.AST) -> int | str | None:
        """The expression's rank, UNKNOWN when declared unknown, None when it cannot be told from the source."""
        if isinstance(node, ast.Name):
            return self.known.get(node.id)
        if isinstance(node, ast.BinOp):
            return self._broadcast(self.of(node.left), self.of(node.right))
        if isinstance(node, ast.Call):
            return self._call(node)
        return None

    @staticmethod
    def _broadcast(a, b):
        if a is None or b is None:
            return None
        if UNKNOWN in (a, b):
            return UNKNOWN
        return max(a, b)

    def _call(self, call: ast.Call):
        resolved = self.aliases.resolve(call.func)
        name = _name_of(resolved)
        if resolved is None:
            return None
        if resolved in PLACEHOLDERS:
            return _literal_shape_rank(_argument(call, 1, "shape"))
        if name in ("zeros", "ones") and call.args:
            return _literal_shape_rank(call.args[0]) if isinstance(call.args[0], (ast.Tuple, ast.List)) else None
        if name in ("Variable", "constant") and call.args:
            return self.of(call.args[0])
        if name == "matmul" and len(call.args) >= 2:
            first = self.of(call.args[0])
            return first if isinstance(first, int) and first >= 2 else (2 if first is not None else None)
        if name in ("add", "subtract", "multiply") and len(call.args) >= 2:
            return self._broadcast(self.of(call.args[0]), self.of(call.args[1]))
        if name in ("squeeze", "expand_dims") and call.args:
            rank = self.of(call.args[0])
            axis = _argument(call, 1, "axis")
            if not isinstance(rank, int) or axis is None:
                return None
            return rank - 1 if name == "squeeze" else rank + 1
        if name == "reshape" and len(call.args) >= 2:
            shape = call.args[1]
            return len(shape.elts) if isinstance(shape, (ast.Tuple, ast.List)) else None
        return None


def _may_differ(a, b) -> bool:
    """Ranks that differ, or one known and the other declared unknown (the question's case)."""
    return a is not None and b is not None and a != b


def _show(rank) -> str:
    return rank if rank == UNKNOWN else f"rank {rank}"


# --- the rules --------------------------------------------------------------------------------------------
class Scanner(ast.NodeVisitor):
    """Walks one module, scope by scope, and collects its findings."""

    def __init__(self, path: str, source: str):
        self.path, self.source = path, source
        self.tree = ast.parse(source, filename=path)
        self.aliases = Aliases(self.tree)
        self.tokens = _tokens(source)
        self.findings: list[Finding] = []
        self.ranks = Ranks(self.aliases)

    def run(self) -> list[Finding]:
        self.visit(self.tree)
        return sorted(set(self.findings), key=lambda f: (f.line, f.col, f.code))

    def add(self, node: ast.AST, code: str, message: str) -> None:
        self.findings.append(Finding(self.path, node.lineno, node.col_offset + 1, code, message))

    # scopes: each function has its own ranks, starting from the module's
    def visit_FunctionDef(self, node):
        outer, self.ranks = self.ranks, Ranks(self.aliases)
        self.ranks.known = dict(outer.known)
        self.generic_visit(node)
        self.ranks = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        if any(_name_of(self.aliases.resolve(base)) == "Loss" or
               (isinstance(base, ast.Attribute) and base.attr == "Loss") or
               (isinstance(base, ast.Name) and base.id == "Loss") for base in node.bases):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "call":
                    self._loss_call(item)
        self.generic_visit(node)

    def visit_Assign(self, node):
        self.generic_visit(node)
        for target in node.targets:
            self.ranks.assign(target, node.value)

    def visit_AnnAssign(self, node):
        self.generic_visit(node)
        if node.value is not None:
            self.ranks.assign(node.target, node.value)

    def visit_Call(self, node):
        resolved = self.aliases.resolve(node.func)
        if resolved in PLACEHOLDERS:
            self._placeholder(node)
        elif resolved is not None and resolved.startswith("losses.") and _name_of(resolved) in TF1_LOSSES:
            self._tf1_loss(node, resolved)
        elif resolved in REDUCTIONS and node.args:
            self._hand_written(node, resolved)
        self.generic_visit(node)

    def _placeholder(self, call: ast.Call) -> None:
        shape = _argument(call, 1, "shape")
        if isinstance(shape, ast.Constant) and shape.value is None and _parenthesized(self.tokens, shape):
            self.add(shape, "TLW001", "placeholder shape=(None) is None, not a 1-D shape: the tensor has unknown "
                                      "rank, so nothing checks it against the predictions")

    def _tf1_loss(self, call: ast.Call, resolved: str) -> None:
        labels, predictions = _argument(call, 0, "labels"), _argument(call, 1, "predictions")
        if labels is None or predictions is None:
            return
        a, b = self.ranks.of(labels), self.ranks.of(predictions)
        if _may_differ(a, b) and UNKNOWN in (a, b):  # two known, different ranks: TF1 refuses at build time
            self.add(call, "TLW002", f"tf.{resolved}: labels of {_show(a)} and predictions of {_show(b)} "
                                     "broadcast to a B x B matrix when fed (B,) and (B, 1)")

    def _hand_written(self, call: ast.Call, resolved: str) -> None:
        pair = _difference_inside(self.aliases, call.args[0])
        if pair is None:
            return
        a, b = (self.ranks.of(side) for side in pair)
        verb = "may differ" if UNKNOWN in (a, b) else "differ"
        if _may_differ(a, b):
            self.add(call, "TLW003", f"{_name_of(resolved)} over an elementwise difference of {_show(a)} and "
                                     f"{_show(b)}: the ranks {verb} and the operands may broadcast "
                                     "(to B x B when they are (B, 1) and (B,))")

    def _loss_call(self, method: ast.FunctionDef) -> None:
        params = [a.arg for a in method.args.args[1:3]]
        if len(params) < 2:
            return
        raw = {params[0]: "true", params[1]: "pred"}  # names holding y_true or y_pred as they came
        for statement in method.body:
            checked = statement.value if isinstance(statement, ast.Expr) else None
            if isinstance(checked, ast.Call) and _aligning(self.aliases, checked) and \
                    any(_side(self.aliases, argument, raw) for argument in checked.args):
                return  # assert_shapes / assert_equal on them: the author made the shapes meet
            for node in ast.walk(statement):
                if _combines(self.aliases, node, raw):
                    self.add(node, "TLW004", f"Loss.call combines {params[0]} and {params[1]} elementwise "
                                             "before bringing them to one shape: under Keras 3, (B,) labels "
                                             "against (B, 1) outputs broadcast to B x B")
                    return
            # A name made from y_true or y_pred keeps its side; one reshaped or squeezed, even under an `if`
            # (`if len(y_pred.shape) == 2: y_pred = squeeze(...)`), is trusted as the scan trusts a squeeze.
            for assign in ast.walk(statement):
                if isinstance(assign, ast.Assign):
                    sides = _side(self.aliases, assign.value, raw)
                    for target in _names(assign.targets):
                        raw.pop(target, None)
                        if len(sides) == 1:
                            raw[target] = next(iter(sides))


def _names(targets: list[ast.AST]) -> list[str]:
    return [n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)]


def _aligning(aliases: Aliases, node: ast.AST) -> bool:
    """A call that reshapes or checks its argument, or an indexing that adds or drops an axis."""
    if isinstance(node, ast.Call):
        name = _name_of(aliases.resolve(node.func)) or getattr(node.func, "attr", getattr(node.func, "id", ""))
        return name in ALIGNING
    return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple)  # y[:, None], y[:, 0]


def _side(aliases: Aliases, node: ast.AST, raw: dict[str, str]) -> set[str]:
    """Which of y_true ("true") and y_pred ("pred") reach `node` unaligned."""
    if _aligning(aliases, node):
        return set()
    if isinstance(node, ast.Name):
        return {raw[node.id]} if node.id in raw else set()
    if isinstance(node, ast.Attribute):  # y_pred.dtype, y_true.shape: what it is, not its values
        return set()
    return set().union(*(_side(aliases, child, raw) for child in ast.iter_child_nodes(node)))


def _combines(aliases: Aliases, node: ast.AST, raw: dict[str, str]) -> bool:
    """An elementwise operation with unaligned y_true on one side and unaligned y_pred on the other."""
    if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.MatMult):
        sides = (node.left, node.right)
    elif isinstance(node, ast.Call) and len(node.args) >= 2 and \
            (_name_of(aliases.resolve(node.func)) or getattr(node.func, "attr", "")) in ELEMENTWISE_CALLS:
        sides = (node.args[0], node.args[1])
    else:
        return False
    left, right = (_side(aliases, side, raw) for side in sides)
    return {*left, *right} == {"true", "pred"} and len(left) == len(right) == 1


def _difference_inside(aliases: Aliases, node: ast.AST) -> tuple[ast.AST, ast.AST] | None:
    """The (a, b) of square(a - b), abs(a - b), pow(a - b, 2), (a - b) ** 2 or squared_difference(a, b)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        node = node.left
    elif isinstance(node, ast.Call):
        resolved = aliases.resolve(node.func)
        if resolved in PAIRWISE and len(node.args) >= 2:
            return node.args[0], node.args[1]
        if resolved in SQUARING | POWERS and node.args:
            node = node.args[0]
        else:
            return None
    else:
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        return node.left, node.right
    if isinstance(node, ast.Call) and aliases.resolve(node.func) in PAIRWISE and len(node.args) >= 2:
        return node.args[0], node.args[1]
    return None


# --- source text ------------------------------------------------------------------------------------------
def _tokens(source: str) -> list[tokenize.TokenInfo]:
    skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    return [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in skip]


def _parenthesized(tokens: list[tokenize.TokenInfo], node: ast.AST) -> bool:
    """Whether the source wraps `node` in parentheses with no comma: `(None)`, not `(None,)` nor `None`."""
    start, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
    for i, token in enumerate(tokens):
        if token.start == start:
            before = tokens[i - 1] if i else None
            after = next((t for t in tokens[i:] if t.start >= end), None)
            return bool(before and after and before.string == "(" and after.string == ")")
    return False


# --- files and folders ------------------------------------------------------------------------------------
def python_files(target: Path) -> list[Path]:
    """The file itself, or every .py file under the folder (skipping virtual environments and caches)."""
    if target.is_file():
        return [target]
    found = []
    for folder, subfolders, files in os.walk(target):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS and not d.startswith("."))
        found += [Path(folder) / name for name in sorted(files) if name.endswith(".py")]
    return found


def scan_source(path: str, source: str) -> list[Finding]:
    """The findings in one module's source; raises SyntaxError (ValueError for a NUL byte on Python 3.10)."""
    return Scanner(path, source).run()


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


def scan_path(target: Path) -> Scanned:
    """Every finding under `target`, and one line for each file that could not be read or parsed."""
    if not target.is_file() and not target.is_dir():
        return Scanned([], [f"{target}: cannot be scanned: neither a file nor a folder"], 0)
    findings, problems, files = [], [], python_files(target)
    for path in files:
        try:
            findings += scan_source(str(path), path.read_text(encoding="utf-8"))
        except (SyntaxError, ValueError, OSError) as error:  # ValueError: a NUL byte, on Python 3.10
            problems.append(f"{path}: cannot be scanned: {type(error).__name__}: {error}")
    return Scanned(findings, problems, len(files) - len(problems))
