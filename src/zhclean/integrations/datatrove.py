"""A datatrove pipeline step: ``zhclean[datatrove]``.

:class:`ZhcleanStep` cleans ``doc.text`` of every document, writes the report under
``doc.metadata["zhclean"]`` (changes, removed lines, metadata, flags) and counts what it
did with datatrove's ``stat_update``, so the same step runs on datatrove's local, Slurm and
Ray executors::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from zhclean.integrations.datatrove import ZhcleanStep

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), ZhcleanStep(script="zh-hans"), JsonlWriter("out/")],
                          tasks=8).run()

A document whose text zhclean empties (a page that was all boilerplate) is dropped and
counted as ``dropped_empty``, unless ``keep_empty=True``.
"""
from __future__ import annotations

from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..config import CleanConfig
from ..pipeline import Pipeline


class ZhcleanStep(PipelineStep):  # type: ignore[misc]
    """Clean the text of each document with zhclean."""

    name = "🧹 zhclean"
    type = "✂️ - FORMAT"

    def __init__(self, config: CleanConfig | None = None, report_key: str | None = "zhclean",
                 keep_empty: bool = False, **overrides: Any) -> None:
        super().__init__()
        self.pipeline = Pipeline(config, **overrides)
        self.report_key = report_key
        self.keep_empty = keep_empty

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            with self.track_time():
                result = self.pipeline.run(doc.text, explain=False)
            self.stat_update("documents")
            if result.text != doc.text:
                self.stat_update("changed")
            for step in {c.step for c in result.report.changes if c.action != "flag"}:
                self.stat_update(step)
            if result.report.removed:
                self.stat_update("lines_removed", value=len(result.report.removed))
            if result.report.flags:
                self.stat_update("flagged")
            doc.text = result.text
            if self.report_key:
                report = result.report.to_dict()
                report.pop("plan", None)
                doc.metadata[self.report_key] = report
            if not doc.text.strip() and not self.keep_empty:
                self.stat_update("dropped_empty")
                continue
            yield doc
