"""Boilerplate lines, and the metadata they carry.

Scraped article text comes with lines that are not the article: the "source / time /
editor" line under the title, copyright and disclaimer footers, ICP and public-security
filing numbers, share and print widgets, and the related-article and hot-news lists
after the body. This stage removes them line by line, says why for each, and keeps
what is worth keeping (title, source, date, author, editor, reposted-from) as metadata.

The lexicon is written in Simplified only: each line is matched after a character-level
Traditional→Simplified fold (``版權所有`` matches ``版权所有``), so both scripts, and text
mixing them, are covered by one list.

Rules, from surest to least sure:

* ``metadata``: a line made of ``key：value`` fields with known keys (来源, 时间, 作者,
  责任编辑, 转自...); the fields go into the metadata.
* ``footer``: copyright lines (``版权所有``, ``©``, ``Copyright``), filing numbers
  (``京ICP备11041399号``, ``公网安备``), disclaimers and reprint notices that start the line.
* ``widget``: short lines that are only a widget (分享到, 打印本页, 关闭窗口, 上一篇...).
* ``tail-list``: a section header such as 延伸阅读 or 热点新闻 after the body, and
  every line after it. It takes effect only past the first 40 % of the document's Han
  characters, so a header near the top never wipes the article.

>>> strip_boilerplate("正文第一段。\\n版权所有：某某网 京ICP备12345678号\\n")
'正文第一段。\\n'
"""
from __future__ import annotations

import collections
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..chardata import HAN, T2S_FOLD
from ..config import CleanConfig, resolve
from ..lines import collapse_blank_lines
from ..report import Change, Removed

STEP = "strip_boilerplate"

# Metadata keys (Simplified; lines are folded before matching) -> field name.
_META_KEYS = {
    "来源": "source", "稿源": "source", "出处": "source", "信息来源": "source", "文章来源": "source",
    "新闻来源": "source", "本文来源": "source",
    "时间": "date", "发布时间": "date", "发表时间": "date", "日期": "date", "发布日期": "date",
    "更新时间": "date", "发稿时间": "date",
    "作者": "author", "撰文": "author", "文": "author", "记者": "author", "本报记者": "author",
    "编辑": "editor", "责任编辑": "editor", "责编": "editor", "编审": "editor", "审核": "editor",
    "转自": "reposted_from", "转载自": "reposted_from", "转载于": "reposted_from", "转载来源": "reposted_from",
    "原标题": "original_title", "原创": "source",
    "图": "image_credit", "图片": "image_credit", "图片来源": "image_credit", "摄影": "image_credit",
    "视频": "video_credit", "视频来源": "video_credit",
    "发布于": "location", "IP属地": "location", "ip属地": "location", "IP归属地": "location",
}
_KEY_ALT = "|".join(sorted(map(regex.escape, _META_KEYS), key=len, reverse=True))
# A field: a known key, a colon (full-width after normalization, ASCII if it was off),
# a value running to the next field or the end of the line.
_FIELD = regex.compile(
    f"(?:^|(?<=[\\s|｜(（]))[◎●○■□◆◇▲△▶▷★☆•·*]?\\s*[【\\[]?({_KEY_ALT})[】\\]]?\\s*[:：]\\s*(.*?)\\s*(?=\\s+[【\\[]?(?:{_KEY_ALT})[】\\]]?\\s*[:：]|$)"
)
_FIELDS_LINE = regex.compile(
    f"^\\s*[◎●○■□◆◇▲△▶▷★☆•·*(（]?\\s*(?:[【\\[]?(?:{_KEY_ALT})[】\\]]?\\s*[:：].*?)(?:\\s+[【\\[]?(?:{_KEY_ALT})[】\\]]?\\s*[:：].*?)*\\s*$"
)
_MAX_META_LINE = 120
# A key with nothing after it (责任编辑：): the field was left empty by the page.
_EMPTY_FIELD = regex.compile(f"^\\s*[【\\[]?({_KEY_ALT})[】\\]]?\\s*[:：]\\s*$")
# A name on a line of its own: a source (新浪财经, 香港電台-財經), a value after an empty key.
_NAME_LINE = regex.compile(r"^[\p{Han}A-Za-z0-9·\-—_ ]*\p{Han}[\p{Han}A-Za-z0-9·\-—_ ]*$")
_MAX_NAME = 16
# What the name of a source looks like: a paper, an agency, a site, a channel.
_SOURCE_NAME = regex.compile(
    r"^[\p{Han}A-Za-z0-9·\-—_ ]{1,14}(?:报|社|网|台|刊|志|讯|经|闻|号|在线|传媒|集团|频道|客户端|新闻)$"
    r"|^[\p{Han}]{2,8}\s*[-—·]\s*[\p{Han}]{2,8}$")
# 责任编辑 outranks 编辑 where a page has both.
_CHIEF_EDITOR = regex.compile(r"责任编辑|责编")

_DATE = regex.compile(
    r"((?:19|20)\d{2})(?:\s*[-/.年]\s*|\s+)(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
)

# Footer markers that are boilerplate wherever they stand in a line of footer length.
_FOOTER_STRONG = regex.compile(
    r"版权所有|©|\(c\)\s*\d{4}|copyright|all rights reserved|icp[备证]|icp\s*\d|公网安备|"
    r"互联网新闻信息服务许可证|网络文化经营许可证|"
    # the platform disclaimers of 自媒体 (搜狐号, 网易号, 快传号...)
    r"信息存储空间服务|信息存储服务|不代表.{0,8}(?:立场|观点)|仅代表作者.{0,4}(?:观点|立场)|"
    r"转载时?务?(?:必)?请注明(?:出处|来源)",
    regex.I,
)
# Markers that are boilerplate only in a short line: an article may tell readers which
# 举报电话 to call, in a paragraph of its own.
_FOOTER_SHORT = regex.compile(r"违法和不良信息举报|举报电话|举报邮箱|举报中心")
_MAX_FOOTER_SHORT = 60
# Markers that are boilerplate when they open the line (an article may discuss 免责 law).
_FOOTER_LEAD = regex.compile(
    r"^\s*[【\[（(]?\s*(?:版权(?:及免责)?声明|免责声明|版权说明|声明[:：]|特别声明|转载请注明|"
    r"未经(?:书面)?授权|本文(?:系|为)?转载|凡本网|本网(?:站)?(?:注明|所载)|原创稿件|本文首发于|首发于)"
)
_MAX_FOOTER_LINE = 200

# Widgets: a line made of nothing but these words (and brackets, bars, spaces). A line
# that merely starts with 关闭 or 打印 is a sentence and stays.
_WIDGET_TOKEN = regex.compile(
    r"分享到|分享至|一键分享|打印本页|打印此文|打印|关闭窗口|关闭|返回顶部|回到顶部|返回首页|返回列表|"
    r"字号|[大中小]|扫一扫|扫描二维码|微信扫一扫|二维码|上一篇|下一篇|上一页|下一页|收藏本页|收藏|"
    r"我要纠错|纠错|点击排行|网站地图|联系我们|关于我们|加入收藏|设为首页|默认|微信|微博|qq空间|qq|"
    r"复制链接|手机看|评论|点赞|举报|广告|×|✕|正文|阅读全文|展开全文|查看原文|阅读原文|"
    r"播报文章|语音播报|听全文|关注|已关注|取消关注|赞赏|在看|分享|转发",
    regex.I,
)
_WIDGET_FILLER = regex.compile(r"[\s【】\[\]（）()|｜/:：·•、，,>＞»-]+")
# Breadcrumbs: 首页 > 新闻 > 正文, 当前位置：首页 » 国内, 时政频道> 要闻, and "正在阅读：".
_BREADCRUMB = regex.compile(
    r"^\s*(?:(?:当前位置|您的位置|你的位置|所在位置)\s*[:：]?\s*|(?:首页|主页|网站首页)\s*[>＞»›/]|"
    r"\S{1,10}\s*[>＞»›]\s*\S{1,10}\s*(?:[>＞»›]\s*\S{0,10}\s*)*$|正在阅读\s*[:：]|[>＞»›][^，。；！？;,]*$)"
)
# Navigation bars: three or more short items between bars (关于我们|联系我们|招聘).
_NAV_BAR = regex.compile(r"^\s*[^|｜，。！？；]{1,30}(?:\s*[|｜]\s*[^|｜，。！？；]{1,30}){2,}\s*[|｜]?\s*$")
# Share and app prompts: 微信扫码分享, 用微信扫描二维码, 分享至好友和朋友圈, 下载客户端.
_PROMPT = regex.compile(r"扫码|扫一扫|二维码|分享(?:至|到|给)(?:好友|朋友圈|微信)|(?:下载|打开)(?:app|客户端)|复制成功|链接已复制",
                        regex.I)
_MAX_PROMPT = 20
_AD_MARKS = frozenset({"广告", "×", "✕", "ad", "AD", "Ad"})
_MAX_AD = 60
_AD_REACH = 6
# A byline of its own: 新华社记者邹多为、唐诗凝、丁乐; 本报记者 张三 李四
_BYLINE_LINE = regex.compile(r"^\s*\S{0,10}?记者\s*(\p{Han}{2,4}(?:[、 ]\s*\p{Han}{1,4})*)\s*$")
_MAX_NAV_BAR = 160


def _is_widget(line: str) -> bool:
    if not _WIDGET_TOKEN.search(line):
        return False
    rest = _WIDGET_FILLER.sub("", _WIDGET_TOKEN.sub("", line))
    return not rest


_MAX_WIDGET_LINE = 40

# Headers of the lists that follow an article: everything after one is the list.
_TAIL_HEADERS = regex.compile(
    r"^\s*[【\[]?(?:延伸阅读|相关阅读|相关新闻|相关文章|相关推荐|相关报道|热点新闻|热点视频|热门新闻|"
    r"热门推荐|热门文章|推荐阅读|精彩推荐|猜你喜欢|你可能还想看|你可能感兴趣|为你推荐|更多新闻|"
    r"最新新闻|最新文章|今日推荐|热点推荐|热点舆情|图片新闻|网友评论|热门评论|往期回顾|"
    r"其他人也在看|大家都在看|大家还在看|看了又看|你可能也喜欢|猜你想看|编辑推荐|更多精彩|精彩图片|"
    r"热门资讯|推荐视频|相关专题|相关链接|热门排行|排行榜|24小时热门|热门标签|最热文章|阅读排行)"
    r"[】\]]?\s*[:：]?\s*$"
)
_TAIL_MIN_SHARE = 0.4

_SENTENCE_END = regex.compile(r"[。！？!?…]\s*[”’」』）)]?\s*$")
_MAX_TITLE = 80


# ---- the body --------------------------------------------------------------------
# Without the HTML there is no link density, but the shape of the lines stands in for it:
# the article is made of lines of prose (ten Chinese characters and more, with the
# punctuation of sentences); the navigation, the link lists, the widgets and the bylines
# of comments around it are runs of short lines without it. The text is cut into blocks
# at every run of _BARRIER short lines or more; a block weighs the Chinese characters of
# its prose lines less a penalty for each short line. The heaviest block is the body, and
# so is every block of at least _BLOCK_SHARE of its weight (an article cut in two by a
# gallery). Outside them every line goes but the headline above the body; inside them
# every line stays (a subtitle, a caption).
_PROSE_PUNCT = regex.compile(r"[。！？；，、：!?;,]")
_PROSE_MIN_HAN = 10
_LONG_PROSE = 40
_NOT_PROSE_WEIGHT = -6.0
_BARRIER = 3
_BLOCK_SHARE = 0.3
_MIN_BODY_WEIGHT = 20.0
_MIN_PAGE_LINES = 8
_MIN_CHROME = 2


def _weight(line: str, han: int) -> float:
    # prose: a sentence that ends (headlines and link texts do not), or a long line
    # with the punctuation of sentences inside
    if han >= _PROSE_MIN_HAN and (_SENTENCE_END.search(line) or (han >= _LONG_PROSE and _PROSE_PUNCT.search(line))):
        return float(han)
    return _NOT_PROSE_WEIGHT


def _blocks(weights: list[float | None]) -> list[tuple[int, int, float]]:
    """(first, last, weight) of the runs of lines between barriers (None: no line)."""
    blocks: list[tuple[int, int, float]] = []
    start, total, short_run, last_line = -1, 0.0, 0, -1
    for i, w in enumerate(weights):
        if w is None:
            continue
        if w < 0:
            short_run += 1
            if short_run >= _BARRIER and start >= 0:
                blocks.append((start, last_line, total))
                start, total = -1, 0.0
            continue
        if start < 0:
            start, total = i, 0.0
        else:
            total += short_run * _NOT_PROSE_WEIGHT
        short_run = 0
        total += w
        last_line = i
    if start >= 0:
        blocks.append((start, last_line, total))
    return blocks


# How the helpers remove a line: drop(index, rule, why), which also records it.
Drop = Callable[[int, str, str], None]


def _strip_outside_body(lines: list[str], han_counts: list[int], keep: list[bool],
                        drop: Drop) -> None:
    weights: list[float | None] = [_weight(ln, n) if k and ln.strip() else None
                                   for ln, n, k in zip(lines, han_counts, keep)]
    if sum(w is not None for w in weights) < _MIN_PAGE_LINES:
        return  # a few lines are a text, not a page with navigation around it
    blocks = _blocks(weights)
    # The body comes before the first list header (你可能还想看, 相关阅读) when there is
    # prose before it: the recommendations after it may weigh more than a short article.
    header = next((i for i, ln in enumerate(lines) if keep[i] and _TAIL_HEADERS.match(ln.translate(T2S_FOLD).strip())), -1)
    before = [blk for blk in blocks if blk[1] < header and blk[2] >= _MIN_BODY_WEIGHT]
    if before:
        blocks = before
    if not blocks:
        return
    best = max(w for _, _, w in blocks)
    body = [(a, b) for a, b, w in blocks if w >= _BLOCK_SHARE * best]
    inside = [False] * len(lines)
    for a, b in body:
        for i in range(a, b + 1):
            inside[i] = True
    for a, _ in body:
        for i in _headlines_above(lines, keep, a):
            inside[i] = True
    for i, line in enumerate(lines):
        if inside[i] or not keep[i] or not line.strip():
            continue
        drop(i, "outside-body", "outside the article (navigation, links, widgets, comments)")


def _headlines_above(lines: list[str], keep: list[bool], first: int) -> list[int]:
    """The headline lines just above a body block (title, subtitle): up to _MAX_HEADLINES
    lines of 6 to 80 characters with Chinese and no sentence end, among the
    _HEADLINE_WINDOW kept lines above the block. Bylines (a date or a time in them) and
    labels of a few characters (正文, 打印) between them are passed over; prose stops the
    search."""
    found: list[int] = []
    seen = 0
    for i in range(first - 1, -1, -1):
        if not keep[i] or not lines[i].strip():
            continue
        seen += 1
        if seen > _HEADLINE_WINDOW or len(found) >= _MAX_HEADLINES:
            break
        line = lines[i].strip()
        if len(line) < 6 or _DATE.search(line) or _TIME.search(line) or _SOURCE_NAME.match(line):
            continue  # labels, buttons, bylines, the name of the source: passed over
        if len(line) > _MAX_TITLE or _SENTENCE_END.search(line) or len(HAN.findall(line)) < 4:
            break
        found.append(i)
    return found


_HEADLINE_WINDOW = 8
_TIME = regex.compile(r"\d{1,2}:\d{2}")
_MAX_HEADLINES = 3
_MAX_BYLINE = 40
_TRAILING_TAG = regex.compile(f"[（(]\\s*({_KEY_ALT})(?:\\s*[:：/]|\\s)\\s*([^（）()]{{1,20}}?)\\s*[）)]\\s*\\d{{0,8}}\\s*$")


@dataclass
class StripResult:
    text: str
    removed: list[Removed] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)


def _normalize_date(value: str) -> str:
    m = _DATE.search(value)
    if not m:
        return value.strip()
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


def _cut_unmatched(value: str) -> str:
    """The value up to a closing bracket it did not open: 经济日报）返回首页 is 经济日报."""
    depth = 0
    for k, ch in enumerate(value):
        if ch in "（(【[":
            depth += 1
        elif ch in "）)】]":
            if depth == 0:
                return value[:k]
            depth -= 1
    return value


def _neighbour(lines: list[str], i: int, step: int) -> int:
    """The nearest line from ``i`` in direction ``step`` that is not blank (-1: none)."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return j if 0 <= j < len(lines) else -1


def _names(value: str) -> str:
    """Names as a byline spaces them: 王乐文 方 敏 (a two-character name spread to three
    columns) is 王乐文 方敏."""
    out: list[str] = []
    for token in value.split():
        if out and len(token) == 1 and len(out[-1]) == 1:
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def _reporter(lines: list[str]) -> str | None:
    """The reporter of a byline: a short line with 记者 NAME (新华社记者邹多为、唐诗凝), or
    （记者邹伟） near the start of a line."""
    for line in lines:
        head = line.strip()[:60]
        if "记者" not in head:
            continue
        m = _REPORTER.search(head)
        if m and (len(line.strip()) <= _MAX_BYLINE or head[max(0, m.start() - 1):m.start()] in "（("):
            return _names(m.group(1))
    return None


# A date and time before the fields: 2024-01-01 10:00  来源：新华社
_LEADING_DATE = regex.compile(r"^\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
                              r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜·]?\s*(?=\S)")


# A line that is a date and time and little else: 2024-05-08 23:23, 2024年5月20日週一 下午2:05,
# 2024年01月25日 18:03:35 来自内蒙古自治区, 2024-05-09 22:30·新华社, 2024 05/09 22:27:02.
_DATE_LINE = regex.compile(
    r"^\s*(?:发布|发表|发稿)?(?:时间|日期)?\s*[:：]?\s*"
    r"((?:19|20)\d{2}\s*[-/.年 ]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"\s*(?:[(（]?(?:星期|周|週)[一二三四五六日天][)）]?)?\s*(?:[上下]午)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s*(?:(?:来自|发布于|IP属地[:：]?)\s*(\S{2,12})|[·•|｜]\s*(\S{2,16}))?\s*$"
)
# Bylines without a colon: 文/栗思, 作者 王之言 高孜然, 记者 张三.
_BYLINE = regex.compile(r"^\s*(?:文|作者|记者|撰文|本报记者|本报通讯员)\s*(?:[/／|]|\s)\s*([\p{Han}A-Za-z·、 ]{2,24}?)\s*$")
# A reporter named in the first lines of the body: （记者邹伟）, 新华社记者邹多为、唐诗凝,
# 中青报·中青网记者 魏其濛 来源：...
_REPORTER = regex.compile(r"记者\s*([\p{Han}]{2,4}(?:[、 ][\p{Han}]{2,4})*)(?=\s*(?:[）)]|来源|摄|报道|$|\s))")


# 来自甘肃, 发布于：北京市, IP属地：广东 on a line of their own.
_LOCATION_LINE = regex.compile(r"^\s*(?:来自|发布于|IP属地|ip属地)\s*[:：]?\s*(\p{Han}{2,10})\s*$")
# 本文来源于国家统计局 2024-05-11 09:36:26
_SOURCE_SENTENCE = regex.compile(
    r"^\s*(?:本文|本文章|文章)?来源于\s*([\p{Han}A-Za-z0-9·\-]{2,20}?)\s*(?=(?:19|20)\d{2}|$)")
# Fields in parentheses that open the line: （本文来源：经济日报 作者：...）返回首页
_PAREN_FIELDS = regex.compile(r"^\s*[（(]([^（）()]{4,120})[）)]")


def _date_line(folded: str) -> list[tuple[str, str]]:
    loc = _LOCATION_LINE.match(folded)
    if loc:
        return [("location", loc.group(1))]
    src = _SOURCE_SENTENCE.match(folded)
    if src:
        rest = folded[src.end():].strip()
        if not rest:
            return [("source", src.group(1))]
        dated = _date_line(rest) if _DATE_LINE.match(rest) else []
        return [("source", src.group(1))] + dated if dated else []
    m = _DATE_LINE.match(folded)
    if not m:
        return []
    out = [("date", _normalize_date(m.group(1)))]
    if m.group(3) and not _TIME.search(m.group(3)):
        out.append(("source", m.group(3)))
    if m.group(2):
        out.append(("location", m.group(2)))
    return out


def _fields(line: str, folded: str) -> list[tuple[str, str]]:
    """The metadata fields of a line made only of fields; [] if it has other text."""
    if len(folded) > _MAX_META_LINE:
        return []
    out = []
    lead = _LEADING_DATE.match(folded)
    if lead and _FIELDS_LINE.match(folded[lead.end():]):
        out.append(("date", _normalize_date(lead.group(1))))
        line, folded = line[lead.end():], folded[lead.end():]
    elif not _FIELDS_LINE.match(folded):
        return []
    for m in _FIELD.finditer(folded):
        key = _META_KEYS[m.group(1)]
        # the value as written (the fold is one character to one, so offsets agree)
        value = line[m.start(2):m.end(2)].strip()
        value = _cut_unmatched(value.strip()).rstrip("】]）)").strip()
        if key == "date":
            value = _normalize_date(value)
        elif (d := _DATE.search(value)) and key != "original_title":
            # 39健康网2024-04-23 12:27:25: a source with its date glued on
            out.append(("date", _normalize_date(d.group(0))))
            value = value[:d.start()].strip()
        if value:
            out.append((key, value))
    return out


def _strip_ads(lines: list[str], folded_lines: list[str], keep: list[bool], drop: Drop) -> None:
    """Inline ads: the unit is [广告] headline [×]. A close button (×, removed as a widget)
    takes the short line before it; a line glued to its 广告 label goes when another ad
    mark stands within a few lines."""
    marks = [i for i, ln in enumerate(folded_lines) if ln.strip() in _AD_MARKS]
    for i in marks:
        j = _neighbour(lines, i, -1)
        if folded_lines[i].strip() in ("×", "✕") and j >= 0 and keep[j] and len(lines[j].strip()) <= _MAX_AD \
                and not _SENTENCE_END.search(lines[j]):
            drop(j, "widget", "ad (the line before a close button)")
    for i, ln in enumerate(folded_lines):
        if keep[i] and ln.lstrip().startswith("广告") and len(ln.strip()) <= _MAX_AD \
                and any(abs(i - k) <= _AD_REACH and k != i for k in marks):
            drop(i, "widget", "ad")


def _strip_tail(lines: list[str], han_counts: list[int], keep: list[bool], drop: Drop,
                headers: list[int], is_page: bool) -> None:
    """The first list header past _TAIL_MIN_SHARE of the Han characters that stay, and
    what follows it: in a page everything, in plain text its run of short lines. Measured
    on what stays, the rule gives the same answer on a text already cleaned."""
    kept_han = [n if k else 0 for n, k in zip(han_counts, keep)]
    total = sum(kept_han) or 1
    for i in headers:
        if sum(kept_han[:i]) < _TAIL_MIN_SHARE * total:
            continue
        header = lines[i].strip()
        for j in range(i, len(lines)):
            if j > i and not is_page and keep[j] and _weight(lines[j], han_counts[j]) > 0:
                break
            if keep[j] and lines[j].strip():
                drop(j, "tail-list", f"after the header {header!r}")
            elif keep[j]:
                keep[j] = False
        return


def _cut_trailing_tags(lines: list[str], folded_lines: list[str], keep: list[bool],
                       metadata: dict[str, str]) -> int:
    """Tags glued to the end of a paragraph, （编辑：陈政伟）1141219: cut from the line (in
    place), their value kept as metadata. Returns how many lines lost one."""
    tags = 0
    for i, folded in enumerate(folded_lines):
        m = _TRAILING_TAG.search(folded) if keep[i] else None
        if m and len(HAN.findall(folded[:m.start()])) >= _PROSE_MIN_HAN:
            metadata.setdefault(_META_KEYS.get(m.group(1), "editor"), _names(lines[i][m.start(2):m.end(2)]))
            lines[i] = lines[i][:m.start()].rstrip()
            tags += 1
    return tags


def strip_and_explain(text: str, config: CleanConfig | None = None, **overrides: object) -> StripResult:
    """Remove boilerplate lines; return the text, the removed lines and the metadata."""
    cfg = resolve(config, overrides)
    lines = text.split("\n")
    folded_lines = [ln.translate(T2S_FOLD) for ln in lines]
    han_counts = [len(HAN.findall(ln)) for ln in lines]
    metadata: dict[str, str] = {}
    removed: list[Removed] = []
    keep = [True] * len(lines)

    meta_lines: set[int] = set()

    def drop(i: int, rule: str, why: str) -> None:
        if rule == "metadata":
            meta_lines.add(i)
        if cfg.strip_boilerplate:  # with stripping off, the metadata is still read
            keep[i] = False
            removed.append(Removed(i + 1, lines[i], f"{rule}: {why}", rule))

    tail_headers: list[int] = []
    pending_key: str | None = None
    date_index = -1
    for i, (line, folded) in enumerate(zip(lines, folded_lines)):
        stripped = folded.strip()
        if not stripped:
            continue
        if cfg.boilerplate_profile is not None and line in cfg.boilerplate_profile:
            drop(i, "learned", "recurs across the pages of the site")
            continue
        if pending_key is not None:
            # the value of an empty field on the line after it (来源：\n中国青年报)
            key, pending_key = pending_key, None
            if len(stripped) <= _MAX_NAME and _NAME_LINE.match(stripped):
                metadata.setdefault(key, line.strip())
                drop(i, "metadata", key)
                continue
        date_line = _date_line(folded)
        fields = _fields(line, folded) or date_line
        if not fields and (paren := _PAREN_FIELDS.match(folded)):
            fields = _fields(line[paren.start(1):paren.end(1)], paren.group(1))
        if not fields and len(stripped) <= 30 and (m := _BYLINE.match(folded) or _BYLINE_LINE.match(folded)):
            fields = [("author", _names(line[m.start(1):m.end(1)]))]
        if fields:
            for key, value in fields:
                if key not in metadata or (key == "editor" and _CHIEF_EDITOR.search(folded)):
                    metadata[key] = value
            if date_line and date_index < 0:
                date_index = i
            drop(i, "metadata", ", ".join(k for k, _ in fields))
            continue
        if (empty := _EMPTY_FIELD.match(stripped)):
            pending_key = _META_KEYS.get(empty.group(1))
            drop(i, "metadata", "empty field")
            continue
        if (len(stripped) <= _MAX_FOOTER_LINE and (_FOOTER_STRONG.search(stripped) or _FOOTER_LEAD.match(stripped))) \
                or (len(stripped) <= _MAX_FOOTER_SHORT and _FOOTER_SHORT.search(stripped)):
            drop(i, "footer", "copyright, filing number or disclaimer")
            continue
        if len(stripped) <= _MAX_WIDGET_LINE and (_is_widget(stripped) or _BREADCRUMB.match(stripped)):
            drop(i, "widget", "share/print/navigation")
            continue
        if len(stripped) <= _MAX_PROMPT and _PROMPT.search(stripped):
            drop(i, "widget", "share or app prompt")
            continue
        if len(stripped) <= _MAX_NAV_BAR and _NAV_BAR.match(stripped):
            drop(i, "widget", "navigation bar")
            continue
        if _TAIL_HEADERS.match(stripped):
            tail_headers.append(i)

    if date_index >= 0 and "source" not in metadata:
        # a name on the line just above or below the date line is the source
        for j in (_neighbour(lines, date_index, -1), _neighbour(lines, date_index, 1)):
            if j >= 0 and keep[j] and len(lines[j].strip()) <= _MAX_NAME and _SOURCE_NAME.match(folded_lines[j].strip()):
                metadata["source"] = lines[j].strip()
                drop(j, "metadata", "source")
                break

    _strip_ads(lines, folded_lines, keep, drop)

    # A page (chrome around the text: widgets, footers) ends with its lists: after a list
    # header everything goes. In a text without chrome (a newspaper's 图片新闻 section is
    # followed by more articles) the list is the header's run of short lines: the first
    # line of prose ends it.
    chrome = sum(1 for r in removed if r.rule in ("widget", "footer"))
    is_page = chrome >= _MIN_CHROME
    if tail_headers and cfg.strip_boilerplate:
        _strip_tail(lines, han_counts, keep, drop, tail_headers, is_page)

    # The body is looked for in pages only. A newspaper's plain text, a book, a
    # transcript, with their headlines, bylines and poems, has no chrome, and keeps its
    # short lines.
    if cfg.strip_boilerplate and cfg.detect_body and is_page:
        _strip_outside_body(lines, han_counts, keep, drop)

    tags = _cut_trailing_tags(lines, folded_lines, keep, metadata) if cfg.strip_boilerplate else 0

    if cfg.extract_metadata and "author" not in metadata:
        reporter = _reporter(lines)
        if reporter:
            metadata["author"] = reporter

    title_index = next((i for i, ln in enumerate(lines) if keep[i] and ln.strip() and i not in meta_lines), -1)
    if cfg.extract_metadata and title_index >= 0:
        candidate = lines[title_index].strip()
        if len(candidate) <= _MAX_TITLE and not _SENTENCE_END.search(candidate) and HAN.search(candidate):
            metadata = {"title": candidate, **metadata}

    if not removed and not tags:
        return StripResult(text, [], metadata if cfg.extract_metadata else {}, [])
    kept = [ln for ln, k in zip(lines, keep) if k]
    new = "\n".join(kept)
    # Removing a line leaves the blank lines around it: tidy them as normalize does.
    new = collapse_blank_lines(new, cfg.max_blank_lines)
    # The last kept line keeps its newline when the lines after it went.
    if new and (text.endswith("\n") or not keep[-1]):
        new = new.rstrip("\n") + "\n"
    rules = collections.Counter(r.rule for r in removed)
    changes = [Change(STEP, "remove", f"{rule}: {n} line(s)", n) for rule, n in rules.items()]
    if tags:
        changes.append(Change(STEP, "remove", f"trailing tag: {tags} line(s)", tags))
    return StripResult(new, removed, metadata if cfg.extract_metadata else {}, changes)


def strip_boilerplate(text: str, config: CleanConfig | None = None, **overrides: object) -> str:
    """Remove boilerplate lines from ``text`` (see the module docstring).

    >>> strip_boilerplate("来源：新华网  时间：2024-05-13\\n正文。\\n")
    '正文。\\n'
    """
    return strip_and_explain(text, config, **overrides).text
