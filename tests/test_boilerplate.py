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
    ("时政频道> 要闻", "widget"),
    ("当前位置：宏观频道", "widget"),
    ("关于我们|广告服务|人才招聘|联系我们|友情链接", "widget"),
    ("责任编辑：", "metadata"),
    ("◎ 图：@人民日报微博截图", "metadata"),
    ("平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。", "footer"),
    ("本文首发于某某公众号", "footer"),
    ("×", "widget"),
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
    "收入>支出的家庭越来越多，这说明经济在好转。",
    "广告业近年来发展迅速，从业人员超过百万。",
    "三个选项：甲|乙|丙，请选择一个。",
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


NAV = "首页\n新闻\n财经\n体育\n娱乐\n科技\n"
PARAGRAPHS = [
    "新华社北京1月1日电 今天是新年第一天，首都各界群众以各种方式欢度元旦，街头巷尾洋溢着节日的气氛。",
    "在天安门广场，数万名群众观看了庄严的升旗仪式，许多游客专程从外地赶来，见证这一激动人心的时刻。",
    "各大公园和商场也迎来了客流高峰，市民们纷纷走出家门，购物、游玩、看望亲友，享受假日的欢乐时光。",
]
RELATED = "热门推荐\n北京今日气温骤降\n上海地铁新线开通\n广州举办花市活动\n"
PAGE = (NAV + "首页 > 新闻 > 正文\n首都各界欢度元旦\n2024-01-01 10:00  来源：新华社\n分享到：微信 微博\n"
        + "\n".join(PARAGRAPHS) + "\n图为天安门广场升旗仪式\n" + PARAGRAPHS[0] + "\n责任编辑：王小明\n"
        + RELATED + "版权所有 新华网\n")


def test_page_keeps_title_and_body_only() -> None:
    result = strip_and_explain(PAGE)
    assert result.text == ("首都各界欢度元旦\n" + "\n".join(PARAGRAPHS) + "\n图为天安门广场升旗仪式\n"
                           + PARAGRAPHS[0] + "\n")
    assert {"outside-body", "widget", "metadata", "tail-list", "footer"} == {r.rule for r in result.removed}
    assert result.metadata["title"] == "首都各界欢度元旦"
    assert result.metadata["source"] == "新华社"


def test_body_detection_can_be_switched_off() -> None:
    text = zhclean.strip_boilerplate(PAGE, detect_body=False)
    assert text.startswith(NAV)  # the navigation is not in the lexicon: only the body rule takes it


def test_plain_text_keeps_its_short_lines() -> None:
    # a newspaper's text: headlines, a byline, a poem; no chrome of a page around it
    text = ("大连港年吞吐量超七千万吨\n" + "\n".join(PARAGRAPHS) + "\n新年好！\n李瑛\n"
            "黄土地上的蒲公英\n春风吹过山岗\n花开满地金黄\n" + "\n".join(PARAGRAPHS) + "\n")
    assert zhclean.strip_boilerplate(text) == text


def test_list_header_in_plain_text_takes_only_its_list() -> None:
    text = "\n".join(PARAGRAPHS) + "\n图片新闻\n北京新年第一天\n上海外滩夜景\n" + "\n".join(PARAGRAPHS) + "\n"
    assert zhclean.strip_boilerplate(text) == "\n".join(PARAGRAPHS * 2) + "\n"


def test_inline_ads_go_with_their_marks() -> None:
    ads = "广告\n38岁女领导的生活日记曝光，令人头皮发麻\n×\n广告魔兽世界公益服，今日新开！\n×\n"
    page = PAGE.replace("图为天安门广场升旗仪式\n", "图为天安门广场升旗仪式\n" + ads)
    result = strip_and_explain(page)
    assert "头皮发麻" not in result.text and "魔兽" not in result.text
    assert "图为天安门广场升旗仪式" in result.text


def test_lines_starting_with_marks_that_are_text_stay() -> None:
    text = BODY + ">三星级的大堂；=零星级的房间；<-三星级的卫生；早餐尚可\n广告业近年来发展迅速，从业人员超过百万。\n" + BODY
    assert zhclean.strip_boilerplate(text) == text


def test_learned_boilerplate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    site = [f"{NAV}站内广告位招租\n第{i}篇文章的标题\n{PARAGRAPHS[i % 3]}第{i}段。\n本站所有文章欢迎转发\n"
            for i in range(6)]
    profile = zhclean.Boilerplate.learn(site)
    assert "站内广告位招租" in profile and "本站所有文章欢迎转发" in profile
    assert "第1篇文章的标题" not in profile and len(profile) == len(NAV.split()) + 2
    result = strip_and_explain(site[0], boilerplate_profile=profile, detect_body=False)
    assert "站内广告位招租" not in result.text and "learned" in {r.rule for r in result.removed}
    path = tmp_path / "site.json"
    profile.save(path)
    assert zhclean.Boilerplate.load(path) == profile
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    with pytest.raises(zhclean.ConfigError, match="bad.json: not a boilerplate profile"):
        zhclean.Boilerplate.load(tmp_path / "bad.json")


def test_long_lines_are_never_learned() -> None:
    long_line = "这是一段很长的正文，" * 30
    profile = zhclean.Boilerplate.learn([long_line + "\n导航"] * 5)
    assert long_line not in profile and "导航" in profile


def test_auto_script_decided_again_after_stripping() -> None:
    # the footer line weighed in the first decision; a second run would see the rest alone
    text = "中华人民共和国" * 8 + "版权所有\n中华人民共和国這是繁體中文"
    once = zhclean.clean(text)
    assert zhclean.clean(once) == once


def test_trailing_tag_of_the_last_paragraph() -> None:
    text = BODY + "台北市政府宣布新的交通政策將於下月實施，民眾反應熱烈。（編輯：陳政偉）1141219\n"
    result = strip_and_explain(text)
    assert result.text == BODY + "台北市政府宣布新的交通政策將於下月實施，民眾反應熱烈。\n"
    assert result.metadata["editor"] == "陳政偉"
    short = "他说（记者 王帆）\n"  # a short line is not a paragraph with a tag
    assert zhclean.strip_boilerplate(short) == short
