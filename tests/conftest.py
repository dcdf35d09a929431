from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data" / "raw"
PARSED = REPO / "data" / "parsed"
SEED_STATEMENT = RAW / "000_69cb1cc26018d543.txt"  # MFA joint statement page, 2012
SEED_NEWS = RAW / "002_03691b205a052196.txt"  # news.by report on a joint statement


@pytest.fixture(scope="session")
def seed_statement():
    import diplotext

    return diplotext.parse_file(SEED_STATEMENT)


@pytest.fixture(scope="session")
def seed_news():
    import diplotext

    return diplotext.parse_file(SEED_NEWS)

