from __future__ import annotations

from pathlib import Path

from veille.errors import InputError
from veille.ingest.files import expand_paths, read_path
from veille.model import RawDocument

DATA = Path(__file__).resolve().parents[1] / "data"


def test_directories_are_walked_recursively_for_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("x")
    (tmp_path / "page.html").write_text("x")
    (tmp_path / "image.png").write_bytes(b"x")
    found = [p.name for p in expand_paths([tmp_path]) if isinstance(p, Path)]
    assert found == ["deep.txt", "page.html"]


def test_missing_path_is_an_error_not_a_crash() -> None:
    (only,) = list(expand_paths([Path("/no/such/dir")]))
    assert isinstance(only, InputError)
    assert "no such file" in str(only)


def test_jsonl_reports_bad_lines_by_number_and_keeps_the_rest() -> None:
    items = list(read_path(DATA / "batch.jsonl", 1_000_000))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["t-1", "t-3"]
    assert docs[0].publisher == "Agence Test" and docs[0].published == "2026-05-02"
    assert docs[1].is_html and not docs[0].is_html
    assert any(e.startswith(f"{DATA / 'batch.jsonl'}:2:") for e in errors)
    assert any(e.startswith(f"{DATA / 'batch.jsonl'}:4:") and "'text' or 'html'" in e
               for e in errors)


def test_json_file_with_a_list_yields_each_object(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text('[{"text": "un"}, {"text": "deux", "title": "T"}]', encoding="utf-8")
    docs = list(read_path(path, 1000))
    assert [d.text for d in docs if isinstance(d, RawDocument)] == ["un", "deux"]


def test_malformed_json_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "un",\n oops}', encoding="utf-8")
    (item,) = list(read_path(path, 1000))
    assert isinstance(item, InputError) and "line 2" in str(item)


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("mot " * 1000)
    (item,) = list(read_path(path, 100))
    assert isinstance(item, InputError) and "too large" in str(item)
