from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zhclean.cli import main
from conftest import ROOT, SAMPLES

GBK = "娄底市委书记与有关部门会商，集中智慧。\n".encode("gbk")


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_filter() -> None:
    code, out, err = run([], stdin="浣犲ソ锛屼笘鐣岋紒\n".encode("utf-8"))
    assert (code, out, err) == (0, "你好，世界！\n".encode("utf-8"), "")


def test_dash_is_stdin() -> None:
    code, out, _ = run(["-", "--script", "zh-hant"], stdin="后来".encode("utf-8"))
    assert code == 0 and out.decode("utf-8") == "後來"


def test_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(GBK)
    dst = tmp_path / "out" / "result.txt"
    code, out, err = run(["-o", str(dst), str(src)])
    assert code == 0 and out == b"", err
    assert dst.read_text(encoding="utf-8") == GBK.decode("gbk")
    assert src.read_bytes() == GBK


def test_output_dir_mirrors_tree(tmp_path: Path) -> None:
    (tmp_path / "raw" / "sub").mkdir(parents=True)
    (tmp_path / "raw" / "a.txt").write_bytes(GBK)
    (tmp_path / "raw" / "sub" / "b.txt").write_bytes(GBK)
    (tmp_path / "raw" / "sub" / "c.log").write_bytes(GBK)
    code, _, err = run(["-r", "--include", "*.txt", "-O", str(tmp_path / "clean"), str(tmp_path / "raw")])
    assert code == 0, err
    assert (tmp_path / "clean" / "a.txt").read_text(encoding="utf-8") == GBK.decode("gbk")
    assert (tmp_path / "clean" / "sub" / "b.txt").exists()
    assert not (tmp_path / "clean" / "sub" / "c.log").exists()


def test_in_place_with_backup_keeps_mode(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(GBK)
    os.chmod(f, 0o640)
    code, out, err = run(["-i", "--backup", str(f)])
    assert code == 0 and out == b"", err
    assert f.read_text(encoding="utf-8") == GBK.decode("gbk")
    assert (tmp_path / "page.txt.orig").read_bytes() == GBK
    assert f.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if "zhclean-tmp" in p.name] == []


def test_check(tmp_path: Path) -> None:
    dirty = tmp_path / "dirty.txt"
    dirty.write_bytes(GBK)
    clean = tmp_path / "clean.txt"
    clean.write_text("已经干净的文本。\n", encoding="utf-8")
    code, out, _ = run(["--check", str(clean)])
    assert (code, out) == (0, b"")
    code, out, _ = run(["--check", str(clean), str(dirty)])
    assert code == 1 and out.decode() == f"would change: {dirty}\n"
    assert dirty.read_bytes() == GBK


def test_diff(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("你好,世界\n", encoding="utf-8")
    code, out, _ = run(["--diff", str(f)])
    assert code == 0
    assert "-你好,世界\n+你好，世界\n" in out.decode("utf-8")


def test_detect(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(GBK)
    code, out, _ = run(["--detect", "--json", str(f)])
    row = json.loads(out)
    assert code == 0 and row["encoding"] == "gb18030" and row["input"] == str(f)
    code, out, _ = run(["--detect", str(f)])
    assert out.decode() == f"{f}: gb18030 (confidence 0.99, detected)\n"
    code, out, err = run(["--detect", "-e", "utf-8", str(f)])
    assert code == 1 and "not valid utf-8" in err  # a forced encoding fails loudly


def test_explain_goes_to_stderr() -> None:
    code, out, err = run(["--explain", "--script", "zh-hans", str(SAMPLES / "loudi-steel-city.txt")])
    report = json.loads(err)
    assert code == 0 and out
    assert report["metadata"]["source"] == "中国产业经济信息网"
    assert any(r["reason"].startswith("footer") for r in report["removed"])


def test_flags_map_to_config() -> None:
    text = "  你好,世界\n".encode("utf-8")
    assert run(["--no-fullwidth-punctuation", "--no-strip-indentation"], stdin=text)[1] == text
    assert run(["--preset", "display"], stdin=text)[1] == text
    assert run(["--max-blank-lines", "0"], stdin=b"a\n\n\nb\n")[1] == b"a\nb\n"


def test_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.zhclean]\nscript = "zh-hant"\nfullwidth-punctuation = false\n', encoding="utf-8")
    code, out, err = run(["--config", str(cfg)], stdin="后来,好".encode("utf-8"))
    assert code == 0, err
    assert out.decode("utf-8") == "後來,好"
    # flags win over the file
    assert run(["--config", str(cfg), "--script", "keep"], stdin="后来".encode("utf-8"))[1].decode() == "后来"


@pytest.mark.parametrize("argv,message", [
    (["--script", "klingon"], "unknown script target"),
    (["-o", "x", "-i", "y"], "choose one of -o, -O and -i"),
    (["--backup", "x"], "--backup goes with -i"),
    (["-i"], "-i needs files"),
    (["--check", "--diff", "x"], "choose one of --check, --diff and --detect"),
    (["--json", "x"], "--json goes with --detect"),
])
def test_usage_errors(argv: list[str], message: str) -> None:
    code, out, err = run(argv)
    assert code == 2 and out == b""
    assert err.startswith("zhclean: ") and message in err and err.count("\n") == 1


def test_bad_config_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("script = \n", encoding="utf-8")
    code, _, err = run(["--config", str(bad)])
    assert code == 2 and "not valid TOML" in err
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'red'\n", encoding="utf-8")
    code, _, err = run(["--config", str(unknown)])
    assert code == 2 and "colour" in err


def test_errors_name_the_input_and_other_files_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(GBK)
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    directory = tmp_path / "dir"
    directory.mkdir()
    code, out, err = run([str(tmp_path / "missing.txt"), str(binary), str(good), str(directory)])
    assert code == 2
    lines = err.splitlines()
    assert any(str(tmp_path / "missing.txt") in ln and "no such file" in ln for ln in lines)
    assert any(str(binary) in ln and "binary" in ln for ln in lines)
    assert any(str(directory) in ln and "-r" in ln for ln in lines)
    assert out.decode("utf-8") == GBK.decode("gbk")
    assert "Traceback" not in err


def test_decode_failure_exit_codes(tmp_path: Path) -> None:
    # binary data is an error of the run (2, and 1 for --check); text that a forced
    # encoding cannot decode is a failed input (1)
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    code, _, err = run([str(binary)])
    assert code == 2 and err.count("\n") == 1 and "binary" in err
    assert run(["--check", str(binary)])[0] == 1
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(GBK)
    code, _, err = run(["-e", "utf-8", str(gbk)])
    assert code == 1 and err.count("\n") == 1


def test_refuses_output_onto_input(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(GBK)
    code, _, err = run(["-o", str(f), str(f)])
    assert code == 2 and "use -i" in err
    assert f.read_bytes() == GBK


def test_forced_encoding_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(GBK)
    code, _, err = run(["-e", "utf-8", str(f)])
    assert code == 1 and "not valid utf-8" in err


def test_subprocess_smoke(tmp_path: Path) -> None:
    """The installed command and `python -m zhclean` both run."""
    result = subprocess.run([sys.executable, "-m", "zhclean", "--script", "zh-hans",
                             str(SAMPLES / "loudi-steel-city.txt")], capture_output=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr.decode()
    expected = (SAMPLES / "loudi-steel-city.expected.zh-hans.txt").read_bytes()
    assert result.stdout == expected
    result = subprocess.run([sys.executable, "-m", "zhclean", str(tmp_path / "nope.txt")],
                            capture_output=True, check=False)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"zhclean: {tmp_path / 'nope.txt'}: no such file"


def test_phrases_flag(tmp_path: Path) -> None:
    phrases = tmp_path / "phrases.tsv"
    phrases.write_text("蘋果日報\t蘋果日報\n", encoding="utf-8")
    code, out, err = run(["--script", "zh-hans", "--phrases", str(phrases)], stdin="據蘋果日報報道".encode("utf-8"))
    assert code == 0, err
    assert out.decode("utf-8") == "据蘋果日報报道"
    code, _, err = run(["--phrases", str(tmp_path / "missing.tsv")], stdin=b"x")
    assert code == 2 and "cannot read phrases" in err


@pytest.mark.parametrize("argv,before,after", [
    ([], "⼈⼯ 中 华 人 民 共 和 国", "人工中华人民共和国"),
    (["--no-remove-cjk-spaces"], "中 华 人 民 共 和 国", "中 华 人 民 共 和 国"),
    (["--no-unify-radicals"], "⼈⼯", "⼈⼯"),
    (["--halfwidth-alnum"], "ＡＢＣ１２３", "ABC123"),
    (["--curly-quotes"], '他说"你好"', "他说“你好”"),
    (["--no-unescape"], "&lt;中文&gt;", "&lt;中文&gt;"),
    (["--preset", "display"], "  你好,世界", "  你好,世界"),
])
def test_normalize_rule_flags(argv: list[str], before: str, after: str) -> None:
    code, out, err = run(argv + ["--script", "keep", "--no-strip-boilerplate"], stdin=(before + "\n").encode("utf-8"))
    assert (code, out.decode("utf-8"), err) == (0, after + "\n", "")


def test_learn_boilerplate_and_profile(tmp_path: Path) -> None:
    pages = tmp_path / "site"
    pages.mkdir()
    for i in range(5):
        (pages / f"p{i}.txt").write_text(
            f"网站导航\n首页 | 新闻 | 体育\n第{i}篇文章\n这是第{i}篇文章的正文，内容各不相同。\n友情链接：某某网\n", encoding="utf-8")
    profile = tmp_path / "site.json"
    out = tmp_path / "out"
    code, _, err = run(["--learn-boilerplate", "--profile", str(profile), "-O", str(out), "-r", str(pages)])
    assert (code, err) == (0, "")
    assert (out / "p0.txt").read_text(encoding="utf-8") == "第0篇文章\n这是第0篇文章的正文，内容各不相同。\n"
    # the saved profile serves a later run on a page of the same site
    code, text, _ = run(["--profile", str(profile)], stdin="网站导航\n新文章的正文。\n".encode("utf-8"))
    assert (code, text.decode("utf-8")) == (0, "新文章的正文。\n")
    code, _, err = run(["--profile", str(tmp_path / "missing.json")], stdin=b"x")
    assert code == 2 and err.startswith("zhclean: ") and "missing.json" in err and err.count("\n") == 1
