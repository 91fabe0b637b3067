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

import json
from collections.abc import Iterable, Iterator
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from .pipeline import Pipeline
from .progress import Progress
from .report import CleanResult

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
_WORKER: tuple[Pipeline, str, str | None] | None = None


def _init_worker(pipeline: Pipeline, text_field: str, report_field: str | None) -> None:
    global _WORKER
    _WORKER = (pipeline, text_field, report_field)


def _clean_batch(batch: list[tuple[int, bytes]]) -> tuple[list[bytes], Summary]:
    assert _WORKER is not None
    return clean_records(batch, *_WORKER)


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
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError):
            summary.errors.append(f"{name}:{number}: not a JSON line; written as it came")
            out.append(line + b"\n")
            continue
        text = record.get(text_field) if isinstance(record, dict) else None
        if not isinstance(text, str):
            summary.errors.append(f"{name}:{number}: no string field {text_field!r}; written as it came")
            out.append(line + b"\n")
            continue
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
    if jobs <= 1:
        for batch in _batches(source):
            lines, done = clean_records(batch, pipeline, text_field, report_field, name)
            target.writelines(lines)
            summary.add(done)
            if progress is not None:
                progress.update(len(batch), sum(len(raw) for _, raw in batch))
        return summary
    # A sliding window of batches in flight: the oldest is written as soon as it is done
    # and a new one submitted, so workers never wait for a whole window, memory holds at
    # most `window` batches, and the output keeps the input's order.
    window = jobs * WINDOW_PER_JOB
    with ProcessPoolExecutor(jobs, initializer=_init_worker,
                             initargs=(pipeline, text_field, report_field)) as pool:
        inflight: deque[tuple[int, int, Future[tuple[list[bytes], Summary]]]] = deque()

        def finish() -> None:
            count, size, future = inflight.popleft()
            _write(future.result(), target, summary, name)
            if progress is not None:
                progress.update(count, size)

        for batch in _batches(source):
            inflight.append((len(batch), sum(len(raw) for _, raw in batch), pool.submit(_clean_batch, batch)))
            if len(inflight) >= window:
                finish()
        while inflight:
            finish()
    return summary


def _write(done: tuple[list[bytes], Summary], target: BinaryIO, summary: Summary, name: str) -> None:
    lines, counts = done
    target.writelines(lines)
    counts.errors = [e.replace("<input>", name, 1) for e in counts.errors]
    summary.add(counts)
