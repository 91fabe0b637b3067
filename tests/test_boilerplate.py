from __future__ import annotations

import pytest

import zhclean
from zhclean.steps.boilerplate import strip_and_explain

BODY = "国务院总理李鹏今天上午来到北京石景山发电总厂考察，向广大企业职工表示节日的祝贺。\n" * 3


@pytest.mark.parametrize("line,reason", [
    ("版权所有 人民日报社 Copyright © 1998", "footer"),
    ("京ICP备05000000号  京公网安备11000000000001号", "footer"),
    ("版權及免責聲明：凡本網所屬版權作品，轉載時須獲得授權", "footer"),
    ("来源：人民日报  作者：本报记者", "metadata"),
    ("責任編輯：王小明", "metadata"),
    ("【打印本页】【关闭窗口】", "widget"),
    ("分享到：微信 微博 QQ空间", "widget"),
    ("首页 > 新闻中心 > 正文", "widget"),
])
def test_boilerplate_lines(line: str, reason: str) -> None:
    result = strip_and_explain(BODY + line + "\n")
    assert result.text == BODY
    assert [r.rule for r in result.removed] == [reason]


@pytest.mark.parametrize("line", [
    "关闭了三家污染严重的工厂。",
    "打印机行业今年增长了百分之十。",
    "他谈到版权保护的重要性，认为盗版危害很大。",
    "来源于生活，高于生活。",
    "相关阅读材料已经发给学生。",
    "6、致电中纪委举报热线进行举报。拨打【12388】全国纪检监察机关举报电话，进行检举控告。市民可通过此热线举报党员及领导干部违规违纪的行为。",
])
def test_prose_that_looks_like_boilerplate_stays(line: str) -> None:
    text = BODY + line + "\n" + BODY
    assert zhclean.strip_boilerplate(text) == text


def test_tail_list_after_header() -> None:
    text = BODY + "\n相关阅读\n· 一篇文章\n· 另一篇文章\n"
    result = strip_and_explain(text)
    assert result.text == BODY
    assert len(result.removed) == 3


def test_tail_header_near_the_top_removes_nothing_after_it() -> None:
    text = "相关新闻\n" + BODY
    assert zhclean.strip_boilerplate(text).endswith(BODY)


def test_metadata_fields() -> None:
    text = "北京举行新年音乐会\n来源：新华网 发布时间：1998年1月1日 08:30 责任编辑：张三\n" + BODY + "转自：人民网\n"
    result = strip_and_explain(text)
    assert result.metadata == {"title": "北京举行新年音乐会", "source": "新华网", "date": "1998-01-01",
                               "editor": "张三", "reposted_from": "人民网"}
    assert result.text == "北京举行新年音乐会\n" + BODY


def test_off_keeps_lines_but_reads_metadata() -> None:
    text = "标题\n来源：新华网\n" + BODY
    result = zhclean.clean_and_explain(text, strip_boilerplate=False)
    assert result.text == text
    assert result.metadata["source"] == "新华网"
    assert result.report.removed == ()
    assert zhclean.clean_and_explain(text, extract_metadata=False).metadata == {}
