"""The scan's other outputs: the flake8 plugin finds what the scan finds, the SARIF log is one GitHub takes,
and each rule has its page."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import write_notebook

from tf_loss_wiring.check import sarif, scan
from tf_loss_wiring.check.flake8 import Plugin

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "tests" / "scan_corpus", ROOT / "tests" / "check_corpus"]
RULE_PAGES = ROOT / "docs" / "rules"
SCRIPT = Path(sys.executable).parent / "tf-loss-wiring"
ENTRY_POINT = "tf_loss_wiring.check.flake8:Plugin"

TRAP = '''import tensorflow.compat.v1 as tf

x = tf.placeholder(tf.float32, shape=(None, 10))
y = tf.placeholder(tf.float32, shape=(None,))
W = tf.Variable(tf.zeros((10, 1)))
y_predict = tf.matmul(x, W)
loss = tf.reduce_mean(tf.square(y_predict - y))
'''
FLAGGED = "loss = tf.reduce_mean(tf.square(y_predict - y))"


def python3_files() -> list[Path]:
    """Every corpus file Python 3 parses (flake8 reports E999 on the others and runs no plugin there)."""
    found = []
    for path in (path for corpus in CORPORA for path in scan.python_files(corpus)):
        try:
            ast.parse(scan.read_source(path))
        except SyntaxError:
            continue
        found.append(path)
    return found


def plugin_findings(path: Path, source: str, with_lines: bool = True) -> list[tuple[int, int, str]]:
    """(line, 1-based column, "CODE message") as flake8 would receive them from the plugin."""
    lines = source.splitlines(keepends=True) if with_lines else None
    plugin = Plugin(ast.parse(source), str(path), lines)
    return [(line, col0 + 1, text) for line, col0, text, kind in plugin.run() if kind is Plugin]


def scan_findings(path: Path) -> list[tuple[int, int, str]]:
    """The scan's findings in this file (not those it finds in a module beside it: flake8 reports one file)."""
    return [(f.line, f.col, f"{f.code} {f.message}") for f in scan.scan_path(path).findings if Path(f.path) == path]


# --- flake8 ------------------------------------------------------------------------------------------------
FILES = python3_files()


def test_the_corpora_hold_findings_for_the_comparison_to_mean_something():
    assert len(FILES) > 80 and sum(bool(scan_findings(path)) for path in FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(ROOT / "tests")) for path in FILES])
def test_the_plugin_reports_what_the_scan_finds(path):
    done = scan.scan_path(path)
    if done.problems:  # the scan tripped on it: flake8 then says the plugin failed, as the command exits 2
        with pytest.raises(Exception):  # noqa: B017 - whatever the scan raised
            plugin_findings(path, scan.read_source(path))
        return
    assert plugin_findings(path, scan.read_source(path)) == scan_findings(path)


def test_the_plugin_reads_the_file_when_flake8_gives_no_lines():
    path = ROOT / "tests" / "check_corpus" / "issue_19601.py"
    assert plugin_findings(path, path.read_text(), with_lines=False) == scan_findings(path) != []


def test_the_plugin_is_named_and_versioned_for_flake8s_version_line():
    assert Plugin.name == "tf-loss-wiring" and Plugin.version == importlib.metadata.version("tf-loss-wiring")


def test_a_noqa_comment_suppresses_the_finding_on_its_line(tmp_path):
    path = tmp_path / "trap.py"
    path.write_text(TRAP)
    assert [text.split()[0] for _, _, text in plugin_findings(path, TRAP)] == ["TLW003"]
    for comment in ("# noqa: TLW003", "# noqa: TLW", "# noqa"):
        quiet = TRAP.replace(FLAGGED, f"{FLAGGED}  {comment}")
        assert plugin_findings(path, quiet) == [], comment
        path.write_text(quiet)
        assert scan.scan_path(path).findings == [], comment
    other = TRAP.replace(FLAGGED, f"{FLAGGED}  # noqa: TLW002")
    assert [text.split()[0] for _, _, text in plugin_findings(path, other)] == ["TLW003"]


def flake8_command(tmp_path: Path) -> list[str]:
    """flake8 with the plugin: through the installed entry point once pyproject.toml has it, else a local plugin."""
    if importlib.util.find_spec("flake8") is None:
        pytest.skip("flake8 is not installed (pip install flake8): the plugin's own tests above still ran")
    registered = [ep for ep in importlib.metadata.entry_points(group="flake8.extension") if ep.value == ENTRY_POINT]
    if registered:
        return [sys.executable, "-m", "flake8", "--isolated"]
    config = tmp_path / "setup.cfg"  # both an entry point and a local plugin would report each finding twice
    config.write_text(f"[flake8:local-plugins]\nextension =\n    TLW = {ENTRY_POINT}\npaths = {ROOT}\n")
    return [sys.executable, "-m", "flake8", "--config", str(config)]


def test_flake8_select_tlw_prints_what_the_check_command_prints(tmp_path):
    path = ROOT / "tests" / "check_corpus" / "issue_19601.py"
    flake8 = subprocess.run([*flake8_command(tmp_path), "--select", "TLW", str(path)], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    check = subprocess.run([str(SCRIPT), "check", str(path)], capture_output=True, text=True, timeout=120)
    assert flake8.stderr == "" and flake8.returncode == check.returncode == 1
    printed = [line for line in check.stdout.splitlines() if re.match(r"\S+:\d+:\d+: TLW\d{3} ", line)]
    assert flake8.stdout.splitlines() == printed == [str(f) for f in scan.scan_path(path).findings]
    assert len(printed) == 3


def test_check_prints_the_same_in_one_process_or_several(tmp_path):
    folder = CORPORA[0]
    assert len(scan.python_files(folder)) >= scan.PARALLEL_FILES
    runs = [subprocess.run([str(SCRIPT), "check", str(folder), "--jobs", jobs], capture_output=True, text=True,
                           timeout=300) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 1 and runs[0].stdout == runs[1].stdout
    assert runs[0].stdout.count(" TLW") > 100
    wrong = subprocess.run([str(SCRIPT), "check", str(folder), "--jobs", "none"], capture_output=True, text=True,
                           timeout=120)
    assert wrong.returncode == 2 and wrong.stdout == "" and wrong.stderr == (
        "tf-loss-wiring check: error: argument -j/--jobs: expected 'auto' or a number of processes, 1 or more, "
        "received 'none'\n")


def test_flake8_honours_noqa_on_the_plugins_findings(tmp_path):
    path = tmp_path / "trap.py"
    path.write_text(TRAP + TRAP.splitlines()[-1].replace("loss", "again") + "  # noqa: TLW003\n")
    done = subprocess.run([*flake8_command(tmp_path), "--select", "TLW", str(path)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.stdout.splitlines() == [f"{path}:7:33: TLW003 " + scan.scan_source(str(path), TRAP)[0].message]


# --- SARIF -------------------------------------------------------------------------------------------------
# The SARIF 2.1.0 schema's property names for each object used here (the schema itself is not downloadable on
# this project's machines, so the rules that matter are checked by hand): a misspelt key fails.
ALLOWED = {
    "log": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
    "run": {"tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
            "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
            "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
            "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
            "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"},
    "driver": {"guid", "name", "organization", "product", "productSuffix", "shortDescription", "fullDescription",
               "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
               "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations",
               "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
               "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
               "supportedTaxonomies", "properties"},
    "rule": {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription",
             "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships",
             "properties"},
    "text": {"text", "markdown", "properties"},
    "result": {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
               "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows",
               "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
               "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest",
               "webResponse", "properties"},
    "location": {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
                 "properties"},
    "physical": {"address", "artifactLocation", "region", "contextRegion", "properties"},
    "artifact": {"uri", "uriBaseId", "index", "description", "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
               "byteLength", "snippet", "message", "sourceLanguage", "properties"},
    "invocation": {"commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                   "ruleConfigurationOverrides", "notificationConfigurationOverrides", "toolExecutionNotifications",
                   "toolConfigurationNotifications", "exitCodeDescription", "exitSignalName", "exitSignalNumber",
                   "processStartFailureMessage", "executionSuccessful", "machine", "account", "processId",
                   "executableLocation", "workingDirectory", "environmentVariables", "stdin", "stdout", "stderr",
                   "stdoutStderr", "properties"},
    "notification": {"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
                     "associatedRule", "properties"},
}
LEVELS = {"none", "note", "warning", "error"}


def keys(obj: dict, kind: str, required: set[str] = frozenset()) -> None:
    __tracebackhide__ = True
    assert isinstance(obj, dict), f"{kind}: expected an object, received {obj!r}"
    assert set(obj) <= ALLOWED[kind], f"{kind}: not SARIF 2.1.0 properties: {sorted(set(obj) - ALLOWED[kind])}"
    assert required <= set(obj), f"{kind}: missing {sorted(required - set(obj))}"


def absolute_uri(text: str) -> bool:
    parsed = urlparse(text)
    return parsed.scheme in ("https", "http") and bool(parsed.netloc)


def relative_uri(text: str) -> bool:
    return not urlparse(text).scheme and not text.startswith("/") and "\\" not in text and ".." not in text


def assert_valid_sarif(log: dict) -> None:
    """The SARIF 2.1.0 rules GitHub code scanning applies, and the ones this log promises."""
    __tracebackhide__ = True
    assert json.loads(json.dumps(log, allow_nan=False)) == log
    keys(log, "log", {"$schema", "version", "runs"})
    assert log["version"] == "2.1.0" and absolute_uri(log["$schema"]) and len(log["runs"]) == 1
    [run] = log["runs"]
    keys(run, "run", {"tool", "results", "invocations"})
    assert run.get("columnKind", "utf16CodeUnits") in ("utf16CodeUnits", "unicodeCodePoints")
    driver = run["tool"]["driver"]
    assert set(run["tool"]) == {"driver"}
    keys(driver, "driver", {"name", "informationUri", "version", "rules"})
    assert driver["name"] == "tf-loss-wiring" and absolute_uri(driver["informationUri"]) and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids)) and set(ids) == set(scan.RULES)
    for rule in driver["rules"]:
        keys(rule, "rule", {"id", "name", "shortDescription", "fullDescription", "help", "helpUri"})
        for text in ("shortDescription", "fullDescription", "help"):
            keys(rule[text], "text", {"text"})
            assert rule[text]["text"].strip()
        assert rule["name"] == scan.RULES[rule["id"]][0] and scan.RULES[rule["id"]][2] in rule["help"]["text"]
        assert absolute_uri(rule["helpUri"]) and rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert rule["defaultConfiguration"]["level"] in LEVELS
    for result in run["results"]:
        keys(result, "result", {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"})
        assert result["ruleId"] in ids and driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "warning" and result["message"]["text"].strip()
        [location] = result["locations"]
        keys(location, "location", {"physicalLocation"})
        keys(location["physicalLocation"], "physical", {"artifactLocation", "region"})
        artifact = location["physicalLocation"]["artifactLocation"]
        keys(artifact, "artifact", {"uri", "uriBaseId"})
        assert relative_uri(artifact["uri"]) and artifact["uriBaseId"] == "%SRCROOT%"
        region = location["physicalLocation"]["region"]
        keys(region, "region", {"startLine", "startColumn"})
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn"))
        assert result["partialFingerprints"] and all(isinstance(v, str) and v
                                                     for v in result["partialFingerprints"].values())
    [invocation] = run["invocations"]
    keys(invocation, "invocation", {"executionSuccessful"})
    assert isinstance(invocation["executionSuccessful"], bool)
    for note in invocation.get("toolExecutionNotifications", []):
        keys(note, "notification", {"message"})
        assert note["level"] in LEVELS and note["message"]["text"].strip()


def write_project(root: Path) -> None:
    """A project of a flagged file in a subfolder, a clean one, and one the scan cannot read."""
    (root / "pkg").mkdir()
    (root / "pkg" / "trap.py").write_text(TRAP + FLAGGED.replace("loss", "again") + "\n")
    (root / "clean.py").write_text("x = 1\n")
    (root / "broken.py").write_text("def f(:\n    mean = 1\n")


def fingerprints(log: dict) -> list[str]:
    return [result["partialFingerprints"][sarif.FINGERPRINT] for result in log["runs"][0]["results"]]


def test_the_sarif_log_is_valid_and_its_paths_relative_to_the_root(tmp_path, monkeypatch):
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    for target, root in ((Path("."), Path(".")), (tmp_path, tmp_path), (Path("pkg"), tmp_path)):
        done = scan.scan_path(target)
        log = sarif.to_sarif(done.findings, done.problems, root)
        assert_valid_sarif(log)
        results = log["runs"][0]["results"]
        assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == \
            ["pkg/trap.py"] * 2
        assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [7, 8]
        assert [r["ruleId"] for r in results] == ["TLW003"] * 2


def test_an_unreadable_file_is_a_notification_and_the_run_not_successful(tmp_path):
    write_project(tmp_path)
    done = scan.scan_path(tmp_path)
    log = sarif.to_sarif(done.findings, done.problems, tmp_path)
    assert_valid_sarif(log)
    [invocation] = log["runs"][0]["invocations"]
    [note] = invocation["toolExecutionNotifications"]
    assert invocation["executionSuccessful"] is False and note["level"] == "error"
    assert "broken.py: cannot be scanned: SyntaxError" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "broken.py",
                                                                            "uriBaseId": "%SRCROOT%"}
    clean = sarif.to_sarif(done.findings, [], tmp_path)["runs"][0]["invocations"][0]
    assert clean == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_fingerprints_stay_when_lines_above_move_and_differ_between_findings(tmp_path):
    write_project(tmp_path)
    trap = tmp_path / "pkg" / "trap.py"
    before = sarif.to_sarif(scan.scan_path(trap).findings, [], tmp_path)
    trap.write_text("\n" + trap.read_text())
    after = sarif.to_sarif(scan.scan_path(trap).findings, [], tmp_path)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]] \
        == [8, 9]
    first, second = fingerprints(before)
    assert fingerprints(after) == [first, second] and first != second
    # The same line's text twice over is told apart by its occurrence: both lines above are the same text.
    trap.write_text(TRAP + FLAGGED + "\n")
    twins = fingerprints(sarif.to_sarif(scan.scan_path(trap).findings, [], tmp_path))
    assert len(twins) == len(set(twins)) == 2


def test_a_sarif_column_counts_utf16_code_units_where_the_scan_counts_bytes(tmp_path):
    path = tmp_path / "trap.py"
    path.write_text(TRAP.replace(FLAGGED, "é = tf.reduce_mean(tf.square(y_predict - y))"), encoding="utf-8")
    [finding] = scan.scan_path(path).findings
    [result] = sarif.to_sarif([finding], [], tmp_path)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == finding.col - 1
    assert sarif.utf16_column("😀 = a - b", 6) == 4  # 4 UTF-8 bytes, 2 UTF-16 units, a space


# --- the rules' pages --------------------------------------------------------------------------------------
def section(page: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    assert match, f"no section '## {title}'"
    return match.group(1)


@pytest.mark.parametrize("code", sorted(scan.RULES))
def test_each_rule_has_a_page_whose_example_is_flagged_on_its_marked_line(code):
    page = (RULE_PAGES / f"{code}.md").read_text()
    assert page.startswith(f"# {code}: {scan.RULES[code][0]}\n")
    for title in ("What it does", "Why is this bad?", "Example", "How to fix it", "How to suppress it"):
        section(page, title)
    assert "mean_ij (p_i - y_j)^2  =  mean_i (p_i - mean(y))^2  +  Var(y)" in page
    assert f"# noqa: {code}" in section(page, "How to suppress it")
    [example] = re.findall(r"```python\n(.*?)```", section(page, "Example"), re.DOTALL)
    marked = [number for number, line in enumerate(example.splitlines(), 1) if re.search(rf"# {code}\b", line)]
    assert [(f.line, f.code) for f in scan.scan_source(f"{code}.md", example)] == [(marked[0], code)]


def test_the_rules_index_lists_every_page_and_the_retired_code():
    index = (RULE_PAGES / "README.md").read_text()
    for code in (*scan.RULES, "TLW001"):
        assert f"[{code}]({code}.md)" in index and (RULE_PAGES / f"{code}.md").exists()
    assert "retired" in (RULE_PAGES / "TLW001.md").read_text().lower() and "TLW001" not in scan.RULES
    beside = section(index, "Beside ruff and flake8")
    for needed in ('external = ["TLW"]', "RUF100", "RUF102", "flake8 --select TLW", "tf-loss-wiring check",
                   "tf-loss-wiring-check", ENTRY_POINT):
        assert needed in beside, needed


def test_a_notebook_s_finding_in_sarif_names_its_cell_and_fingerprints_its_line(tmp_path):
    path = write_notebook(tmp_path / "model.ipynb", "%matplotlib inline\n", TRAP)
    log = sarif.to_sarif(scan.scan_path(path).findings, [], tmp_path)
    assert_valid_sarif(log)
    [result] = log["runs"][0]["results"]
    assert result["properties"] == {"cell": 2, "lineInCell": TRAP.count("\n", 0, TRAP.index(FLAGGED)) + 1}
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "model.ipynb"
    text = scan.read_notebook(path).source.splitlines()[result["locations"][0]["physicalLocation"]["region"]
                                                          ["startLine"] - 1]
    assert result["partialFingerprints"][sarif.FINGERPRINT] == sarif.fingerprint("TLW003", "model.ipynb", text, 0)
    assert text == FLAGGED

