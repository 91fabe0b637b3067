"""JSON Lines: clean one field of every record, stream in, stream out, in parallel.

A corpus is a file of records, one JSON object a line. :func:`clean_jsonl` reads it a
line at a time, cleans the text of one field (``text`` by default; a field of bytes is
not JSON, so the text is cleaned as text), leaves every other field as it was, can add the
report under another field, and writes the records in their order. With ``jobs`` > 1 the
records go to worker processes in windows of batches, so that memory stays bounded however
large the file is and the output keeps the input's order.

A line that is not a JSON object, or whose field is not a string, is written out as it came
and counted as an error with its line number: nothing is lost.

>>> import io
>>> out = io.BytesIO()
>>> data = '{"id": 1, "text": "浣犲ソ锛屼笘鐣岋紒"}\\n{"id": 2, "text": "正文。"}\\n'.encode()
>>> summary = clean_jsonl(io.BytesIO(data), out, Pipeline())
>>> out.getvalue().decode()
'{"id": 1, "text": "你好，世界！"}\\n{"id": 2, "text": "正文。"}\\n'
>>> summary.documents, summary.changed
(2, 1)
"""
from __future__ import annotations

import contextlib
import functools
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, BinaryIO, TypeVar

from .pipeline import Pipeline
from .progress import Progress
from .report import CleanResult

T = TypeVar("T")
R = TypeVar("R")

#: Records per batch sent to a worker, and batches in flight per worker.
BATCH = 64
WINDOW_PER_JOB = 4


@dataclass
class Summary:
    """What a run did, for the line printed at its end."""

    documents: int = 0
    changed: int = 0
    encodings_repaired: int = 0
    converted: int = 0
    lines_removed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Summary) -> None:
        self.documents += other.documents
        self.changed += other.changed
        self.encodings_repaired += other.encodings_repaired
        self.converted += other.converted
        self.lines_removed += other.lines_removed
        self.errors += other.errors

    def count(self, before: str | bytes, result: CleanResult, changed: bool | None = None) -> None:
        self.documents += 1
        self.changed += (result.text != before) if changed is None else changed
        steps = {c.step for c in result.report.changes if c.action != "flag"}
        self.encodings_repaired += "repair_mojibake" in steps
        self.converted += "convert_script" in steps
        self.lines_removed += len(result.report.removed)

    def line(self) -> str:
        return (f"{self.documents} document(s), {self.changed} changed, {self.encodings_repaired} mojibake "
                f"repaired, {self.converted} converted, {self.lines_removed} line(s) removed"
                + (f", {len(self.errors)} error(s)" if self.errors else ""))


# The pipeline of a worker process, set once by the pool's initializer.
_WORKER: tuple[Pipeline, str, str | None, str] | None = None


def _init_worker(pipeline: Pipeline, text_field: str, report_field: str | None, name: str) -> None:
    global _WORKER
    _WORKER = (pipeline, text_field, report_field, name)


def _clean_batch(batch: list[tuple[int, bytes]]) -> tuple[list[bytes], Summary]:
    assert _WORKER is not None
    return clean_records(batch, *_WORKER)


def parse_record(line: bytes, text_field: str) -> tuple[dict[str, Any] | None, str | None, str]:
    """(record, its text, "") for a JSON object with a string ``text_field``; otherwise
    (None, None, what is wrong with the line)."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, None, "not a JSON line"
    text = record.get(text_field) if isinstance(record, dict) else None
    if not isinstance(text, str):
        return None, None, f"no string field {text_field!r}"
    return record, text, ""


def record_texts(source: Iterable[bytes], text_field: str = "text") -> Iterator[str]:
    """The texts of the records of a JSON Lines stream; other lines are passed over."""
    for line in source:
        _, text, _ = parse_record(line, text_field)
        if text is not None:
            yield text


def ordered_map(fn: Callable[[T], R], items: Iterable[T], pool: Executor | None = None,
                window: int = 1) -> Iterator[tuple[T, R]]:
    """(item, fn(item)) in the order of ``items``; with a pool, a sliding window of at most
    ``window`` items in flight: the oldest is yielded as soon as it is done and another
    submitted, so workers never wait for a whole window and memory stays bounded."""
    if pool is None:
        for item in items:
            yield item, fn(item)
        return
    inflight: deque[tuple[T, Future[R]]] = deque()
    for item in items:
        inflight.append((item, pool.submit(fn, item)))
        if len(inflight) >= window:
            first, future = inflight.popleft()
            yield first, future.result()
    while inflight:
        first, future = inflight.popleft()
        yield first, future.result()


def clean_records(batch: Iterable[tuple[int, bytes]], pipeline: Pipeline, text_field: str = "text",
                  report_field: str | None = None, name: str = "<input>") -> tuple[list[bytes], Summary]:
    """Clean numbered JSONL lines; returns the output lines and what was done."""
    out: list[bytes] = []
    summary = Summary()
    for number, raw in batch:
        line = raw.rstrip(b"\r\n")
        if not line.strip():
            out.append(raw if raw.endswith(b"\n") else raw + b"\n")
            continue
        record, text, problem = parse_record(line, text_field)
        if problem:
            summary.errors.append(f"{name}:{number}: {problem}; written as it came")
            out.append(line + b"\n")
            continue
        assert record is not None and text is not None
        result = pipeline.run(text, explain=report_field is not None)
        summary.count(text, result)
        record[text_field] = result.text
        if report_field is not None:
            report = result.report.to_dict()
            report.pop("plan", None)
            record[report_field] = report
        out.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return out, summary


def _batches(lines: Iterable[bytes]) -> Iterator[list[tuple[int, bytes]]]:
    numbered = enumerate(lines, 1)
    while batch := list(islice(numbered, BATCH)):
        yield batch


def clean_jsonl(source: BinaryIO, target: BinaryIO, pipeline: Pipeline, text_field: str = "text",
                report_field: str | None = None, jobs: int = 1, name: str = "<input>",
                progress: Progress | None = None) -> Summary:
    """Stream ``source`` to ``target``, cleaning ``text_field`` of each record."""
    summary = Summary()
    with contextlib.ExitStack() as stack:
        pool = None
        if jobs > 1:
            pool = stack.enter_context(ProcessPoolExecutor(
                jobs, initializer=_init_worker, initargs=(pipeline, text_field, report_field, name)))
            work: Callable[[list[tuple[int, bytes]]], tuple[list[bytes], Summary]] = _clean_batch
        else:
            work = functools.partial(clean_records, pipeline=pipeline, text_field=text_field,
                                     report_field=report_field, name=name)
        for batch, (lines, done) in ordered_map(work, _batches(source), pool, jobs * WINDOW_PER_JOB):
            target.writelines(lines)
            summary.add(done)
            if progress is not None:
                progress.update(len(batch), sum(len(raw) for _, raw in batch))
    return summary
