"""The scan's findings as SARIF 2.1.0, the log GitHub code scanning uploads (`--output-format sarif`).

One run; its driver lists every rule of `scan.RULES` with its fix and its page (docs/rules/CODE.md); each
result names its rule, its file relative to the scanned root (`uriBaseId` %SRCROOT%) and its line and column,
and carries a fingerprint that does not change when lines above it move. Files that could not be read are the
invocation's notifications, and make it unsuccessful (as they make the command exit 2).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

from tf_loss_wiring.check import scan

TOOL_NAME = "tf-loss-wiring"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Until pyproject.toml names the repository ([project.urls] Repository), a reserved address that resolves
# nowhere stands in: a wrong but real-looking one would send readers elsewhere.
PLACEHOLDER_REPOSITORY = "https://example.invalid/tf-loss-wiring"
FINGERPRINT = "tfLossWiring/v1"  # the partialFingerprints key; bump the version if the recipe changes
SRCROOT = "%SRCROOT%"
# Said once for every rule: what broadcasting (B,) against (B, 1) does to a loss.
WHY = ("(B,) against (B, 1) broadcasts to a B x B matrix pairing every prediction with every label; its mean is "
       "mean_i (p_i - mean(y))^2 + Var(y), so the model is fitted to the batch mean of the labels.")


def tool_version() -> str:
    try:
        return importlib.metadata.version(TOOL_NAME)
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


def repository_url() -> str:
    """The repository's address from the installed metadata (Repository, Source or Homepage), or the placeholder."""
    try:
        urls = importlib.metadata.metadata(TOOL_NAME).get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        urls = []
    named = dict(entry.split(", ", 1) for entry in urls if ", " in entry)
    for label in ("Repository", "Source", "Homepage"):
        if label in named:
            return named[label].rstrip("/")
    return PLACEHOLDER_REPOSITORY


def rule_descriptor(code: str, name: str, summary: str, fix: str, repository: str) -> dict:
    page = f"{repository}/blob/main/docs/rules/{code}.md"
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{summary}. {WHY}"},
        "help": {"text": f"{summary}.\nFix: {fix}\nSuppress one line with `# noqa: {code}`. {page}",
                 "markdown": f"{summary}.\n\n**Fix:** {fix}\n\nSuppress one line with `# noqa: {code}`. "
                             f"[{code}]({page})"},
        "helpUri": page,
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["correctness", "broadcasting"]},
    }


def relative_uri(path: str | Path, root: Path) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative to `root` with forward slashes, or an absolute file URI outside it."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix(), SRCROOT
    except ValueError:
        return absolute.as_uri(), None


def artifact(path: str | Path, root: Path) -> dict:
    uri, base = relative_uri(path, root)
    return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}


def utf16_column(line_text: str | None, col: int) -> int:
    """The 1-based column SARIF counts (UTF-16 code units) for the scan's (UTF-8 bytes, as `ast` counts)."""
    if not line_text:
        return col
    prefix = line_text.encode("utf-8")[:col - 1].decode("utf-8", errors="ignore")
    return len(prefix.encode("utf-16-le")) // 2 + 1


class Sources:
    """The lines of each flagged file, read once; a file that cannot be read has none."""

    def __init__(self):
        self.files: dict[str, list[str] | None] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self.files:
            try:
                self.files[path] = scan.python_source(Path(path)).splitlines()
            except (OSError, ValueError):  # ValueError: UnicodeDecodeError, or a notebook that is not one
                self.files[path] = None
        lines = self.files[path]
        return lines[number - 1] if lines is not None and 0 < number <= len(lines) else None


def fingerprint(code: str, uri: str, line_text: str, occurrence: int) -> str:
    """Rule, file, the flagged line's text without its indentation, and which such line it is in the file."""
    key = "\0".join([code, uri, line_text.strip(), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def notification(problem: str, root: Path) -> dict:
    """A file the scan could not read (its line `path: cannot be scanned: why`), as a tool notification."""
    found = {"level": "error", "message": {"text": problem}, "descriptor": {"id": "unreadable"}}
    path, separator, _ = problem.partition(": cannot be scanned: ")
    if separator:
        found["locations"] = [{"physicalLocation": {"artifactLocation": artifact(path, root)}}]
    return found


def to_sarif(findings: Iterable[scan.Finding], problems: Iterable[str], root: Path) -> dict:
    """A SARIF 2.1.0 log of one scan; paths relative to `root` (the repository's checkout, for code scanning)."""
    repository = repository_url()
    findings, problems = list(findings), list(problems)
    codes = sorted(scan.RULES)
    sources, seen, results = Sources(), {}, []
    for finding in sorted(findings, key=lambda f: (f.path, f.line, f.col, f.code)):
        uri, _ = relative_uri(finding.path, root)
        text = sources.line(finding.path, finding.line)
        occurrence_key = (finding.code, uri, (text or "").strip())
        occurrence = seen[occurrence_key] = seen.get(occurrence_key, -1) + 1
        results.append({
            "ruleId": finding.code,
            "ruleIndex": codes.index(finding.code),
            "level": "warning",
            "message": {"text": f"{finding.message}. Fix: {finding.fix}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact(finding.path, root),
                "region": {"startLine": finding.line, "startColumn": utf16_column(text, finding.col)},
            }}],
            **({"properties": {"cell": finding.cell, "lineInCell": finding.cell_line}} if finding.cell else {}),
            "partialFingerprints": {FINGERPRINT: fingerprint(finding.code, uri, text or "", occurrence)},
        })
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "informationUri": repository,
                "version": tool_version(),
                "rules": [rule_descriptor(code, *scan.RULES[code], repository) for code in codes],
            }},
            "invocations": [{
                "executionSuccessful": not problems,
                "toolExecutionNotifications": [notification(problem, root) for problem in problems],
            }],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }
