"""Catalog updates from the central API: only a valid, compatible, strictly newer one is used."""

import copy
import datetime as dt
import json
import sqlite3

import pytest

from kiosk import resources
from kiosk.catalog_store import CatalogStore, open_store
from kiosk.domain import catalog as cat
from kiosk.domain.catalog_update import MAX_BYTES, decide_update
from offline_cache.catalog_cache import CatalogCache

BUNDLED = resources.load_json(cat.BUNDLED_PATH)
NOW = dt.datetime(2025, 7, 1, 9, 30, tzinfo=dt.UTC)


def _catalog_bytes(version: str, **changes) -> bytes:
    data = copy.deepcopy(BUNDLED)
    data["version"] = version
    data.update(changes)
    data["services"][0]["name"]["en"] = f"Entry visa request (catalog {version})"
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def cache_file(tmp_path):
    return tmp_path / "catalog.sqlite3"


def test_a_newer_valid_catalog_is_accepted_cached_and_used_after_a_restart(cache_file):
    store = CatalogStore(CatalogCache(cache_file))
    assert store.catalog.version == BUNDLED["version"] and store.etag is None

    decision = store.offer(_catalog_bytes("2025.7.0"), '"abc123"', now=NOW)

    assert decision.accepted and decision.reason is None
    assert store.catalog.version == "2025.7.0" and store.etag == '"abc123"'
    restarted = CatalogStore(CatalogCache(cache_file))
    assert restarted.catalog.version == "2025.7.0"
    assert restarted.catalog.service("visa.entry").name.en.endswith("(catalog 2025.7.0)")
    assert restarted.etag == '"abc123"'
    assert CatalogCache(cache_file).load().fetched_at == NOW


@pytest.mark.parametrize(
    "raw,code",
    [
        (b"", "catalog.not_json"),
        (b'{"version": "2025.7.0", "serv', "catalog.not_json"),
        (b"\xff\xfe\x00garbage", "catalog.not_json"),
        (json.dumps({"version": "9.0", "services": []}).encode(), "catalog.schema"),
        (_catalog_bytes("2025.7.0", schema_version=2), "catalog.incompatible"),
        (_catalog_bytes("2025.6.5"), "catalog.not_newer"),
        (_catalog_bytes("2025.6.1"), "catalog.not_newer"),
        (_catalog_bytes("2024.12.31"), "catalog.not_newer"),
        (b" " * (MAX_BYTES + 1), "catalog.too_large"),
    ],
    ids=[
        "empty",
        "truncated",
        "not-utf8",
        "not-our-schema",
        "incompatible-schema",
        "same-version",
        "older",
        "older-year",
        "too-large",
    ],
)
def test_a_bad_update_is_refused_with_a_reason_and_the_cached_one_stays(cache_file, raw, code):
    store = CatalogStore(CatalogCache(cache_file))
    assert store.offer(_catalog_bytes("2025.6.5"), '"v65"', now=NOW).accepted  # the cached one
    before = CatalogCache(cache_file).load()

    decision = store.offer(raw, '"new"', now=NOW)

    assert not decision.accepted
    assert decision.reason.code == code
    assert decision.reason.message.ar and decision.reason.message.en
    assert store.catalog.version == "2025.6.5" and store.etag == '"v65"'
    assert CatalogCache(cache_file).load() == before


def test_versions_compare_as_numbers_not_as_text():
    current = cat.parse(_catalog_bytes("2025.9.0"))
    assert decide_update(_catalog_bytes("2025.10.0"), None, current).accepted
    assert not decide_update(_catalog_bytes("2025.8.99"), None, current).accepted


def test_a_cache_older_than_the_bundled_catalog_is_ignored(cache_file):
    CatalogCache(cache_file).save(_catalog_bytes("2020.1").decode(), "2020.1", '"old"', NOW)
    store = CatalogStore(CatalogCache(cache_file))
    assert store.catalog.version == BUNDLED["version"] and store.etag is None


def test_a_corrupt_cache_falls_back_to_the_bundled_catalog(cache_file):
    CatalogCache(cache_file).save('{"version": "2099.1", "services": [', "2099.1", '"x"', NOW)
    assert CatalogStore(CatalogCache(cache_file)).catalog.version == BUNDLED["version"]
    with sqlite3.connect(cache_file) as conn:
        conn.execute("update catalog_cache set fetched_at = 'yesterday'")
    assert CatalogCache(cache_file).load() is None
    assert CatalogStore(CatalogCache(cache_file)).catalog.version == BUNDLED["version"]


def test_the_store_opens_in_the_configured_data_directory(kiosk_config):
    assert open_store(kiosk_config, create=False).cache is None
    store = open_store(kiosk_config)
    assert store.offer(_catalog_bytes("2026.1"), '"e"', now=NOW).accepted
    assert open_store(kiosk_config, create=False).catalog.version == "2026.1"
