"""Search latency at scale: p50/p95 of five typical queries over N synthetic researchers (SQLite, PostgreSQL).

Seeding a million researchers through the services would take days, so the researcher rows and the search
tables (``search_document``, ``search_entry`` and the backend's full-text structures) are written directly
in bulk: executemany on SQLite (FTS5 rebuilt once at the end), COPY on PostgreSQL, with the secondary
indexes dropped during the load and rebuilt after it. The rows are what ``orchid.search.index`` would write
for such records (folded bodies, one entry per value, put codes on activity entries). Distributions:
Zipf-like family and given names (a few very common names, a long tail), organizations shared with a Zipf
tail (so ``affiliation-org-name:"..."`` and ``ror-org-id`` match crowds for the big universities), 0-3
affiliations and a geometric number of works (mean 2) with unique DOIs per researcher.

The seeded database is cached under var/bench/search/<db>-<N>/ (an SQLite file, or the data directory of a
kept PostgreSQL cluster on a Unix socket, as bench/api.py does) and reused while its fingerprint (size,
seed version, search migrations) matches.

Queries run through ``orchid.search.api.search_results`` (what GET /v3.0/search calls) as an anonymous
Public API caller, with the API's default ``rows`` (1000), each sample value once as a warm-up and then
``--repeat`` times; ``--http`` also times a few through the Django test client (the whole view stack).

    .venv/bin/python bench/search.py --db sqlite|postgres|both --researchers 100000 [--samples 40]
                                     [--repeat 3] [--seed-only] [--http] [--explain]

Targets (issue 5): p95 < 50 ms at 1M researchers on PostgreSQL, < 100 ms on SQLite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VAR = ROOT / "var" / "bench" / "search"
#: Per database: the SQLite layout changed in version 2 (fielded FTS5 tokens, entry ids naming researchers).
SEED_VERSION = {"sqlite": 2, "postgres": 1}
TARGET_MS = {"sqlite": 100.0, "postgres": 50.0}
CHUNK = 5000  # researchers per insert batch
DOCUMENT_COLUMNS = ["researcher_id", "orcid", "submitted", "modified", "display"]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------
# Synthetic people


SYLLABLES = [
    "ka",
    "lo",
    "ber",
    "mi",
    "ta",
    "ren",
    "so",
    "vi",
    "da",
    "ne",
    "ru",
    "ham",
    "gar",
    "wen",
    "li",
    "chi",
    "son",
    "ma",
    "rek",
    "tor",
    "bel",
    "an",
    "jo",
    "sil",
    "var",
    "mun",
    "dor",
    "fel",
    "pa",
    "ko",
    "zu",
    "ri",
    "el",
    "ost",
    "nik",
    "lan",
    "bri",
    "cha",
    "mor",
    "qui",
    "sten",
    "ul",
    "ya",
    "fer",
    "gus",
    "hol",
    "wat",
]
ORG_PATTERNS = (
    "University of {}",
    "{} University",
    "{} Institute of Technology",
    "{} Medical Center",
    "{} Research Council",
    "{} College",
)


def words(rng: random.Random, count: int, low: int, high: int) -> list[str]:
    """`count` distinct made-up words of `low`..`high` syllables (single tokens once folded)."""
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))))
    chosen = sorted(found)
    rng.shuffle(chosen)
    return chosen


def zipf_weights(count: int, exponent: float, offset: float) -> list[float]:
    """Cumulative weights of ranks 1..count under 1/(rank+offset)^exponent (offset flattens the head)."""
    return list(accumulate(1.0 / (rank + offset) ** exponent for rank in range(1, count + 1)))


@dataclass
class Universe:
    family: list[str]
    family_weights: list[float]
    given: list[str]
    given_weights: list[float]
    orgs: list[tuple[str, str]]  # (name, ROR id)
    org_weights: list[float]
    vocabulary: list[str]
    prefixes: list[str]


def universe(rng: random.Random) -> Universe:
    family = words(rng, 80_000, 2, 4)
    given = [w.title() for w in words(rng, 6_000, 2, 3)]
    places = [w.title() for w in words(rng, 20_000, 2, 4)]
    orgs = []
    for index, place in enumerate(places):
        ror = (
            "0"
            + "".join(rng.choice("0123456789abcdefghjkmnpqrstvwxyz") for _ in range(6))
            + f"{index % 100:02d}"
        )
        orgs.append((ORG_PATTERNS[index % len(ORG_PATTERNS)].format(place), f"https://ror.org/{ror}"))
    return Universe(
        family=[w.title() for w in family],
        family_weights=zipf_weights(len(family), 1.0, 30.0),  # the commonest name: ~0.3% of people
        given=given,
        given_weights=zipf_weights(len(given), 1.0, 10.0),
        orgs=orgs,
        org_weights=zipf_weights(len(orgs), 1.0, 5.0),  # the biggest organization: ~1.5% of people
        vocabulary=words(rng, 8_000, 2, 4),
        prefixes=[f"10.{rng.randint(1000, 99999)}" for _ in range(3_000)],
    )


@dataclass
class Person:
    pk: int
    orcid: str
    given: str
    family: str
    affiliations: list[tuple[str, str, bool]]  # (name, ROR, current)
    works: list[tuple[str, str]]  # (title, DOI)
    created: datetime


def people(count: int, seed: int = 20261121) -> Iterator[list[Person]]:
    from orchid.ids import format_base

    rng = random.Random(seed)
    world = universe(rng)
    epoch = datetime(2012, 10, 16, tzinfo=UTC)
    span = (datetime(2026, 11, 1, tzinfo=UTC) - epoch).total_seconds()
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        families = rng.choices(world.family, cum_weights=world.family_weights, k=size)
        givens = rng.choices(world.given, cum_weights=world.given_weights, k=size)
        batch = []
        for offset in range(size):
            pk = start + offset + 1
            n_affiliations = rng.choices((0, 1, 2, 3), weights=(20, 50, 25, 5))[0]
            orgs = rng.choices(world.orgs, cum_weights=world.org_weights, k=n_affiliations)
            affiliations = [(name, ror, index == 0) for index, (name, ror) in enumerate(orgs)]
            works = []
            while rng.random() < 2 / 3:  # geometric: mean 2 works
                title = " ".join(rng.choices(world.vocabulary, k=rng.randint(3, 9))).capitalize()
                doi = f"{rng.choice(world.prefixes)}/j.{pk}.{len(works) + 1}.{rng.randint(100, 999)}"
                works.append((title, doi))
            batch.append(
                Person(
                    pk=pk,
                    orcid=format_base(9_000_000_000 + pk * 7),
                    given=givens[offset],
                    family=families[offset],
                    affiliations=affiliations,
                    works=works,
                    created=epoch + timedelta(seconds=span * pk / count),
                )
            )
        yield batch


def entries(person: Person, next_put_code: list[int]) -> Iterator[tuple[int | None, str, str]]:
    """(put code, field, value) as orchid.search.extract produces them for such a record."""
    yield None, "orcid", person.orcid
    yield None, "given-names", person.given
    yield None, "family-name", person.family
    yield None, "given-and-family-names", f"{person.given} {person.family}"
    for name, ror, current in person.affiliations:
        next_put_code[0] += 1
        put_code = next_put_code[0]
        yield put_code, "affiliation-org-name", name
        kind = "current" if current else "past"
        yield put_code, f"{kind}-institution-affiliation-name", name
        yield put_code, "ror-org-id", ror
    for title, doi in person.works:
        next_put_code[0] += 1
        put_code = next_put_code[0]
        yield put_code, "work-titles", title
        for name in ("doi", "doi-self", "digital-object-ids"):
            yield put_code, name, doi


def display(person: Person) -> str:
    current = sorted({name for name, _, now in person.affiliations if now})
    past = sorted({name for name, _, now in person.affiliations if not now})
    return json.dumps(
        {
            "orcid": person.orcid,
            "given-names": person.given,
            "family-names": person.family,
            "credit-name": None,
            "other-name": [],
            "email": [],
            "current-institution-affiliation-name": current,
            "past-institution-affiliation-name": past,
            "institution-name": sorted(set(current) | set(past)),
        }
    )


# ---------------------------------------------------------------------------------------------------------
# Seeding


def researcher_columns() -> tuple[list[str], dict[str, Any]]:
    """Every column of the researcher table and the database value of each default."""
    from django.db import connection

    from orchid.records.models import Researcher

    columns: list[str] = []
    defaults: dict[str, Any] = {}
    for field in Researcher._meta.concrete_fields:
        columns.append(field.column)
        if field.primary_key:
            continue  # set per row
        if field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        else:
            value = ""
        defaults[field.column] = field.get_db_prep_save(value, connection)
    return columns, defaults


def secondary_indexes(cursor: Any, vendor: str, table: str) -> list[tuple[str, str]]:
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [table],
        )
    else:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT LIKE %s",
            [table, "%pkey"],
        )
    return list(cursor.fetchall())


def seed(count: int) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection, transaction

    from orchid.search.backends import for_vendor
    from orchid.search.models import ENTRY_ID_BITS
    from orchid.search.text import body

    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    backend = for_vendor(vendor)
    columns, defaults = researcher_columns()
    samples: dict[str, list[str]] = {"family": [], "given_family": [], "org": [], "ror": [], "doi": []}
    sample_rng = random.Random(7)
    sample_every = max(1, count // 400)
    put_code = [0]
    entry_count = 0
    started = time.perf_counter()
    with connection.cursor() as cursor:
        dropped = secondary_indexes(cursor, vendor, "search_entry")
        for name, _ in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
        if vendor == "sqlite":  # FTS5 is filled once at the end (populate_sql), not row by row
            for statement in backend.reverse_sql():
                cursor.execute(statement)
    if vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")  # a cache that can be reseeded
    raw = connection.connection
    for batch in people(count):
        researcher_rows = []
        document_rows = []
        entry_rows = []
        for person in batch:
            created = person.created
            values = {
                **defaults,
                "id": person.pk,
                "orcid": person.orcid,
                "given_names": person.given,
                "family_name": person.family,
                "created_at": created,
                "last_modified": created,
            }
            if vendor == "sqlite":
                values["created_at"] = values["last_modified"] = connection.ops.adapt_datetimefield_value(
                    created
                )
            researcher_rows.append(tuple(values[column] for column in columns))
            document_rows.append(
                (person.pk, person.orcid, values["created_at"], values["last_modified"], display(person))
            )
            for ordinal, (item, name, value) in enumerate(entries(person, put_code), start=1):
                entry_count += 1
                entry_rows.append(
                    ((person.pk << ENTRY_ID_BITS) + ordinal, person.pk, item, name, body(value))
                )
            if person.pk % sample_every == 0 and len(samples["family"]) < 400:
                samples["family"].append(person.family)
                samples["given_family"].append(f"{person.given}|{person.family}")
                if person.affiliations:
                    samples["org"].append(sample_rng.choice(person.affiliations)[0])
                    samples["ror"].append(sample_rng.choice(person.affiliations)[1])
                if person.works:
                    samples["doi"].append(sample_rng.choice(person.works)[1])
        with transaction.atomic():
            write(raw, vendor, "records_researcher", columns, researcher_rows)
            write(raw, vendor, "search_document", DOCUMENT_COLUMNS, document_rows)
            write(
                raw, vendor, "search_entry", ["id", "researcher_id", "put_code", "field", "body"], entry_rows
            )
        if batch[-1].pk % 100_000 < CHUNK:
            elapsed = time.perf_counter() - started
            log(f"seeded {batch[-1].pk:,} researchers, {entry_count:,} entries ({elapsed:.0f} s)")
    log("rebuilding the entry indexes")
    with connection.cursor() as cursor:
        for _, definition in dropped:
            cursor.execute(definition)
        if vendor == "sqlite":
            log("building the FTS5 table")
            for statement in [*backend.schema_sql(connection), *backend.populate_sql()]:
                cursor.execute(statement)
        else:
            cursor.execute("SELECT setval(pg_get_serial_sequence('records_researcher', 'id'), %s)", [count])
    log("ANALYZE")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "researchers": count,
        "entries": entry_count,
        "samples": samples,
        "seconds": time.perf_counter() - started,
    }


def write(raw: Any, vendor: str, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    if vendor == "sqlite":
        marks = ", ".join("?" for _ in columns)
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        return
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


# ---------------------------------------------------------------------------------------------------------
# Measuring


def queries(samples: dict[str, list[str]], count: int) -> dict[str, list[str]]:
    def quoted(value: str) -> str:
        return '"' + value.replace('"', '\\"') + '"'

    pick = {key: values[:count] for key, values in samples.items()}
    return {
        "family-name:X": [f"family-name:{v}" for v in pick["family"]],
        "given-names:X AND family-name:Y": [
            f"given-names:{v.split('|')[0]} AND family-name:{v.split('|')[1]}" for v in pick["given_family"]
        ],
        'affiliation-org-name:"phrase"': [f"affiliation-org-name:{quoted(v)}" for v in pick["org"]],
        "ror-org-id:...": [f"ror-org-id:{quoted(v)}" for v in pick["ror"]],
        "doi-self:...": [f"doi-self:{quoted(v)}" for v in pick["doi"]],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(kind: str, info: dict[str, Any], args: argparse.Namespace) -> None:
    from orchid.records.viewer import Viewer
    from orchid.search.api import search_results

    viewer = Viewer.anonymous()
    print(f"\n{kind}: {info['researchers']:,} researchers, {info['entries']:,} search entries")
    print(f"{'query':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'num-found median/max':>22}  target")
    for label, qs in queries(info["samples"], args.samples).items():
        timings: list[float] = []
        found: list[int] = []
        for q in qs:
            search_results({"q": q}, viewer)  # warm-up: the page cache, not the result
            for _ in range(args.repeat):
                began = time.perf_counter()
                result = search_results({"q": q}, viewer)
                timings.append((time.perf_counter() - began) * 1000)
            found.append(result.num_found)
        p95 = percentile(timings, 0.95)
        verdict = "ok" if p95 < TARGET_MS[kind] else f"MISSED (< {TARGET_MS[kind]:.0f} ms)"
        print(
            f"{label:34} {percentile(timings, 0.5):8.1f} {p95:8.1f} {max(timings):8.1f} "
            f"{statistics.median(found):>12.0f}/{max(found):<9d}  {verdict}",
            flush=True,
        )
        if args.explain:
            explain(qs[0])
    if args.http:
        http(info)


def explain(q: str) -> None:
    from django.db import connection

    from orchid.search.backends import for_vendor
    from orchid.search.query import compile_query

    where = compile_query(q, for_vendor(connection.vendor))
    sql = f"SELECT d.orcid FROM search_document d WHERE {where.text} ORDER BY d.researcher_id LIMIT 1000"
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, list(where.params))
        for row in cursor.fetchall():
            print("    " + " | ".join(str(part) for part in row))


def http(info: dict[str, Any]) -> None:
    from django.test import Client

    client = Client()
    timings = []
    for value in info["samples"]["family"][:20]:
        began = time.perf_counter()
        response = client.get(
            "/v3.0/search/", {"q": f"family-name:{value}"}, HTTP_ACCEPT="application/vnd.orcid+json"
        )
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.content[:300]
    label = "HTTP GET /v3.0/search family-name:X"
    print(f"{label:34} {percentile(timings, 0.5):8.1f} {percentile(timings, 0.95):8.1f}")


# ---------------------------------------------------------------------------------------------------------
# What indexing costs a write


def write_cost(args: argparse.Namespace) -> None:
    """Time add_item (a work, through the services, index included) on a record of 30 activities, and the
    index's share: the whole-record rebuild every write paid before, and the per-item update now."""
    from django.core.management import call_command
    from django.db import transaction

    from orchid.oauth.scopes import expand
    from orchid.oauth.services import create_client
    from orchid.records import services
    from orchid.records.changes import record_changed
    from orchid.records.researchers import create_researcher
    from orchid.records.sections import BY_NAME
    from orchid.records.viewer import Api, Viewer
    from orchid.schema import models as m
    from orchid.search.apps import _reindex as receiver
    from orchid.search.index import catch_up, refresh_items, reindex

    call_command("migrate", verbosity=0)

    def work(n: int) -> Any:
        return m.work.Work(
            title=m.work.WorkTitle(title=m.common.Title(value=f"A study of write costs, part {n}")),
            type_value="journal-article",
            publication_date=m.common.PublicationDate(year=2020),
            external_ids=m.common.ExternalIds(
                external_id=[
                    m.common.ExternalId(
                        external_id_type="doi",
                        external_id_value=f"10.5555/write.{n}",
                        external_id_relationship="self",
                    )
                ]
            ),
        )

    def employment(n: int) -> Any:
        return m.employment.Employment(
            start_date=m.common.StartDate(year=2000 + n),
            organization=m.common.Organization(
                name=f"Institute number {n}",
                address=m.common.OrganizationAddress(city="Pasadena", country="US"),
                disambiguated_organization=m.common.DisambiguatedOrganization(
                    disambiguated_organization_identifier="https://ror.org/05dxps055",
                    disambiguation_source="ROR",
                ),
            ),
        )

    researcher = create_researcher(given_names="Bench", family_name="Writer", email="writer@example.org")
    client, _secret = create_client("Write bench", "member", ["https://example.org/cb"])
    viewer = Viewer(
        api=Api.MEMBER,
        client=client,
        orcid=researcher.orcid,
        scopes=expand({"/activities/update", "/read-limited"}),
    )
    for n in range(27):
        services.add_item(researcher.orcid, BY_NAME["work"], work(n), viewer)
    for n in range(3):
        services.add_item(researcher.orcid, BY_NAME["employment"], employment(n), viewer)

    def timed_adds(count: int) -> list[float]:
        timings = []
        for n in range(count):
            began = time.perf_counter()
            put_code = services.add_item(researcher.orcid, BY_NAME["work"], work(1000 + n), viewer)
            catch_up()  # the note applied (by the worker or the next search), counted with the write
            timings.append((time.perf_counter() - began) * 1000)
            services.delete_item(researcher.orcid, BY_NAME["work"], int(put_code), viewer)  # back to 30 items
        return timings

    # Before: every write rebuilt the whole record's index (the receiver as it was).
    def whole_record(sender: object, researcher_pk: int, **kwargs: object) -> None:
        reindex(researcher_pk)

    record_changed.disconnect(dispatch_uid="orchid.search.reindex")
    record_changed.connect(whole_record, dispatch_uid="bench.whole-record")
    before = timed_adds(args.writes)
    record_changed.disconnect(dispatch_uid="bench.whole-record")
    record_changed.connect(receiver, dispatch_uid="orchid.search.reindex")
    after = timed_adds(args.writes)
    full: list[float] = []
    incremental: list[float] = []
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], work(5000), viewer)
    for _ in range(args.writes):
        with transaction.atomic():
            began = time.perf_counter()
            reindex(researcher.pk)
            full.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            refresh_items({researcher.pk: {"work": {int(put_code)}}})
            incremental.append((time.perf_counter() - began) * 1000)
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"\nper write on a record of 30 activities ({args.writes} writes each, {database}):")
    for label, values in (
        ("add_item (work), whole-record index", before),
        ("add_item (work) + catch_up, per-item", after),
        ("  index only: whole-record reindex", full),
        ("  index only: per-item update", incremental),
    ):
        print(f"{label:36} p50 {percentile(values, 0.5):6.2f} ms   p95 {percentile(values, 0.95):6.2f} ms")


# ---------------------------------------------------------------------------------------------------------
# Databases


#: A production-like server for a database of a few GB (the throwaway cluster's defaults are 128 MB of
#: shared buffers, which makes every large query read its heap pages from the OS cache).
PG_SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "32MB"}


def tune(url: str) -> bool:
    """Apply PG_SETTINGS with ALTER SYSTEM; True when the server must restart for them."""
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        current = {name: conn.execute(f"SHOW {name}").fetchone()[0] for name in PG_SETTINGS}  # type: ignore[index]
        if current == PG_SETTINGS:
            return False
        for name, value in PG_SETTINGS.items():
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
    return True


def fingerprint(kind: str, count: int) -> str:
    migrations = sorted(p.name for p in (ROOT / "src/orchid/search/migrations").glob("0*.py"))
    return hashlib.sha256(json.dumps([SEED_VERSION[kind], count, migrations]).encode()).hexdigest()[:16]


def run(kind: str, args: argparse.Namespace) -> None:
    directory = VAR / (f"writes-{kind}" if args.writes else f"{kind}-{args.researchers}")
    manifest = directory / "seed.json"
    wanted = fingerprint(kind, args.researchers)
    cached = manifest.exists() and json.loads(manifest.read_text()).get("fingerprint") == wanted
    if args.writes:
        cached = False  # a fresh small database every time
    if not cached and directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "orchid.settings",
            "ORCHID_VAR_DIR": str(directory),
            "ORCHID_DEBUG": "0",
            "ORCHID_RATE_LIMIT": "0",
            "ORCHID_SANDBOX": "1",
            "ORCHID_LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    cluster = None
    if kind == "postgres":
        sys.path.insert(0, str(BENCH))
        from apibench.cluster import KeptCluster

        cluster = KeptCluster(directory / "pg")
        cluster.start()
        if tune(cluster.url):
            cluster.stop()
            cluster.start()
        os.environ["DATABASE_URL"] = cluster.url
    try:
        import django

        django.setup()
        if args.writes:
            write_cost(args)
            return
        if cached:
            info = json.loads(manifest.read_text())
            log(f"{kind}: using the cached database in {directory}")
        else:
            log(f"{kind}: seeding {args.researchers:,} researchers into {directory}")
            info = seed(args.researchers)
            info["fingerprint"] = wanted
            manifest.write_text(json.dumps(info))
            log(f"{kind}: seeded in {info['seconds']:.0f} s")
        if not args.seed_only:
            measure(kind, info, args)
    finally:
        from django.db import connections

        connections.close_all()
        if cluster is not None:
            cluster.stop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--researchers", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=40, help="distinct values per query")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per value (after one warm-up)")
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument(
        "--http", action="store_true", help="also time GET /v3.0/search through the test client"
    )
    parser.add_argument("--explain", action="store_true", help="print the plan of each query's first value")
    parser.add_argument(
        "--writes",
        type=int,
        default=0,
        help="instead: time N work writes and their index updates (fresh database)",
    )
    args = parser.parse_args()
    if args.db == "both":  # one process per database: Django's settings are per process
        for kind in ("sqlite", "postgres"):
            argv = [
                "--researchers",
                str(args.researchers),
                "--samples",
                str(args.samples),
                "--repeat",
                str(args.repeat),
            ]
            argv += [
                flag
                for flag in ("--seed-only", "--http", "--explain")
                if getattr(args, flag[2:].replace("-", "_"))
            ]
            subprocess.run([sys.executable, __file__, "--db", kind, *argv], check=True)
        return 0
    run(args.db, args)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
