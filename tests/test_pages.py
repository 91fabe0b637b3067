"""The strip stage on the 22 labelled pages of tests/data/pages (see SOURCES.md there).

A regression guard with the scorer of benchmarks/bench_boilerplate.py: the thresholds sit
a little under what the stage measures, so that a change that costs content or lets
boilerplate back in fails here.
"""
from __future__ import annotations

import importlib.util
import json

from conftest import DATA, ROOT

from zhclean.steps.boilerplate import strip_and_explain

_spec = importlib.util.spec_from_file_location("bench_boilerplate", ROOT / "benchmarks" / "bench_boilerplate.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
PAGES = DATA / "pages"


def _ours(text: str) -> tuple[str, dict[str, str]]:
    result = strip_and_explain(text)
    return result.text, result.metadata


def test_main_content_and_boilerplate_scores() -> None:
    rows, metadata = bench.evaluate(_ours, PAGES)
    assert len(rows) == 22
    s = bench.summary(rows)
    assert s["mainR"] >= 0.96, s  # content is kept: a lost paragraph is worse than a kept link
    assert s["mainF"] >= 0.95, s
    assert s["bpF"] >= 0.98, s
    assert metadata >= 0.9
    # no page loses more than a few of its main lines
    assert min(r["mainR"] for _, r in rows) >= 0.8, rows


def test_scorer_counts_what_it_should() -> None:
    text = "导航\n标题\n正文一段。\n版权所有\n"
    assert bench.score_page(text, "标题\n正文一段。\n", "标题\n正文一段。\n")["mainF"] == 1.0
    assert bench.score_page(text, "标题\n正文一段。\n", text)["mainP"] == 0.5
    assert bench.score_page(text, "标题\n正文一段。\n", "")["mainR"] == 0.0


def test_page_metadata_fields() -> None:
    meta = json.loads((PAGES / "people-finance.meta.json").read_text(encoding="utf-8"))
    got = _ours((PAGES / "people-finance.txt").read_text(encoding="utf-8"))[1]
    assert got["source"] == meta["source"] == "人民网－人民日报"
    assert got["date"] == "2024-05-10"
    assert got["author"] == "王乐文 方敏"
