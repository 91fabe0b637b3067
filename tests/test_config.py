from __future__ import annotations

import pickle

import pytest

import zhclean
from zhclean.config import CleanConfig


def test_defaults_and_aliases() -> None:
    assert CleanConfig().script == "auto"
    assert CleanConfig(script="Traditional").script == "zh-hant"
    assert CleanConfig().replace(script="simplified").script == "zh-hans"


@pytest.mark.parametrize("kwargs,message", [
    ({"script": "klingon"}, "unknown script target"),
    ({"unicode_form": "NFKC"}, "unknown unicode_form"),
    ({"max_blank_lines": -5}, "max_blank_lines"),
    ({"encoding": "no-such-codec"}, "unknown encoding"),
])
def test_bad_values(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(zhclean.ConfigError, match=message):
        CleanConfig(**kwargs)  # type: ignore[arg-type]


def test_unknown_option_lists_valid_ones() -> None:
    with pytest.raises(TypeError, match="valid options: .*strip_boilerplate"):
        zhclean.clean("x", no_such_option=True)


def test_from_mapping_accepts_dashes() -> None:
    cfg = CleanConfig.from_mapping({"strip-boilerplate": False, "script": "zh-tw"})
    assert cfg.strip_boilerplate is False and cfg.script == "zh-tw"


def test_frozen_and_picklable() -> None:
    cfg = zhclean.CORPUS
    with pytest.raises(AttributeError):
        cfg.script = "keep"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(cfg)) == cfg
    pipe = zhclean.Pipeline(cfg)
    assert pickle.loads(pickle.dumps(pipe)).config == cfg


def test_presets() -> None:
    assert zhclean.CONSERVATIVE.strip_boilerplate is False
    assert zhclean.DISPLAY.script == "keep"
    text = "标题\n版权所有 © 某网\n"
    assert zhclean.clean(text, zhclean.CONSERVATIVE) == text


def test_result_types() -> None:
    r = zhclean.clean_and_explain("浣犲ソ")
    text, report = r
    assert text == "你好" and report.changed
    d = r.to_dict()
    assert d["report"]["changes"][0]["detail"] == "utf-8 read as gbk"
    with pytest.raises(zhclean.PlanError):
        zhclean.apply_plan("something else", report.plan)
