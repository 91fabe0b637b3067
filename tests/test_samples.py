"""The samples in samples/: each goes through the CLI to its expected output."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import zhclean
from zhclean.cli import main
from conftest import SAMPLES

# sample -> (CLI arguments, expected output file)
CASES = {
    "loudi-steel-city.txt": (["--script", "zh-hans"], "loudi-steel-city.expected.zh-hans.txt"),
    "gbk-article.txt": ([], "gbk-article.expected.txt"),
    "big5-article.txt": ([], "big5-article.expected.txt"),
    "mojibake-utf8-as-gbk.txt": ([], "mojibake-utf8-as-gbk.expected.txt"),
    "mojibake-gbk-as-latin1.txt": ([], "mojibake-gbk-as-latin1.expected.txt"),
    "mixed-script.txt": (["--script", "auto"], "mixed-script.expected.txt"),
    "web-page-footers.txt": ([], "web-page-footers.expected.txt"),
}


def run_cli(argv: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_every_sample_has_a_case() -> None:
    inputs = {p.name for p in SAMPLES.glob("*.txt") if ".expected" not in p.name}
    assert inputs == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_through_cli(name: str) -> None:
    args, expected = CASES[name]
    code, out, err = run_cli([*args, str(SAMPLES / name)])
    assert code == 0, err
    assert out.decode("utf-8") == (SAMPLES / expected).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_through_stdin(name: str) -> None:
    args, expected = CASES[name]
    code, out, err = run_cli(args, stdin=(SAMPLES / name).read_bytes())
    assert code == 0, err
    assert out.decode("utf-8") == (SAMPLES / expected).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_is_idempotent_and_replayable(name: str) -> None:
    args, _ = CASES[name]
    script = args[1] if args else "auto"
    data = (SAMPLES / name).read_bytes()
    result = zhclean.clean_and_explain(data, script=script)
    assert zhclean.clean(result.text, script=script) == result.text
    decoded = zhclean.decode(data).text
    assert zhclean.apply_plan(decoded, result.report.plan) == result.text
    assert zhclean.revert_plan(result.text, result.report.plan) == decoded
    assert [r.text for r in zhclean.clean_batch([data], script=script)] == [result.text]


def test_loudi_metadata() -> None:
    text = (SAMPLES / "loudi-steel-city.txt").read_text(encoding="utf-8")
    expected = json.loads((SAMPLES / "loudi-steel-city.expected.meta.json").read_text(encoding="utf-8"))
    result = zhclean.clean_and_explain(text, script="zh-hans")
    for key, value in expected.items():
        assert result.metadata[key] == value


def test_loudi_report_says_why_lines_went() -> None:
    text = (SAMPLES / "loudi-steel-city.txt").read_text(encoding="utf-8")
    result = zhclean.clean_and_explain(text, script="zh-hans")
    assert {r.rule for r in result.report.removed} == {"metadata", "footer", "tail-list"}
    assert any("延伸阅读" in r.text for r in result.report.removed)
    details = " ".join(c.detail for c in result.report.changes)
    assert "ruby" in details and "t2s" in details and "著→着" in details


def test_web_page_metadata() -> None:
    result = zhclean.clean_and_explain((SAMPLES / "web-page-footers.txt").read_bytes())
    assert result.metadata["source"] == "人民日报"
    assert result.metadata["date"] == "1998-01-01"
    assert result.metadata["editor"] == "王小明"
    assert result.metadata["title"] == "北京举行新年音乐会"


def test_gbk_sample_reports_encoding() -> None:
    result = zhclean.clean_and_explain((SAMPLES / "gbk-article.txt").read_bytes())
    assert result.report.encoding == "gb18030"
    big5 = zhclean.clean_and_explain((SAMPLES / "big5-article.txt").read_bytes())
    assert big5.report.encoding == "big5hkscs"


def test_samples_dir_is_what_readme_shows() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "samples/loudi-steel-city.txt" in readme
