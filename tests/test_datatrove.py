"""A real datatrove pipeline (reader -> zhclean step -> writer) on the local executor."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from zhclean.integrations.datatrove import ZhcleanStep


def test_local_executor_with_two_tasks(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for part in range(2):
        with open(source / f"part{part}.jsonl", "w", encoding="utf-8") as f:
            for i in range(5):
                text = "浣犲ソ锛屼笘鐣岋紒" if i == 0 else f"後來，第{part}部分第{i}篇。\n京ICP备12345678号"
                f.write(json.dumps({"id": f"{part}-{i}", "text": text}, ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": f"{part}-empty", "text": "版权所有 某某网"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), ZhcleanStep(script="zh-hans"), JsonlWriter(str(out))],
        tasks=2, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = {}
    for path in out.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                docs[record["id"]] = record
    assert len(docs) == 10  # the two all-boilerplate documents are dropped
    assert docs["0-0"]["text"] == "你好，世界！"
    assert docs["1-3"]["text"] == "后来，第1部分第3篇。\n"
    report = docs["1-3"]["metadata"]["zhclean"]
    assert {c["step"] for c in report["changes"]} >= {"convert_script", "strip_boilerplate"}
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "zhclean" in s["name"])
    assert step["stats"]["documents"] == 12 and step["stats"]["dropped_empty"] == 2
