from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from test_cli import run
from zhclean import Pipeline
from zhclean.jsonl import clean_jsonl

RECORDS = [{"id": i, "text": ("浣犲ソ锛屼笘鐣岋紒" if i % 7 == 0 else f"後來，我們去了北京。第{i}天。"), "lang": "zh"}
           for i in range(300)]


def _jsonl(records: list[object]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


def test_records_keep_their_order_and_other_fields_with_two_processes() -> None:
    data = _jsonl(RECORDS)
    one, two = io.BytesIO(), io.BytesIO()
    s1 = clean_jsonl(io.BytesIO(data), one, Pipeline(script="zh-hans"), jobs=1)
    s2 = clean_jsonl(io.BytesIO(data), two, Pipeline(script="zh-hans"), jobs=2)
    assert one.getvalue() == two.getvalue()
    out = [json.loads(x) for x in one.getvalue().splitlines()]
    assert [r["id"] for r in out] == list(range(300)) and all(r["lang"] == "zh" for r in out)
    assert out[0]["text"] == "你好，世界！" and out[1]["text"] == "后来，我们去了北京。第1天。"
    assert (s1.documents, s1.changed, s1.encodings_repaired) == (s2.documents, s2.changed, s2.encodings_repaired)
    assert s1.encodings_repaired == len(range(0, 300, 7))


def test_bad_lines_are_kept_and_named() -> None:
    data = b'{"text": "\\u6b63\\u6587\\u3002"}\nnot json\n{"body": 1}\n\n[1, 2]\n'
    out = io.BytesIO()
    summary = clean_jsonl(io.BytesIO(data), out, Pipeline(), name="corpus.jsonl")
    assert out.getvalue().splitlines() == ['{"text": "正文。"}'.encode("utf-8"), b"not json", b'{"body": 1}', b"",
                                           b"[1, 2]"]
    assert summary.errors == ["corpus.jsonl:2: not a JSON line; written as it came",
                              "corpus.jsonl:3: no string field 'text'; written as it came",
                              "corpus.jsonl:5: no string field 'text'; written as it came"]


def test_cli_jsonl_field_report_and_in_place(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(_jsonl([{"id": 1, "body": "ÖÐÎÄ"}, {"id": 2, "body": "正文。"}]))
    code, out, err = run(["--jsonl", "--field", "body", "--report-field", "zhclean", str(path)])
    records = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and records[0]["body"] == "中文" and records[0]["zhclean"]["changes"]
    assert err == "zhclean: 2 document(s), 1 changed, 1 mojibake repaired, 0 converted, 0 line(s) removed\n"
    code, _, _ = run(["--jsonl", "--field", "body", "-i", "-j", "2", str(path)])
    assert code == 0 and json.loads(path.read_bytes().splitlines()[0])["body"] == "中文"


@pytest.mark.parametrize("argv,message", [
    (["--field", "body"], "--field and --report-field go with --jsonl"),
    (["--jsonl", "-j", "0"], "-j needs a number of processes of 1 or more"),
    (["--jsonl", "--check"], "--jsonl does not go with --check, --diff or --detect"),
])
def test_jsonl_usage_errors(argv: list[str], message: str) -> None:
    code, _, err = run(argv, stdin=b"")
    assert (code, err) == (2, f"zhclean: {message}\n")


def test_files_in_parallel_keep_their_order(tmp_path: Path) -> None:
    names = []
    for i in range(12):
        path = tmp_path / f"p{i:02d}.txt"
        path.write_bytes(f"第{i}篇：浣犲ソ锛屼笘鐣岋紒\n".encode("utf-8") if i % 2 else f"第{i}篇，後來。\n".encode("big5"))
        names.append(str(path))
    bad = tmp_path / "p05.txt"
    bad.write_bytes(b"\xff\xfe\x00")  # a UTF-16 BOM and half a character: cannot be decoded
    code1, out1, err1 = run(names)
    code2, out2, err2 = run(["-j", "2"] + names)
    assert (code1, out1, err1) == (code2, out2, err2)
    assert out2.decode("utf-8").splitlines()[:2] == ["第0篇，後來。", "第1篇：你好，世界！"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_and_summary_at_a_terminal(tmp_path: Path) -> None:
    from zhclean.cli import main
    names = []
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("浣犲ソ锛屼笘鐣岋紒\n" if i else "正文。\n", encoding="utf-8")
        names.append(str(tmp_path / f"{i}.txt"))
    err = _Terminal()
    assert main(names, stdout=io.BytesIO(), stderr=err) == 0
    assert err.getvalue().endswith("zhclean: 3 document(s), 2 changed, 2 mojibake repaired, 0 converted, "
                                   "0 line(s) removed\n")
    quiet = _Terminal()
    assert main(["--no-progress"] + names, stdout=io.BytesIO(), stderr=quiet) == 0
    assert quiet.getvalue() == ""


def test_learn_boilerplate_over_jsonl(tmp_path: Path) -> None:
    records = [{"id": i, "text": f"网站导航\n扫码关注我们\n第{i}篇文章的正文，各不相同。\n"} for i in range(6)]
    path = tmp_path / "site.jsonl"
    path.write_bytes(_jsonl(records))
    code, out, _ = run(["--jsonl", "--learn-boilerplate", str(path)])
    texts = [json.loads(x)["text"] for x in out.splitlines()]
    assert code == 0 and texts[2] == "第2篇文章的正文，各不相同。\n"
