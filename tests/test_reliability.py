"""Failure modes: random bytes, a killed process, unreadable files, symlinks, a full disk.

The example counts are bounded for CI; a longer fuzzing run:
ZHCLEAN_EXAMPLES=200000 python -m pytest tests/test_reliability.py
"""
from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhclean
from zhclean.cli import main
from zhclean.errors import DecodeError

from conftest import SAMPLES

EXAMPLES = int(os.environ.get("ZHCLEAN_EXAMPLES", 300))
REAL = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real file (GBK, Big5, UTF-8, mojibake), cut and with bytes flipped, inserted, removed."""
    data = bytearray(draw(st.sampled_from(REAL)))
    start = draw(st.integers(0, max(0, len(data) - 1)))
    data = data[start:start + draw(st.integers(0, 4000))]
    for _ in range(draw(st.integers(0, 8))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            data[i] = draw(st.integers(0, 255))
        elif action == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=4))
        else:
            del data[i]
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | mutated())
def test_decode_and_clean_of_any_bytes(data: bytes) -> None:
    try:
        result = zhclean.decode(data)
    except DecodeError:
        return
    assert isinstance(result.text, str)
    assert isinstance(zhclean.clean(data), str)
    out, err = io.BytesIO(), io.StringIO()
    code = main([], stdin=io.BytesIO(data), stdout=out, stderr=err)
    assert code in (0, 1) and "Traceback" not in err.getvalue()
    assert err.getvalue().count("\n") <= 1  # at most one error line


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300))
def test_clean_never_raises_on_any_str(text: str) -> None:  # lone surrogates included
    once = zhclean.clean(text)
    assert zhclean.clean(once) == once


def test_killed_mid_run_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    originals = {}
    for i in range(400):
        path = tmp_path / f"f{i:03d}.txt"
        data = ("浣犲ソ锛屼笘鐣岋紒第%d篇。\n" % i * 200).encode("utf-8")
        path.write_bytes(data)
        originals[path] = data
    proc = subprocess.Popen([sys.executable, "-m", "zhclean", "-i", "-q", *map(str, originals)])
    first = next(iter(originals))
    deadline = time.monotonic() + 60
    while proc.poll() is None and first.read_bytes() == originals[first] and time.monotonic() < deadline:
        time.sleep(0.01)  # until the first file is rewritten: then kill it mid-run
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = 0
    for path, data in originals.items():
        now = path.read_bytes()
        if now != data:  # rewritten: then whole, exactly the cleaned text
            assert now == zhclean.clean(data).encode("utf-8"), path
            done += 1
    assert 1 <= done < len(originals) or proc.returncode == 0  # killed mid-run (or, on a fast machine, done)


def test_unreadable_file_and_dangling_symlink(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("正文。\n", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("正文。\n", encoding="utf-8")
    locked.chmod(0)
    dangling = tmp_path / "link.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    try:
        out, err = io.BytesIO(), io.StringIO()
        code = main([str(locked), str(dangling), str(good)], stdout=out, stderr=err)
    finally:
        locked.chmod(0o644)
    lines = err.getvalue().splitlines()
    assert code == 2 and any(str(dangling) in ln for ln in lines)
    if os.geteuid() != 0:  # root reads anything
        assert len(lines) == 2 and str(locked) in lines[0]
        assert out.getvalue() == "正文。\n".encode("utf-8")
    else:
        assert len(lines) == 1 and out.getvalue() == "正文。\n正文。\n".encode("utf-8")


def test_full_disk_gives_one_line_and_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.txt"
    source.write_text("浣犲ソ锛屼笘鐣岋紒\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("正文。\n", encoding="utf-8")
    real_fsync = os.fsync
    calls = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    err = io.StringIO()
    code = main(["-i", str(source), str(other)], stdout=io.BytesIO(), stderr=err)
    assert code == 2
    assert err.getvalue().startswith(f"zhclean: {source}: cannot write") and err.getvalue().count("\n") == 1
    assert source.read_text(encoding="utf-8") == "浣犲ソ锛屼笘鐣岋紒\n"  # the old file, whole
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".zhclean-tmp")]


def test_jsonl_fields_never_name_files(tmp_path: Path) -> None:
    # a record cannot send output anywhere: fields are data, never paths
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "正文。", "path": "../../etc/passwd", "id": "../x"}\n', encoding="utf-8")
    out = io.BytesIO()
    assert main(["--jsonl", str(path)], stdout=out, stderr=io.StringIO()) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("中华人民共和国成立以来，经济社会发展取得了举世瞩目的成就。\n" * 20000, encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" -m zhclean "{big}" | head -1', shell=True, capture_output=True,
                          timeout=120)
    assert proc.stdout.decode("utf-8").startswith("中华人民共和国")
    assert b"Traceback" not in proc.stderr and b"Exception" not in proc.stderr
