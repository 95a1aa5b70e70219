"""Deliberate breaks of the static scan (tf_loss_wiring/check/scan.py): does the scan's test suite notice each one?

Each break is a (name, old text, new text) substitution in scan.py. The script copies the repository to a temporary
folder, checks the unbroken copy passes, then applies one break at a time there and runs the scan's three test
files (tests/tools/test_scan.py, test_scan_corpus.py, test_scan_outputs.py) with the copy first on the path.
A break the tests fail on is killed; one they pass is SURVIVED. It prints the table and the score, and exits 1 if
fewer than 90 % are killed (2 if a break's old text no longer occurs exactly once in scan.py: fix the break).

    python tests/mutations/scan_breaks.py            every break
    python tests/mutations/scan_breaks.py NAME ...   the breaks whose names contain one of these words
    nox -s mutations

Not collected by pytest (no test_ prefix); the repository itself is never touched. The issue's breaks come first.
Some breaks are expected to survive, each for the reason its name gives: they are listed in SURVIVORS below and
count against the score all the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCAN = Path("tf_loss_wiring/check/scan.py")
TESTS = ["tests/tools/test_scan.py", "tests/tools/test_scan_corpus.py", "tests/tools/test_scan_outputs.py"]
THRESHOLD = 0.90
TIMEOUT = 300  # seconds for one break's test run; a break that hangs the tests is counted as killed
COPIED = ["tf_loss_wiring", "tests", "common", "tf1_graph", "tf2_eager", "keras_impl", "docs", "pyproject.toml",
          "README.md"]

BREAKS = [
    # --- the list ---
    ("a broadcast's rank taken as the smaller",
     "    if len(a) < len(b):\n        a, b = b, a\n",
     "    if len(a) > len(b):\n        a, b = b, a\n"),
    ("matmul's rank passed through",
     "            dims = x[:-1] + y[-1:]\n",
     "            dims = x\n"),
    ("expand_dims keeping the rank",
     "        dims.insert(at, 1)\n",
     "        dims = dims\n"),
    ("a reassigned name keeping its old rank",
     "            fr.locals[target.id] = value\n",
     "            fr.locals.setdefault(target.id, value)\n"),
    ("unknown rank not propagated through an elementwise op",
     "unk=True, pending=pending, raw=raw, ph=ph, pred=pred)",
     "unk=False, pending=pending, raw=raw, ph=ph, pred=pred)"),
    ("unknown rank not set by a placeholder shape=None",
     "return T(None, (line, words, None), unk=True, ph=where)",
     "return T(None, (line, words, None), unk=False, ph=where)"),
    ("a literal shape's rank off by one (one short)",
     "                return None\n        return tuple(out)\n",
     "                return None\n        return tuple(out[:-1])\n"),
    ("a literal shape's rank off by one (an int shape given a second axis)",
     "        if isinstance(shape, int) and not isinstance(shape, bool):\n            return (shape,)\n",
     "        if isinstance(shape, int) and not isinstance(shape, bool):\n            return (shape, 1)\n"),
    ("reshape's rank forgotten",
     "        return T(dims, (node.lineno, \"{}\", node), pending=pending, pred=isinstance(value, T) and value.pred)",
     "        return T(value.dims if isinstance(value, T) else dims, (node.lineno, \"{}\", node), pending=pending,"
     " pred=isinstance(value, T) and value.pred)"),
    ("squeeze keeping the rank (no axis)",
     "            new = tuple(d for d in dims if d != 1)\n",
     "            new = tuple(dims)\n"),
    ("squeeze keeping the rank (axis given)",
     "            new = tuple(d for i, d in enumerate(dims) if i not in picked)\n",
     "            new = tuple(dims)\n"),
    ("slicing [:, 0] keeping the rank",
     "                pass  # an integer index drops the axis\n",
     "                out.append(dims[axis])\n"),
    ("[:, None] not adding an axis",
     "                out.append(1)\n                continue\n",
     "                continue\n"),
    ("Dense(1) giving the input's last dim",
     "            return T(value.dims[:-1] + (units,), (line, words, None), pred=True)",
     "            return T(value.dims, (line, words, None), pred=True)"),
    ("self. attributes not followed",
     "                owner.cls.attrs[target.attr] = value\n",
     "                owner.cls.attrs[target.attr] = None\n"),
    ("function return shapes not followed",
     "            result = frame.returns[0]\n",
     "            result = None\n"),
    ("noqa ignored",
     "        found = [f for f in found if f.path != path or not _suppressed(f, lines)]\n",
     "        found = list(found)\n"),
    ("noqa: CODE taken as a bare noqa",
     "        if codes is None:\n            return True\n",
     "        if True:\n            return True\n"),
    ("select ignored",
     "    if select is not None and not any(code.startswith(prefix) for prefix in select):",
     "    if False:"),
    ("ignore ignored",
     "    return not (ignore and any(code.startswith(prefix) for prefix in ignore))",
     "    return True"),
    ("Python 2 rewrite disabled",
     "        rewritten = python2_rewrite(source)\n",
     "        rewritten = None\n"),
    # --- more shape transfers ---
    ("a for loop's element keeping the leading axis",
     "            return value.like(dims=value.dims[1:], src=value.src, raw=None, ph=None)",
     "            return value.like(dims=value.dims, src=value.src, raw=None, ph=None)"),
    ("transpose keeping the order",
     "            new = tuple(reversed(dims))\n",
     "            new = dims\n"),
    ("keepdims ignored",
     "(1 if keepdims else MISSING) if i in picked",
     "MISSING if i in picked"),
    ("a reduction over an axis keeping it",
     "        return T(tuple(d for d in dims if d is not MISSING), (line, \"{}\", node), pred=value.pred)",
     "        return T(value.dims, (line, \"{}\", node), pred=value.pred)"),
    ("flatten keeping the rank",
     "        new = (known[0],) if len(known) == 1 else (1,) if not known else (None,)\n",
     "        new = dims\n"),
    ("matmul by a vector keeping the last axis",
     "        if len(y) == 1:\n            dims = x[:-1]\n",
     "        if len(y) == 1:\n            dims = x\n"),
    ("a shape's first None not taken as the batch",
     "                out.append(\"B\" if i == 0 else None)\n",
     "                out.append(None)\n"),
    ("-1 in a shape not read as unknown",
     "            if dim is PYNONE or dim == -1:\n",
     "            if dim is PYNONE:\n"),
    ("keras.Input without its batch axis",
     "            made = T((\"B\", *dims), (line, \"{}\", node))\n",
     "            made = T(dims, (line, \"{}\", node))\n"),
    ("a broadcast against an unknown dim giving the unknown",
     "            out.append(x if y is None else y)\n",
     "            out.append(None)\n"),
    ("an if/else keeping the first branch's value",
     "            before[key] = a if b is MISSING or a is b else _join(a, b)\n",
     "            before[key] = a\n"),
    ("a module's own function not walked past depth 0 (MAX_DEPTH = 0)",
     "MAX_DEPTH = 4  #",
     "MAX_DEPTH = 0  #"),
    # --- the rules ---
    ("a column taken as any rank-2 tensor",
     "    return dims is not None and len(dims) == 2 and dims[1] == 1 and dims[0] != 1\n",
     "    return dims is not None and len(dims) == 2 and dims[0] != 1\n"),
    ("two different known batch sizes taken as one batch",
     "    return not (isinstance(d, int) and isinstance(e, int) and d != e)\n",
     "    return True\n"),
    ("a broadcast reported without a reduction",
     "            if cand.reduced is None or id(cand.reduced_by) in reductions:\n",
     "            if id(cand.reduced_by) in reductions:\n"),
    ("reduce_mean not counted as a reduction",
     "REDUCE_CONFIRM = {\"reduce_mean\", ",
     "REDUCE_CONFIRM = {\"reduce_mean_\", "),
    ("TLW002 on a placeholder fed only columns",
     "            if cand.code == \"TLW002\" and self.fed_a_column(cand):\n",
     "            if False:\n"),
    ("TF1 losses taken to broadcast known ranks",
     "        if labels.unk != predictions.unk and _column((predictions if labels.unk else labels).dims):\n",
     "        if _column((predictions if labels.unk else labels).dims):\n"),
    ("TLW004 off",
     "        if left.raw and right.raw and left.raw != right.raw:\n",
     "        if False:\n"),
    ("same_shape not trusted to align",
     "ALIGNING_NAMES = {\"same_shape\", ",
     "ALIGNING_NAMES = {\"same_shape_\", "),
    ("an assert on y_true and y_pred not trusted to align them",
     "                        scope[key] = value.like(raw=None)\n",
     "                        scope[key] = value\n"),
    ("Keras 3's loss functions taken not to repair the ranks",
     "        if ns == \"k\" and (self.keras3 or ",
     "        if ns == \"k\" and (False or "),
    ("the finding's column 0-based",
     "        return Finding(self.path, cand.node.lineno - self.offset, cand.node.col_offset + 1, cand.code, message, "
     "fix)",
     "        return Finding(self.path, cand.node.lineno - self.offset, cand.node.col_offset, cand.code, message, "
     "fix)"),
    ("the quick exit inverted (a module naming a loss skipped)",
     "    if not TRIGGERS.search(source) and not _imports_a_sibling(path, source):",
     "    if TRIGGERS.search(source) and not _imports_a_sibling(path, source):"),
    # --- shapes tied to a model's unknown input (scan.Anchor), the cross-entropies, ensure_shape ---
    ("a model called on a name of unknown shape not tying it",
     "        made.rel = (Anchor(name), 1, True, False)\n",
     "        made.rel = None\n"),
    ("Dense layers not taken to follow their input's shape",
     "        return callee.inputs is None and callee.kind in (\"dense\", \"same\")\n",
     "        return False\n"),
    ("a tied input not passed through a Sequential",
     "        current = value if isinstance(value, T) and (value.dims is not None or value.rel is not None) "
     "else None\n",
     "        current = value if isinstance(value, T) and value.dims is not None else None\n"),
    ("a tied input taken over a Sequential's Input",
     "                current = layer if current is None or current.dims is None else current\n",
     "                current = current or layer\n"),
    ("Dense dropping the tie to its input",
     "                rel = (rel[0], rel[1], True, units == 1) if rel is not None and rel[2] and rel[1] >= 1 "
     "else None\n",
     "                rel = None\n"),
    ("a tied Dense(1) output not taken as a column",
     "(rel[0], rel[1], True, units == 1) if rel",
     "(rel[0], rel[1], True, False) if rel"),
    ("a softmax cross-entropy keeping the class axis",
     "                return T(logits.dims[:-1], src, pending=logits.pending)\n",
     "                return T(logits.dims, src, pending=logits.pending)\n"),
    ("a tied softmax cross-entropy keeping the class axis",
     "                return T(None, src, pending=logits.pending, rel=(rel[0], rel[1] - 1, True, False))\n",
     "                return T(None, src, pending=logits.pending, rel=rel)\n"),
    ("sparse softmax cross-entropy not given its labels' shape",
     "            return T(labels.dims, src, pending=labels.pending)\n",
     "            return None\n"),
    ("a cross-entropy's class axis given taken as the last",
     "        if kw.get(\"axis\", kw.get(\"dim\", -1)) != -1 or len(args) >",
     "        if False or len(args) >"),
    ("a cross-entropy's arguments by position taken as no class axis",
     "(2 if last.endswith(\"logits\") or\n                                                                   "
     "last.endswith(\"v2\") else 3):",
     "(9 if last.endswith(\"logits\") or\n                                                                   "
     "last.endswith(\"v2\") else 9):"),
    ("Keras's sparse_categorical_crossentropy not followed",
     "        if last in PER_SAMPLE_XENT:\n            return self.xent(last, args, kw, node)\n        if last not in "
     "KERAS_LOSS_FNS:",
     "        if last not in KERAS_LOSS_FNS:"),
    ("squeeze(-1) of a tied column keeping the rank",
     "pred=value.pred,\n                     rel=(rel[0], rel[1] - 1, True, False))",
     "pred=value.pred,\n                     rel=rel)"),
    ("squeeze with no axis taken as squeezing the last",
     " and axis == -1 and \\\n",
     " and axis in (-1, None) and \\\n"),
    ("like() dropping the tie",
     "                self.ge2, self.rel, self.end)\n",
     "                self.ge2, None, self.end)\n"),
    ("a model's predict not tying its input",
     "                args[0] = self.anchored(receiver, node.args[0], args[0], fr)\n",
     "                pass\n"),
    ("a Dense of units not known on a tied input giving nothing",
     "                if units is None and rel is None:\n",
     "                if units is None:\n"),
    ("the operands' order taken as the vector, then the column",
     "            vector, column = (ra, rb) if ra[1] < rb[1] else (rb, ra)\n",
     "            vector, column = ra, rb\n"),
    ("a broadcast across the batch keeping a tie",
     "(left_node, left), (right_node, right), op)}\n            return T(None, src, pending=pending, raw=raw, "
     "pred=pred)\n",
     "(left_node, left), (right_node, right), op)}\n            return T(None, src, pending=pending, raw=raw, "
     "pred=pred, rel=ra)\n"),
    ("a column plus 4 units still a column",
     "        column = (ra[3] or rb[3]) and not (exact and tail is not None and tail != 1)\n",
     "        column = ra[3] or rb[3]\n"),
    ("a known vector against any tied value reported",
     "            if other.tail == 1 and known.dims is not None and len(known.dims) == 1 and known.dims[0] != 1 "
     "or \\\n",
     "            if (other.tail == 1 or other.rel is not None) and known.dims is not None and len(known.dims) == 1 "
     "and known.dims[0] != 1 or \\\n"),
    ("a sigmoid cross-entropy taken as per-sample",
     "        if last in PER_SAMPLE_XENT:\n            return self.per_sample(",
     "        if last in PER_SAMPLE_XENT or \"sigmoid\" in last:\n            return self.per_sample("),
    ("a tied column lost against a value of unknown shape",
     "                     rel=(rel[0], rel[1], False, True) if rel is not None and rel[3] else None)\n",
     "                     rel=None)\n"),
    ("two inputs' ties taken as one",
     "        if ra is None or rb is None or ra[0] is not rb[0]:  # one side's shape not known, or tied to another",
     "        if ra is None or rb is None:  # one side's shape not known, or tied to another"),
    ("of two inputs' columns, the first kept rather than the exact one",
     "            rel, side = max(columns, key=lambda item: item[0][2])\n",
     "            rel, side = columns[0]\n"),
    ("an exact value and a column of one input, batch axes apart, not reported",
     "            if vector[2] and column[3]:  # an exact value and a column of one anchor, batch axes apart\n",
     "            if False:\n"),
    ("two columns of one input not a column",
     "        column = (ra[3] or rb[3]) and not (exact and tail is not None and tail != 1)\n",
     "        column = False\n"),
    ("two outputs of one input: the last axis not broadcast",
     "        tail = _both_tails(left, right)\n        column =",
     "        tail = None\n        column ="),
    ("a memoized walk's tie to its own parameter handed to another call",
     "            return _retie(result, {a.rel[0] for a in (*args, *kw.values()) if type(a) is T and a.rel is not "
     "None},",
     "            return result if True else _retie(result, {a.rel[0] for a in (*args, *kw.values()) if type(a) "
     "is T and a.rel is not None},"),
    ("a memoized walk's ties dropped, not moved to the new call",
     "        return value.like(rel=(new, *value.rel[1:]))\n",
     "        return value.like(rel=None)\n"),
    ("a memoized walk's outputs each tied to an input of its own",
     "        new = fresh.setdefault(anchor, Anchor(anchor.name))\n",
     "        new = Anchor(anchor.name)\n"),
    ("a tie kept in a self. attribute past its call",
     "                    value = value.like(rel=None)\n",
     "                    value = value\n"),
    ("indexing a rank not known keeping the last axis",
     "unk=False, tail=None, rel=None, end=None)",
     "unk=False)"),
    ("an if/else keeping the first branch's last axis",
     "tail=a.tail if a.tail == b.tail else None,",
     "tail=a.tail,"),
    ("an if/else keeping the first branch's tie",
     "rel=a.rel if a.rel == b.rel else None, end=",
     "rel=a.rel, end="),
    ("a tied finding taking the column for the vector",
     "            column_left = left.rel[1] > right.rel[1]\n",
     "            column_left = left.rel[1] < right.rel[1]\n"),
    ("ensure_shape unreachable again (taken as aligning only)",
     "        if last == \"ensure_shape\":\n",
     "        if last == \"ensure_shape_\":\n"),
    ("ensure_shape dropping a broadcast waiting for its reduction",
     "        pending, pred = (value.pending, value.pred) if isinstance(value, T) else (frozenset(), False)\n",
     "        pending, pred = frozenset(), False\n"),
    ("ensure_shape keeping y_pred as Keras passed it",
     "        return T(dims, (node.lineno, \"{}\", node), pending=pending, pred=pred)\n",
     "        return value.like(dims=dims) if isinstance(value, T) else T(dims, (node.lineno, \"{}\", node))\n"),
    ("ensure_shape ignoring the value's own dimensions",
     "            dims = tuple(d if isinstance(d, int) or e is None else e for d, e in zip(dims, value.dims, "
     "strict=True))\n",
     "            dims = tuple(dims)\n"),
    ("a closed pipe a traceback (python -m scan)",
     "    except BrokenPipeError:\n        quiet_broken_pipe()",
     "    except ZeroDivisionError:\n        quiet_broken_pipe()"),
    # --- Keras 2's backend placeholder, list literals, grown lists, scikit-learn and pandas ---
    ("K.placeholder not read as a placeholder",
     "        if last == \"placeholder\" and ns in (\"k\", \"k2\"):",
     "        if last == \"placeholder\" and ns in ():"),
    ("K.placeholder's ndim ignored",
     "                return T((\"B\", *(None,) * (ndim - 1)), (node.lineno, \"{}\", node))\n",
     "                return T((\"B\",), (node.lineno, \"{}\", node))\n"),
    ("K.placeholder without shape or ndim taken as known",
     "            return self.placeholder(MISSING, node)\n",
     "            return None\n"),
    ("a model's outputs not a list of its output",
     "            return out if attr == \"output\" or out is None or type(out) is tuple else (out,)",
     "            return out if attr == \"output\" or out is None or type(out) is tuple else out"),
    ("tf.to_float dropping a list literal's shape",
     "            dims = _literal_dims(value)\n",
     "            dims = None\n"),
    ("a list literal of unknowns given a shape",
     "    return () if value is NUM or type(value) in (int, float, bool) else None\n",
     "    return ()\n"),
    ("a list's append not recorded",
     "            built.add(args[-1] if args else None)\n",
     "            pass\n"),
    ("np.array of a list taken as rank 1 whatever its items",
     "        dims = () if _scalar(item) else item.dims if type(item) is T and not item.unk else None\n",
     "        dims = ()\n"),
    ("np.vstack of numbers taken as rank 1",
     "            dims = dims or (1,)  # a number is a (1, 1) row",
     "            return T((None,), src)  # a number is a (1, 1) row"),
    ("a list handed to unseen code keeping its items",
     "        if type(arg) is Built:\n            arg.item = None\n",
     "        if type(arg) is Built:\n            pass\n"),
    ("a list handed to a walk already made keeping its items",
     "            _poison((*args, *kw.values()))  # a list given to this walk again",
     "            pass  # a list given to this walk again"),
    ("tf.to_float of a named list trusted wherever the list went",
     "        return len(re.findall(rf\"\\b{name}\\b\", self.source)) == 2 and \\\n",
     "        return True or \\\n"),
    ("a list grown on two branches unknown after the if",
     "    if type(a) is Built or type(b) is Built:  # one list, grown on one branch or both\n",
     "    if False:\n"),
    ("a list of mixed items taken as the first's",
     "    return _join(a, b) if type(a) is T and type(b) is T else None\n",
     "    return a\n"),
    ("np.vstack of rank-1 literal rows taken as rank 1",
     "        if name == \"vstack\" and len(dims) == 1:",
     "        if name == \"vstack_\" and len(dims) == 1:"),
    ("a scikit-learn transformer's output not 2-D",
     "                return T((lead, None), (node.lineno, \"{} (2-D)\", node))\n",
     "                return T((lead,), (node.lineno, \"{} (2-D)\", node))\n"),
    ("any scikit-learn class taken as a 2-D transformer",
     "        if last in SKLEARN_TRANSFORMERS:\n",
     "        if last[:1].isupper():\n"),
    ("a pandas column's values taken as 2-D",
     "        return T((None,) if self.series else (None, None), self.src or (node.lineno, \"{}\", node))",
     "        return T((None, None), self.src or (node.lineno, \"{}\", node))"),
    ("a pandas column passed to TensorFlow not converted",
     "        if ns != \"np\" and any(type(a) is Table for a in (*args, *kw.values())):",
     "        if False:"),
    ("a pandas column in numpy taken as an array",
     "        if ns != \"np\" and any(type(a) is Table for a in (*args, *kw.values())):",
     "        if any(type(a) is Table for a in (*args, *kw.values())):"),
    ("read_csv with a multi-row header taken as flat",
     "            return Table(False) if name == \"read_csv\" and not isinstance(header, tuple) else None\n",
     "            return Table(False) if name == \"read_csv\" else None\n"),
    # --- what real code showed (a second round of public files, 2026-12-02) ---
    ("two different numbers joined unknown",
     "    if _number(a) and _number(b):  # reward = 0; if won: reward = 1.0\n        return NUM\n",
     ""),
    ("np.zeros_like of a list unknown",
     "            if type(first) in (Built, tuple):  # np.zeros_like(rewards) of a list: the array the list makes\n"
     "                return self.from_list(_as_built(first), node)\n",
     ""),
    ("env.step's result unknown",
     "                return ENV_STEP if _env_step(node) else None",
     "                return None"),
    ("env.step unpacked: the reward unknown",
     "            value = (None, *[NUM] * (count - 2), None) if count >= 3 else (None, NUM)",
     "            value = None"),
    ("env.step indexed: the reward unknown",
     "            return NUM if self.ev(index, fr) == 1 else None",
     "            return None"),
    ("a star import's np not numpy",
     "                    return Mod(CONVENTIONAL[name])",
     "                    return None"),
    ("Keras 1's Dense(output_dim=) not read",
     '_arg(args, kw, 0, "units", kw.get("output_dim"))',
     '_arg(args, kw, 0, "units")'),
    ("Keras 1's Model(input=, output=) not read",
     '_arg(args, kw, 0, "inputs", kw.get("input")), _arg(args, kw, 1, "outputs", kw.get("output"))',
     '_arg(args, kw, 0, "inputs"), _arg(args, kw, 1, "outputs")'),
    ("a list comprehension unknown",
     "        built = Built()  # [r + gamma * v for ...]: a list of items of that kind, of a length not shown\n"
     "        built.add(item)\n        return built\n",
     "        return None\n"),
    ("a model of several outputs unknown",
     "            return Model(None, inputs, tuple(self.model(last, [inputs, out], {}, node) for out in outputs), "
     "line)",
     "            return None"),
    ("model.outputs of several outputs wrapped as one",
     '            return out if attr == "output" or out is None or type(out) is tuple else (out,)',
     '            return out if attr == "output" or out is None else (out,)'),
    # --- what real code showed (a third round of public files, 2026-12-02) ---
    ("a function called above its def unknown",
     "                if name in self.later:\n",
     "                if False:\n"),
    ("a placeholder fed a scalar taken as fed (B,)",
     "len(v.dims) in (0, 2) for v in known)",
     "len(v.dims) == 2 for v in known)"),
    ("a placeholder fed columns and unseen values reported",
     "                if known and all(v.ge2",
     "                if known and len(known) == len(fed) and all(v.ge2"),
    ("env.step's done flags unknown",
     "            value = (None, *[NUM] * (count - 2), None) if count >= 3 else (None, NUM)",
     "            value = (None, NUM, *[None] * (count - 2))"),
    ("zip(*batch) of tuples unknown",
     "                if type(rows) is Built and type(rows.item) is tuple:\n",
     "                if False:\n"),
    ("map(np.asarray, columns) unknown",
     "                return tuple(self.from_list(column, node) if type(column) is Built else None "
     "for column in args[1])",
     "                return None"),
    ("random.sample and deque not lists",
     "                if callee.path in SAME_ITEMS:",
     "                if False:"),
    ("an unbound stdlib name not its module",
     "                if name in sys.stdlib_module_names:",
     "                if False:"),
    ("`a or b` of numbers unknown",
     "        return NUM if all(_number(value) or type(value) is bool for value in values) else None",
     "        return None"),
    ("a module beside the file not followed",
     "        if sibling is not None:  # from networks import build_critic: what that module binds\n",
     "        if False:\n"),
    ("a sibling's function walked with the importer's names",
     "        if home is not None and home is not self:  # a sibling's function: its module's names, its findings\n"
     "            return home.call_fn(fn, args, kw, depth_reset)\n",
     ""),
    ("a sibling's findings dropped",
     "                found += [f for f in sibling.findings(*sibling.baseline) if not _suppressed(f, lines)]\n",
     ""),
    ("a sibling's noqa ignored",
     "                found += [f for f in sibling.findings(*sibling.baseline) if not _suppressed(f, lines)]\n",
     "                found += sibling.findings(*sibling.baseline)\n"),
    ("a sibling's line not named by its file",
     '    return f"line {line - shift}" if shift == here else \\\n',
     '    return f"line {line - shift}" if True else \\\n'),
    ("a sibling's finding said twice",
     "        if key not in seen:\n",
     "        if True:\n"),
    ("a Python list meeting an array not an array",
     "        if type(left) is Built and type(right) is T:  # returns - values: the list becomes an array\n",
     "        if False:\n"),
    ("[0.0] * n not a list",
     "            return _as_built(left if type(left_node) is ast.List else right)\n",
     "            return None\n"),
    ("lst.copy() unknown",
     "        elif name == \"copy\":  # rewards.copy(): a list of the same items\n"
     "            return Built(built.item)\n",
     ""),
    ("instances of two classes joined unknown",
     "        return Either(tuple({id(o.cls): o for o in options}.values())[:MAX_EITHER])\n",
     "        return None\n"),
    ("a call on either instance walked on none",
     "            if type(receiver) is Either:  # the call on each instance it may be, the results joined\n",
     "            if type(receiver) is Either:\n                return None\n            if False:\n"),
    ("a sibling's feeds its own",
     "            sibling.feeds, sibling.placeholder_names, sibling.named = "
     "self.feeds, self.placeholder_names, self.named\n",
     ""),
    ("a sibling's TLW004 on its shifted line",
     '            self.path, node.lineno - self.offset, node.col_offset + 1, "TLW004",',
     '            self.path, node.lineno, node.col_offset + 1, "TLW004",'),
    ("a sibling's lambda walked here",
     "        if lam.home is not None and lam.home is not self:  "
     "# a sibling's lambda: its module's names, its findings\n"
     "            return lam.home.call_lambda(lam, args)\n",
     ""),
    ("every import counted against MAX_SIBLINGS",
     "        path = _sibling_path(self.path, module, level)\n        if path is None:\n            return None\n",
     "        path = _sibling_path(self.path, module, level) or os.path.join(os.path.dirname(self.path), "
     "*module.split('.')) + '.py'\n"),
    ("a source without a file looks in the working folder",
     "        if not os.path.isfile(self.path):  "
     "# a source without a file (shape_of, stdin) has no folder to look in\n",
     "        if False:\n"),
    ("the benchmark counts a finding reached twice twice",
     "    found = once(found)\n",
     ""),
    ("a file without a reduction that calls a sibling not walked",
     "    if not TRIGGERS.search(source) and not _imports_a_sibling(path, source):",
     "    if not TRIGGERS.search(source):"),
    ("a package named from the project's root not followed",
     "    bases = [folder] if level else [folder, os.path.dirname(folder), os.path.dirname(os.path.dirname(folder))]",
     "    bases = [folder]"),
    ("a sibling's own imports not followed",
     "            sibling = Scanner(path, tree, source, siblings=self.siblings, offset=offset)\n",
     "            sibling = Scanner(path, tree, source, siblings=False, offset=offset)\n"),
    ("an item of a Dense output keeping rank >= 2",
     "                    return T(None, src, pending=value.pending, pred=value.pred, end=value.tail)\n",
     "                    return T(None, src, pending=value.pending, pred=value.pred, tail=value.tail)\n"),
    ("an item of a Dense output unknown",
     "                    return T(None, src, pending=value.pending, pred=value.pred, end=value.tail)\n",
     "                    return None\n"),
    ("rows of a Dense output unknown",
     "                if item is SLICE or isinstance(item, T) and item.dims is not None and len(item.dims) == 1:\n",
     "                if False:\n"),
    ("an array of a Dense output's items unknown",
     "            if last is not None and stack in (\"array\", \"stack\"):  "
     "# rank >= 1 items: rank >= 2, the same last axis\n",
     "            if False:\n"),
    ("vstack of a Dense output's items kept",
     "            if last is not None and stack in (\"array\", \"stack\"):",
     "            if last is not None:"),
    ("a docstring's shape not used",
     "            if local.get(name) is None:\n                local[name] = T(dims,",
     "            if False:\n                local[name] = T(dims,"),
    ("a docstring's shape over a call's",
     "            if local.get(name) is None:\n                local[name] = T(dims,",
     "            if True:\n                local[name] = T(dims,"),
    ("a docstring naming two ranks declares the first",
     "        if len(ranks) == 1 and dims and (name not in found or found[name][0] == dims):",
     "        if dims and (name not in found or found[name][0] == dims):"),
    ("a docstring's parameter text running into the next",
     "            if more.strip() and len(more) - len(more.lstrip()) <= depth:\n                break\n",
     "            pass\n"),
    ("a docstring's shape without a shape word",
     "        declared = [m.group(\"a\") or m.group(\"b\") for m in DOC_SHAPE.finditer(text)]",
     "        declared = DOC_ANY_SHAPE.findall(text)"),
    ("a docstring's [B x 1] read as three axes",
     '    parts = [p for p in re.split(r"\\s*,\\s*|\\s+x\\s+", text[1:-1].strip()) if p]',
     '    parts = [p for p in re.split(r"[\\s,]+", text[1:-1].strip()) if p]'),
    ("TLW004 dropped whatever a fit shows",
     "                 if id(f) not in self.direct_cls or not self.fitted_on_columns(self.direct_cls[id(f)])]\n",
     "                 if id(f) not in self.direct_cls]\n"),
    ("TLW004 kept whatever a fit shows",
     "                 if id(f) not in self.direct_cls or not self.fitted_on_columns(self.direct_cls[id(f)])]\n",
     "                 ]\n"),
    ("rank-1 labels taken for a column",
     "y.dims is not None and len(y.dims) >= 2) for y in labels)",
     "y.dims is not None and len(y.dims) >= 1) for y in labels)"),
    ("a Loss compiled on an unknown model not counted",
     "                self.compiled.setdefault(id(loss.cls), []).append("
     "receiver if isinstance(receiver, Model) else None)",
     "                self.compiled.setdefault(id(loss.cls), []).append(receiver) if isinstance(receiver, Model) "
     "else None"),
    ("a Loss instance called directly not counted",
     "            if callee.cls.kind == \"loss\":\n                self.loss_called.add(id(callee.cls))\n",
     ""),
    ("only fit's labels counted",
     "        elif name in (\"fit\", \"train_on_batch\", \"evaluate\", \"test_on_batch\") and "
     "isinstance(receiver, Model):",
     "        elif name == \"fit\" and isinstance(receiver, Model):"),
    ("fit's labels by keyword not read",
     "            self.fitted.setdefault(id(receiver), []).append(kw.get(\"y\", args[1] if len(args) > 1 else None))",
     "            self.fitted.setdefault(id(receiver), []).append(args[1] if len(args) > 1 else None)"),
    ("two columns' minimum of two ties no column",
     "            tail = _both_tails(left, right)  # minimum(q1(s, a), q2(s, a)): two (..., 1), each its own tie\n",
     "            tail = None\n"),
    ("two tied columns broadcast no column",
     "        exact = ra[2] and rb[2]\n        tail = _both_tails(left, right)\n",
     "        exact = ra[2] and rb[2]\n        tail = _both_tails(left, right) if exact else None\n"),
    ("a column and a four-wide broadcast to a column",
     "    return last_b if last_a == 1 else last_a if last_b in (1, last_a) else None\n",
     "    return 1 if 1 in (last_a, last_b) else last_a if last_b == last_a else None\n"),
    ("two untied columns broadcast no column",
     "                return T(None, left.src, pending=pending, raw=raw, pred=pred, tail=_both_tails(left, right))\n",
     "                return T(None, left.src, pending=pending, raw=raw, pred=pred)\n"),
    ("a loop over a list literal walked once",
     "        if isinstance(sequence, tuple) and 0 < len(sequence) <= MAX_UNROLL and not self.unrolling and \\\n",
     "        if False and isinstance(sequence, tuple) and not self.unrolling and \\\n"),
    ("a loop with a break walked item by item",
     "                not any(type(n) is ast.Break for n in ast.walk(node)):\n",
     "                True:\n"),
    ("enumerate's items not counted",
     "                    self.assign(node.target, (i, item) if counted else item, fr)\n",
     "                    self.assign(node.target, (NUM, item) if counted else item, fr)\n"),
    ("a list plus a list literal unknown",
     "        if type(left) is tuple and type(right) is tuple and op is ast.Add:  # sizes + [1]\n"
     "            return left + right\n",
     ""),
    ("a test on a call's None walked both ways",
     "        if known is not None:  # `if output_fn:` in a call that left output_fn=None: that branch only\n",
     "        if False:\n"),
    ("a default taken as known in a walk with arguments unknown",
     "        if not depth_reset:  # a call's None, True and False",
     "        if True:  # a call's None, True and False"),
    ("`not x` read as `x`",
     "        return truth != negate\n",
     "        return truth\n"),
    ("`x is not None` read as `x is None`",
     "        truth = value is not PYNONE if compare is ast.IsNot else value is PYNONE if compare is ast.Is else \\\n",
     "        truth = value is PYNONE if compare is ast.IsNot else value is PYNONE if compare is ast.Is else \\\n"),
    ("a list literal default unknown",
     "                    all(type(e) is ast.Constant for e in default.elts) else \\\n",
     "                    False else \\\n"),
    ("a dotted default unknown",
     "                    self.e_attribute(default, Frame({}, fn.closure)) if _dotted(default) else None",
     "                    None"),
    ("a starred tuple one unknown argument",
     "                args.extend(spread if type(spread) is tuple and len(spread) <= 64 else [None])\n",
     "                args.append(None)\n"),
    ("a function given to compile not walked",
     "            if isinstance(receiver, Model) and (type(loss) in (Fn, Bound) or isinstance(loss, tuple)):\n",
     "            if False:\n"),
    ("compile's labels of rank 1",
     "            y_true, y_pred = T((\"B\", *[None] * (len(out.dims) - 1)), where), out.like(pred=True)\n",
     "            y_true, y_pred = T((\"B\",), where), out.like(pred=True)\n"),
    ("a one-wide slice of an unknown axis unknown",
     "    return 1 if one else None\n",
     "    return None\n"),
    ("a one-wide slice from the end unknown",
     "start >= 0 and upper == start + 1 or start == -1 and upper is None or",
     "start >= 0 and upper == start + 1 or"),
    ("enumerate's items unknown",
     "            self.assign(node.target, self.element(sequence) if not counted else "
     "(NUM, self.element(sequence)), fr)\n",
     "            self.assign(node.target, self.element(sequence) if not counted else None, fr)\n"),
    ("a walk with arguments unknown answering a later call",
     "        key = (id(fn), tuple(_sig(a) for a in args), tuple(sorted((k, _sig(v)) for k, v in kw.items())),\n"
     "               depth_reset)",
     "        key = (id(fn), tuple(_sig(a) for a in args), tuple(sorted((k, _sig(v)) for k, v in kw.items())))"),
    ("a method that only grows a self. list walked with its arguments unknown",
     'SETS_ATTRIBUTE = re.compile(r"self\\.\\w+\\s*(?:,[^=\\n]*)?=[^=]")',
     'SETS_ATTRIBUTE = re.compile(r"self\\.\\w+\\s*(?:,[^=\\n]*)?=[^=]|self\\.\\w+\\.append\\(")'),
    ("a method that calls one that reduces not walked",
     " or self.calls(fn.node, reducing)):",
     "):"),
    ("np.pi not a number",
     "                return NUM  # np.pi, math.e, jnp.inf\n",
     "                return None\n"),
    ("a Lambda layer unknown",
     "            return Layer(\"lambda\", function, inputs, line) if type(function) in (Lam, Fn) else None\n",
     "            return None\n"),
    ("a Lambda layer keeping its input's shape",
     "            return out if isinstance(out, T) else None\n",
     "            return value.like()\n"),
    ("TensorFlow's matmul of an unknown rank no column",
     "                               rank2=ns in (\"tf\", \"k\", \"k2\") and last == \"matmul\")",
     "                               rank2=False)"),
    ("numpy's dot of an unknown rank a column",
     "                               rank2=ns in (\"tf\", \"k\", \"k2\") and last == \"matmul\")",
     "                               rank2=True)"),
    ("weighted labels no longer ending in B",
     "            return T(None, tensor.src, pending=tensor.pending, raw=tensor.raw, end=_vector_end(tensor),",
     "            return T(None, tensor.src, pending=tensor.pending, raw=tensor.raw,"),
    ("(..., B) against a column no finding",
     "                    other.end is not None and other.tail is None and _column(known.dims) and \\\n",
     "                    False and \\\n"),
    ("a bias added to (..., 1) no column",
     "    if last_a is None or last_b is None or a.tail is None and b.tail is None:\n",
     "    if a.tail is None or b.tail is None:\n"),
    ("a sibling's class base read from a module not read yet",
     "        if self.lazy:  # a sibling's class: a base from a module not read yet is not read for it "
     "(torch's Module)\n",
     "        if False:\n"),
    ("a dataset's slices keep the first axis",
     "            rows = tuple(p.like(dims=p.dims[1:], raw=None",
     "            rows = tuple(p.like(dims=p.dims, raw=None"),
    ("a dataset's batch adds no batch axis",
     "                return item.like(dims=(\"B\", *item.dims))",
     "                return item.like(dims=item.dims)"),
    ("a dataset's elements not given to a for loop",
     "        if type(value) is Data:\n            return value.item\n",
     "        if type(value) is Data:\n            return None\n"),
    ("a dataset's shuffle forgets its elements",
     "        if name in DATA_SAME:\n            return data\n",
     "        if name in DATA_SAME:\n            return None\n"),
    ("a dataset's map not walked",
     "        if name == \"map\" and isinstance(fn, (Lam, Fn)):",
     "        if False:"),
    ("next(iter(dataset)) unknown",
     "            return data if callee is BUILTIN_ITER or data is None else data.item",
     "            return None"),
    ("a dataset's unbatch keeps the batch axis",
     "            return item.like(dims=item.dims[1:]) if item.dims else None",
     "            return item.like(dims=item.dims) if item.dims else None"),
    ("a (B,) against (B, 1, 1) no finding",
     "    return dims is not None and len(dims) > 2 and dims[-1] == 1 and dims[0] != 1\n",
     "    return False\n"),
    ("a (B,) against (B, n, 1) with n its length still a finding",
     " and a[0] not in b[1:-1] or \\\n",
     " or \\\n"),
    ("a (B, 1, 1) column's fix reshapes the vector to (-1, 1)",
     "            ones = \", 1\" * (len(column.dims) - 1) if column.dims else \", 1\"",
     "            ones = \", 1\""),
    # --- limits and performance knobs, expected to survive ---
    ("MAX_DEPTH 4 -> 3 (a limit knob)",
     "MAX_DEPTH = 4  #",
     "MAX_DEPTH = 3  #"),
    ("MAX_WALKS 6 -> 2 (a limit knob)",
     "MAX_WALKS = 6  #",
     "MAX_WALKS = 2  #"),
]

# Breaks expected to survive, and why (the rest are expected to be killed; a surprise either way is marked).
SURVIVORS = {
    "same_shape not trusted to align": "equivalent for findings: an unknown helper's result is unknown, and "
                                       "no rule fires on unknown values, so losing the aligned values loses "
                                       "nothing a test (or a user) can see",
    "MAX_DEPTH 4 -> 3 (a limit knob)": "no test nests the module's own calls 4 deep: the bound guards time, not "
                                       "a result",
    "MAX_WALKS 6 -> 2 (a limit knob)": "no test calls one function with 3 or more argument shapes",
}


def copy_repository(into: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, into / name)


def run_tests(copy: Path) -> tuple[bool, str]:
    """Whether the three test files pass in the copy, and pytest's last line."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS],
                              cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {TIMEOUT} s"
    lines = done.stdout.strip().splitlines()
    return done.returncode == 0, lines[-1] if lines else done.stderr.strip()[-200:]


def main(argv: list[str]) -> int:
    original = (ROOT / SCAN).read_text()
    chosen = [b for b in BREAKS if not argv or any(word in b[0] for word in argv)]
    names = [name for name, _, _ in BREAKS]
    stale = [(name, original.count(old)) for name, old, _ in chosen if original.count(old) != 1]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    for name, count in stale:
        print(f"break no longer applies: {name!r}: its old text occurs {count} times in {SCAN} (must be once)")
    for name in duplicates:
        print(f"break named twice: {name!r}")
    if stale or duplicates:
        return 2
    with tempfile.TemporaryDirectory(prefix="scan-breaks-") as folder:
        copy = Path(folder)
        copy_repository(copy)
        where = subprocess.run([sys.executable, "-c", "import tf_loss_wiring.check.scan as s; print(s.__file__)"],
                               cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)}, capture_output=True,
                               text=True).stdout.strip()
        if Path(where).resolve() != (copy / SCAN).resolve():
            print(f"the copy's tests would import {where!r}, not the copy's {SCAN}")
            return 2
        passed, summary = run_tests(copy)
        if not passed:
            print(f"the unbroken copy fails its tests ({summary}): nothing to measure")
            return 2
        width = max(len(name) for name, _, _ in chosen)
        print(f"{'break':<{width}}  result    seconds  pytest")
        killed = 0
        surprises = []
        for name, old, new in chosen:
            (copy / SCAN).write_text(original.replace(old, new, 1))
            started = time.perf_counter()
            passed, summary = run_tests(copy)
            seconds = time.perf_counter() - started
            result = "SURVIVED" if passed else "killed"
            killed += not passed
            if passed != (name in SURVIVORS):
                surprises.append(name)
            print(f"{name:<{width}}  {result:<8}  {seconds:7.1f}  {summary}")
        (copy / SCAN).write_text(original)
    score = killed / len(chosen)
    print(f"\nscore: {killed}/{len(chosen)} breaks killed ({100 * score:.1f} %), threshold {100 * THRESHOLD:.0f} %")
    for name in chosen:
        if name[0] in SURVIVORS and name[0] not in surprises:
            print(f"survivor, expected: {name[0]}: {SURVIVORS[name[0]]}")
    for name in surprises:
        print(f"unexpected: {name} {'survived' if name not in SURVIVORS else 'was killed'}")
    return 0 if score >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
