from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = Path(__file__).resolve().parent / "cases"
DATA = Path(__file__).resolve().parent / "data"


def load_cases(name: str) -> list[dict[str, object]]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture
def samples() -> Path:
    return SAMPLES
