"""Every JSON case, and the invariants that hold on every input."""
from __future__ import annotations

import pytest

import zhclean
from conftest import load_cases

NEGATIVE = load_cases("negative.json")


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["label"] for c in NEGATIVE])
def test_clean_text_is_unchanged(case: dict[str, str]) -> None:
    text = case["original"]
    assert zhclean.clean(text, script="keep") == text
    # and the default (script="auto") leaves a consistent text alone too
    assert zhclean.clean(text) == text


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["label"] for c in NEGATIVE])
def test_no_stage_touches_clean_text(case: dict[str, str]) -> None:
    text = case["original"]
    assert zhclean.repair_mojibake(text) == text
    assert zhclean.normalize(text) == text
    assert zhclean.strip_boilerplate(text) == text


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["label"] for c in NEGATIVE])
def test_report_of_clean_text_is_empty(case: dict[str, str]) -> None:
    result = zhclean.clean_and_explain(case["original"], script="keep")
    assert result.report.plan == ()
    assert result.report.removed == ()
    assert not result.report.changed
