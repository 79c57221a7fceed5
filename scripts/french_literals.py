"""List the Python string literals outside the language packs that carry French words.

Usage: ``python scripts/french_literals.py [--max N] [PATH ...]`` (default ``src/veille``).
Docstrings are not counted (they document); the packs under ``lang/<code>/`` hold data, not
Python. A literal carries French when one of its words has a French accented letter or is a
French function word (from ``lang/xx/stopwords-fr.txt``, less those English shares), or is a
word of the French pack's own word lists; a word glued to code (``de.doc_id``, ``veille.cli``)
is code, and so is an acronym or an SQL statement. Exit status 1 when more than ``--max`` are found.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKS = REPO / "src" / "veille" / "lang"
_ACCENTED = re.compile(r"[àâäçéèêëîïôöùûüÿœæ]", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w.])(?<!\d-)([A-Za-zÀ-ÿœæ]+)(?![\w.(])")
_SQL = re.compile(r"\b(?:SELECT|FROM|JOIN|WHERE|INSERT|UPDATE|DELETE)\b")
# The project's own name (a package, a prefix, a header) is no French in the mechanism.
_NAMES = frozenset({"veille"})


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def french_words() -> frozenset[str]:
    english = {w.casefold() for w in _lines(PACKS / "xx" / "stopwords-en.txt")}
    stop = {w.casefold() for w in _lines(PACKS / "xx" / "stopwords-fr.txt")
            if w.isalpha() and len(w) > 1}
    return frozenset(stop - english - {"a", "on", "ou", "se"})


def carries_french(text: str, vocabulary: frozenset[str]) -> bool:
    if _SQL.search(text):  # table aliases ("doc_entities de") are not words
        return False
    for word in _WORD.findall(text):
        folded = word.casefold()
        if folded in _NAMES or (word.isupper() and len(word) > 1):  # acronyms: UN, AFP
            continue
        if _ACCENTED.search(word) or folded in vocabulary:
            return True
    return False


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def french_literals(root: Path) -> Iterator[tuple[Path, int, str]]:
    vocabulary = french_words()
    for path in sorted(root.rglob("*.py")):
        if PACKS in path.parents and path.parent != PACKS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docs and carries_french(node.value, vocabulary)):
                yield path, node.lineno, node.value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[REPO / "src" / "veille"])
    parser.add_argument("--max", type=int, default=None)
    args = parser.parse_args()
    found = [hit for root in args.paths for hit in french_literals(root)]
    for path, line, value in found:
        print(f"{path.relative_to(REPO) if REPO in path.parents else path}:{line}: {value[:70]!r}")
    print(f"{len(found)} literals with French words")
    return 1 if args.max is not None and len(found) > args.max else 0


if __name__ == "__main__":
    sys.exit(main())
