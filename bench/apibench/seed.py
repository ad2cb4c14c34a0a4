"""Seed a benchmark database fast but faithfully, and prepare what the load generator rotates over.

Run by bench/api.py in a child process whose environment selects the database (``DATABASE_URL`` or
``ORCHID_VAR_DIR``):

    python -m apibench.seed --researchers 10000 --works 20 --out var/bench/sqlite --fingerprint F

How it stays faithful: for each record *shape* one template researcher is created through the service
layer (`orchid.records.services.add_item`, with the items' v3.0 JSON bodies parsed by `orchid.schema`), so
validation, external-id normalization and `orchid.records.documents.stored_forms` produce exactly what the
API stores. Those rows are then cloned with `bulk_create` in batches, with the template's placeholders
(``rplaceholder`` in DOIs and other ids, ``tplaceholder<kind><n>`` in titles, ``nplaceholder`` for the
name, the template's iD) replaced per researcher, and the template is deleted. A few clones are then checked
against the service layer's pipeline (validation, normalization, stored forms) fed with the same
substituted bodies.

Each run (seeded or cached) also deletes the works the previous POST scenario added, grants fresh
bearer tokens of a member client ("Bench writer", `/activities/update`) for the researchers POSTed to, and
writes the path lists wrk rotates over. Prints one JSON line with what it did.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

SEED_VERSION = 1  # bump when the seeded data changes: cached databases are then reseeded
ID_BASE = 900_050_000_000  # inside orchid.ids.DEFAULT_BLOCK, away from the low end minting starts at
TEMPLATE_BASE = 900_099_999_000
POST_TARGETS = 200  # at most, researchers the POST scenario writes to (kept out of the read rotation)
BATCH = 250  # researchers per transaction

GIVEN = [
    "Ada",
    "Alan",
    "Grace",
    "Emmy",
    "Srinivasa",
    "Lise",
    "Rosalind",
    "Niels",
    "Marie",
    "Chien-Shiung",
    "Hedy",
    "Katherine",
    "Tu",
    "Santiago",
    "Dorothy",
    "Paul",
    "Mary",
    "Shinya",
    "Hypatia",
    "Ibn",
]
FAMILY = [
    "Lovelace",
    "Turing",
    "Hopper",
    "Noether",
    "Ramanujan",
    "Meitner",
    "Franklin",
    "Bohr",
    "Curie",
    "Wu",
    "Lamarr",
    "Johnson",
    "Youyou",
    "Ramon y Cajal",
    "Hodgkin",
    "Dirac",
    "Somerville",
    "Yamanaka",
    "Alexandrina",
    "Sina",
    "Carberry",
    "Merian",
]
ADJECTIVES = [
    "Robust",
    "Scalable",
    "Bayesian",
    "Longitudinal",
    "Comparative",
    "Quantitative",
    "Sparse",
    "Adaptive",
    "Stochastic",
    "Reproducible",
    "Distributed",
    "Nonlinear",
    "Early",
    "Hidden",
]
NOUNS = [
    "estimation",
    "dynamics",
    "inference",
    "measurement",
    "signatures",
    "modelling",
    "variation",
    "transport",
    "assembly",
    "resilience",
    "detection",
    "synthesis",
    "mapping",
    "control",
]
TOPICS = [
    "coastal sediments",
    "protein folding",
    "urban heat islands",
    "glazed ceramics",
    "neural circuits",
    "soil microbiomes",
    "galaxy clusters",
    "language acquisition",
    "battery cathodes",
    "river deltas",
    "immune memory",
    "citation networks",
    "alpine glaciers",
    "polymer gels",
    "crop yields",
]
JOURNALS = [
    "Journal of Psychoceramics",
    "Annals of Reproducible Research",
    "Physical Review Letters",
    "PLOS ONE",
    "Nature Communications",
    "Journal of Applied Ecology",
]
ORGS = [
    ("Brown University", "Providence", "US", "https://ror.org/05gq02987"),
    ("Massachusetts Institute of Technology", "Cambridge", "US", "https://ror.org/042nb2s44"),
    ("University of Oxford", "Oxford", "GB", "https://ror.org/052gg0110"),
    ("University of Cambridge", "Cambridge", "GB", "https://ror.org/013meh722"),
    ("Stanford University", "Stanford", "US", "https://ror.org/00f54p054"),
    ("Max Planck Society", "Munich", "DE", "https://ror.org/01hhn8329"),
    ("ORCID", "Bethesda", "US", "https://ror.org/04fa4r544"),
]
FUNDERS = [("Wellcome Trust", "London", "GB", "https://ror.org/029chgv08")]

# Per shape: how many items of each kind. Researcher i gets shape i % len(SHAPES).
SHAPES: list[dict[str, int]] = [
    {"works_extra": 0, "funding": 3, "employment": 2, "peer-review": 2},
    {"works_extra": 10, "funding": 1, "employment": 3, "peer-review": 4},
]


def orcid_of(index: int) -> str:
    from orchid import ids

    return ids.format_base(ID_BASE + index)


def title(index: int, kind: str, n: int) -> str:
    h = (index * 2654435761 + n * 40503 + ord(kind) * 97) & 0xFFFFFFFF
    return (
        f"{ADJECTIVES[h % len(ADJECTIVES)]} {NOUNS[(h >> 5) % len(NOUNS)]} of "
        f"{TOPICS[(h >> 10) % len(TOPICS)]} ({kind}{n}, {index})"
    )


def names(index: int) -> tuple[str, str]:
    return GIVEN[index % len(GIVEN)], FAMILY[(index // len(GIVEN)) % len(FAMILY)]


def org(entry: tuple[str, str, str, str]) -> dict[str, Any]:
    name, city, country, ror = entry
    return {
        "name": name,
        "address": {"city": city, "country": country},
        "disambiguated-organization": {
            "disambiguated-organization-identifier": ror,
            "disambiguation-source": "ROR",
        },
    }


def ext(id_type: str, value: str, relationship: str = "self", url: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "external-id-type": id_type,
        "external-id-value": value,
        "external-id-relationship": relationship,
    }
    if url:
        out["external-id-url"] = {"value": url}
    return out


def template_items(shape: dict[str, int], works: int, template_orcid: str) -> list[tuple[str, str, str, str]]:
    """(section segment, source "cris" | "self", visibility, body JSON text) for one shape's template."""
    items: list[tuple[str, str, dict[str, Any]]] = []
    total_works = works + shape["works_extra"]
    for n in range(total_works):
        doi = f"10.5555/bench.rplaceholder.w{n:03d}"
        kind = ("journal-article",) * 6 + ("conference-paper", "book-chapter", "data-set", "preprint")
        work_type = kind[n % 10]
        ids_ = [ext("doi", doi, url=f"https://doi.org/{doi}")]
        if work_type == "journal-article":
            ids_.append(ext("issn", "1234-5679", "part-of"))
        if work_type == "preprint" and n > 0:
            earlier = f"10.5555/bench.rplaceholder.w{n - 1:03d}"
            ids_ = [ext("arxiv", f"arXiv:2401.rplaceholder{n:03d}"), ext("doi", earlier, "version-of")]
        body: dict[str, Any] = {
            "title": {"title": {"value": f"tplaceholderw{n:03d}"}},
            "journal-title": {"value": JOURNALS[n % len(JOURNALS)]},
            "type": work_type,
            "publication-date": {
                "year": {"value": str(2000 + n % 25)},
                "month": {"value": f"{1 + n % 12:02d}"},
            },
            "external-ids": {"external-id": ids_},
            "url": {"value": f"https://doi.org/{doi}"},
            "language-code": "en",
            "contributors": {
                "contributor": [
                    {
                        "contributor-orcid": {
                            "uri": f"https://orcid.org/{template_orcid}",
                            "path": template_orcid,
                            "host": "orcid.org",
                        },
                        "credit-name": {"value": "nplaceholder"},
                        "contributor-attributes": {
                            "contributor-sequence": "first",
                            "contributor-role": "author",
                        },
                    },
                    {
                        "credit-name": {"value": f"{GIVEN[n % len(GIVEN)]} {FAMILY[n % len(FAMILY)]}"},
                        "contributor-attributes": {
                            "contributor-sequence": "additional",
                            "contributor-role": "author",
                        },
                    },
                    {
                        "credit-name": {
                            "value": f"{GIVEN[(n + 7) % len(GIVEN)]} {FAMILY[(n + 3) % len(FAMILY)]}"
                        },
                        "contributor-attributes": {
                            "contributor-sequence": "additional",
                            "contributor-role": "author",
                        },
                    },
                ]
            },
        }
        if n % 4 == 0:
            body["short-description"] = "A study of tplaceholders" + f"{n:03d} and what it implies."
        items.append(("work", "self" if n % 7 == 3 else "cris", body))
    for n in range(shape["funding"]):
        grant = f"BENCH-rplaceholder-{n:02d}"
        items.append(
            (
                "funding",
                "cris",
                {
                    "type": "grant" if n % 2 == 0 else "award",
                    "title": {"title": {"value": f"tplaceholderf{n:03d}"}},
                    "short-description": "Funding for tplaceholderg" + f"{n:03d}.",
                    "amount": {"value": str(50000 * (n + 1)), "currency-code": "USD"},
                    "start-date": {
                        "year": {"value": str(2015 + n)},
                        "month": {"value": "09"},
                        "day": {"value": "01"},
                    },
                    "end-date": {
                        "year": {"value": str(2018 + n)},
                        "month": {"value": "08"},
                        "day": {"value": "31"},
                    },
                    "external-ids": {
                        "external-id": [ext("grant_number", grant, url=f"https://grants.example.org/{grant}")]
                    },
                    "organization": org(FUNDERS[0]),
                },
            )
        )
    affiliations = [("employment", n) for n in range(shape["employment"])] + [
        ("education", 0),
        ("qualification", 0),
        ("distinction", 0),
        ("invited-position", 0),
        ("membership", 0),
        ("service", 0),
    ]
    for position, (section, n) in enumerate(affiliations):
        body = {
            "department-name": "Department of tplaceholdera" + f"{position:03d}",
            "role-title": "Research fellow" if n else "Professor",
            "start-date": {"year": {"value": str(1995 + 3 * position)}, "month": {"value": "10"}},
            "organization": org(ORGS[position % len(ORGS)]),
        }
        if section != "employment" or n > 0:
            body["end-date"] = {"year": {"value": str(1998 + 3 * position)}, "month": {"value": "06"}}
        if section == "employment":
            body["external-ids"] = {"external-id": [ext("other-id", f"EMP-rplaceholder-{n}")]}
        items.append((section, "cris", body))
    for n in range(shape["peer-review"]):
        items.append(
            (
                "peer-review",
                "cris",
                {
                    "reviewer-role": "reviewer",
                    "review-identifiers": {
                        "external-id": [
                            ext(
                                "source-work-id",
                                f"review-rplaceholder-{n}",
                                url=f"https://reviews.example.org/rplaceholder/{n}",
                            )
                        ]
                    },
                    "review-url": {"value": f"https://reviews.example.org/rplaceholder/{n}"},
                    "review-type": "review",
                    "review-completion-date": {"year": {"value": str(2018 + n)}, "month": {"value": "03"}},
                    "review-group-id": "issn:1234-5679",
                    "subject-external-identifier": ext("doi", f"10.5555/reviewed.rplaceholder.{n}", "self"),
                    "subject-type": "journal-article",
                    "subject-name": {"title": {"value": f"tplaceholderp{n:03d}"}},
                    "convening-organization": org(ORGS[n % len(ORGS)]),
                },
            )
        )
    items.append(("address", "self", {"country": {"value": "GB"}}))
    for word in ("psychoceramics", "reproducibility", "tplaceholderk000"):
        items.append(("keywords", "self", {"content": word}))
    items.append(("other-names", "self", {"content": "nplaceholder"}))
    items.append(
        (
            "researcher-urls",
            "self",
            {"url-name": "Lab page", "url": {"value": "https://example.org/rplaceholder"}},
        )
    )
    items.append(
        (
            "researcher-urls",
            "self",
            {"url-name": "Blog", "url": {"value": "https://blog.example.org/rplaceholder"}},
        )
    )
    items.append(
        (
            "external-identifiers",
            "cris",
            {
                "external-id-type": "Scopus Author ID",
                "external-id-value": "rplaceholder",
                "external-id-url": {
                    "value": "https://www.scopus.com/authid/detail.uri?authorId=rplaceholder"
                },
                "external-id-relationship": "self",
            },
        )
    )
    out = []
    for position, (segment, source, body) in enumerate(items):
        # One private and one limited work per record, so reads really filter.
        visibility = "public"
        if segment == "work" and position == total_works - 1:
            visibility = "private"
        elif segment == "work" and position == total_works - 2:
            visibility = "limited"
        out.append((segment, source, visibility, json.dumps(body)))
    return out


class Substituter:
    def __init__(self, template_orcid: str) -> None:
        self.template_orcid = template_orcid
        self.pattern = re.compile(
            r"rplaceholder|nplaceholder|tplaceholder([a-z])(\d{3})|" + re.escape(template_orcid)
        )

    def __call__(self, text: str, index: int, orcid: str, display: str) -> str:
        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            if word == "rplaceholder":
                return f"r{index:06d}"
            if word == "nplaceholder":
                return display
            if word == self.template_orcid:
                return orcid
            return title(index, match.group(1), int(match.group(2)))

        return self.pattern.sub(replace, text)


def researcher_row(index: int, orcid: str) -> dict[str, Any]:
    given, family = names(index)
    return {
        "orcid": orcid,
        "given_names": given,
        "family_name": family,
        "credit_name": f"{given[0]}. {family}" if index % 3 == 0 else "",
        "biography": f"{given} {family} works on {TOPICS[index % len(TOPICS)]} "
        f"and {TOPICS[(index // 7) % len(TOPICS)]}.",
    }


def display_name(row: dict[str, Any]) -> str:
    return row["credit_name"] or f"{row['given_names']} {row['family_name']}".strip()


def make_template(shape_index: int, works: int, cris: Any) -> dict[str, Any]:
    """Create a shape's template researcher through the services; return its rows and bodies; delete it."""
    from orchid import ids, schema
    from orchid.oauth import scopes as orcid_scopes
    from orchid.records import services
    from orchid.records.models import Item, ItemExternalId, Researcher
    from orchid.records.researchers import create_researcher
    from orchid.records.sections import BY_ITEM_SEGMENT
    from orchid.records.viewer import Api, Viewer

    template_orcid = ids.format_base(TEMPLATE_BASE + shape_index)
    Researcher.objects.filter(orcid=template_orcid).delete()
    create_researcher(orcid=template_orcid, given_names="Template", family_name=f"Shape {shape_index}")
    client_viewer = Viewer(
        api=Api.MEMBER,
        client=cris,
        orcid=template_orcid,
        scopes=orcid_scopes.expand(["/activities/update", "/person/update"]),
    )
    self_viewer = Viewer.researcher_self(template_orcid)
    bodies = template_items(SHAPES[shape_index], works, template_orcid)
    put_codes = []
    for segment, source, visibility, text in bodies:
        section = BY_ITEM_SEGMENT[segment]
        item = schema.from_json(text.encode(), section.item_model)
        viewer = self_viewer if source == "self" else client_viewer
        put_code = services.add_item(template_orcid, section, item, viewer)
        if visibility != "public":
            Item.objects.filter(pk=put_code).update(visibility=visibility)
        put_codes.append(put_code)
    rows = list(Item.objects.filter(pk__in=put_codes).order_by("pk"))
    assert [row.pk for row in rows] == put_codes
    external: dict[int, list[dict[str, Any]]] = {pc: [] for pc in put_codes}
    for eid in ItemExternalId.objects.filter(item_id__in=put_codes).order_by("pk"):
        external[eid.item_id].append(
            {
                "section": eid.section,
                "id_type": eid.id_type,
                "value": eid.value,
                "normalized": eid.normalized,
                "relationship": eid.relationship,
            }
        )
    template = {
        "orcid": template_orcid,
        "bodies": bodies,
        "rows": [
            {
                "section": row.section,
                "source_client_id": row.source_client_id,
                "source_orcid": row.source_orcid,
                "visibility": row.visibility,
                "display_index": row.display_index,
                "document": json.dumps(row.document),
                "summary": None if row.summary is None else json.dumps(row.summary),
                "external_ids": external[row.pk],
            }
            for row in rows
        ],
    }
    Researcher.objects.filter(orcid=template_orcid).delete()
    return template


def seed(researchers: int, works: int, cris: Any) -> dict[str, Any]:
    from django.db import transaction

    from orchid.records.models import Email, Item, ItemExternalId, Researcher, now_ms

    started = time.perf_counter()
    templates = [make_template(s, works, cris) for s in range(len(SHAPES))]
    substituters = [Substituter(t["orcid"]) for t in templates]
    template_seconds = time.perf_counter() - started
    now = now_ms()
    for batch_start in range(0, researchers, BATCH):
        indexes = range(batch_start, min(researchers, batch_start + BATCH))
        with transaction.atomic():
            specs = [researcher_row(i, orcid_of(i)) for i in indexes]
            people = Researcher.objects.bulk_create(
                [Researcher(**spec, created_at=now, last_modified=now) for spec in specs]
            )
            Email.objects.bulk_create(
                [
                    Email(
                        researcher=p,
                        email=f"{p.orcid}@bench.example.org",
                        verified=True,
                        primary=True,
                        created_at=now,
                        last_modified=now,
                    )
                    for p in people
                ]
            )
            items: list[Item] = []
            eids: list[tuple[int, int, dict[str, Any]]] = []  # (item position, researcher pk, fields)
            for i, person, spec in zip(indexes, people, specs, strict=True):
                shape = i % len(SHAPES)
                sub = substituters[shape]
                display = display_name(spec)
                for row in templates[shape]["rows"]:
                    items.append(
                        Item(
                            researcher=person,
                            section=row["section"],
                            source_client_id=row["source_client_id"],
                            source_orcid=person.orcid if row["source_orcid"] else "",
                            visibility=row["visibility"],
                            display_index=row["display_index"],
                            created_at=now,
                            last_modified=now,
                            document=json.loads(sub(row["document"], i, person.orcid, display)),
                            summary=None
                            if row["summary"] is None
                            else json.loads(sub(row["summary"], i, person.orcid, display)),
                        )
                    )
                    for fields in row["external_ids"]:
                        eids.append(
                            (
                                len(items) - 1,
                                person.pk,
                                {
                                    "section": fields["section"],
                                    "id_type": fields["id_type"],
                                    "value": sub(fields["value"], i, person.orcid, display),
                                    "normalized": None
                                    if fields["normalized"] is None
                                    else sub(fields["normalized"], i, person.orcid, display),
                                    "relationship": fields["relationship"],
                                },
                            )
                        )
            created = Item.objects.bulk_create(items, batch_size=2000)
            ItemExternalId.objects.bulk_create(
                [
                    ItemExternalId(item_id=created[pos].pk, researcher_id=rpk, **fields)
                    for pos, rpk, fields in eids
                ],
                batch_size=2000,
            )
    return {
        "seed_seconds": time.perf_counter() - started,
        "template_seconds": template_seconds,
        "templates": templates,
        "substituters": substituters,
    }


def verify(index: int, templates: list[dict[str, Any]], substituters: list[Substituter]) -> None:
    """The clone's stored rows equal what the service pipeline stores for the same bodies."""
    from orchid import schema
    from orchid.records import documents, services
    from orchid.records.models import Item, ItemExternalId, Researcher
    from orchid.records.sections import BY_ITEM_SEGMENT

    researcher = Researcher.objects.get(orcid=orcid_of(index))
    shape = index % len(SHAPES)
    template, sub = templates[shape], substituters[shape]
    display = researcher.display_name
    rows = list(Item.objects.filter(researcher=researcher).order_by("pk"))
    assert len(rows) == len(template["bodies"]), (len(rows), len(template["bodies"]))
    for row, (segment, _source, visibility, text) in zip(rows, template["bodies"], strict=True):
        section = BY_ITEM_SEGMENT[segment]
        item = schema.from_json(sub(text, index, researcher.orcid, display).encode(), section.item_model)
        services._validate(section, item)
        document, summary = services._prepare(section, item)
        assert row.section == section.name and row.visibility == visibility
        assert row.document == document, (segment, row.document, document)
        assert row.summary == summary, (segment, row.summary, summary)
        expected = sorted(
            (
                e.external_id_type or "",
                e.external_id_value or "",
                e.external_id_normalized.value if e.external_id_normalized else None,
                e.external_id_relationship,
            )
            for e in documents.own_external_ids(section, item)
        )
        stored = sorted(
            (e.id_type, e.value, e.normalized, e.relationship)
            for e in ItemExternalId.objects.filter(item=row)
        )
        assert stored == expected, (segment, stored, expected)


def db_size() -> int:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = Path(settings.DATABASES["default"]["NAME"])
    return sum(p.stat().st_size for p in name.parent.glob(name.name + "*"))


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _remove_items_of(writer: Any) -> int:
    """Delete a client's items a batch at a time (one `IN` list stays within a statement's parameters),
    with their search entries (else every run left its POSTs' entries in the full-text index, which grew
    from run to run), and mark their records changed, so that no stored rendering still shows them."""
    from django.db import transaction
    from django.db.models import F

    from orchid.records.models import Item, Researcher
    from orchid.search.models import SearchEntry

    removed = 0
    while True:
        batch = list(Item.objects.filter(source_client=writer).values_list("pk", "researcher_id")[:5000])
        if not batch:
            return removed
        with transaction.atomic():
            SearchEntry.objects.filter(
                researcher_id__in={pk for _, pk in batch}, put_code__in=[pk for pk, _ in batch]
            ).delete()
            Item.objects.filter(pk__in=[pk for pk, _ in batch]).delete()
            Researcher.objects.filter(pk__in={pk for _, pk in batch}).update(version=F("version") + 1)
        removed += len(batch)


def _index_post_targets(indexes: list[int]) -> None:
    """Bring the search index up to date (the removal above queued its changes) and give the POST
    targets their search documents: the seed writes rows, not through the services, so its records have
    none, and a registry's public records all have one. Else the first POST to each target would be
    followed by a rebuild of its whole record's index entries, a cost no later POST has."""
    from orchid.records.models import Researcher
    from orchid.search.index import catch_up, reindex

    catch_up()
    unindexed = list(
        Researcher.objects.filter(
            orcid__in=[orcid_of(i) for i in indexes], search_document__isnull=True
        ).values_list("pk", flat=True)
    )
    for pk in unindexed:
        reindex(pk)
    catch_up()  # SQLite: the rebuilt entries into FTS5


def prepare_run(out: Path, researchers: int) -> dict[str, Any]:
    """Remove the previous POSTs, grant the writer's tokens, write the rotation files."""
    from orchid.oauth.models import AccessToken, Client
    from orchid.oauth.server import new_token_value
    from orchid.oauth.services import create_client, grant_token
    from orchid.outbox.models import Message
    from orchid.records.apps import RENDERING_KIND
    from orchid.records.models import Item

    writer = Client.objects.filter(name="Bench writer").first()
    if writer is None:
        writer, _ = create_client("Bench writer", "member")
    removed = _remove_items_of(writer)
    if removed:
        analyze()  # else autovacuum, woken by the deletions, would run during the measurements
    # Earlier runs' refreshes still queued: the refresh_renderings run that follows does their work,
    # and left queued they would all fall due at once in the middle of this run's POSTs.
    Message.objects.filter(kind=RENDERING_KIND).delete()
    AccessToken.objects.filter(application=writer).delete()
    count = max(1, min(POST_TARGETS, researchers // 20))
    step = max(1, researchers // count)
    post_indexes = list(range(step - 1, researchers, step))[:count]
    post_set = set(post_indexes)
    lines = []
    for i in post_indexes:
        value = new_token_value()
        grant_token(writer, orcid=orcid_of(i), scopes=["/activities/update", "/read-limited"], value=value)
        lines.append(f"{orcid_of(i)} {value}")
    (out / "post_targets.txt").write_text("\n".join(lines) + "\n")
    _index_post_targets(post_indexes)

    rng = random.Random(42)
    readers = [i for i in range(researchers) if i not in post_set]
    rng.shuffle(readers)
    public_works: dict[str, list[int]] = {}
    for orcid, pk in (
        Item.objects.filter(section="work", visibility="public", source_client__name="Bench CRIS")
        .values_list("researcher__orcid", "pk")
        .order_by("pk")
    ):
        public_works.setdefault(orcid, []).append(pk)
    record, works, work = [], [], []
    for i in readers:
        orcid = orcid_of(i)
        record.append(f"/v3.0/{orcid}/record")
        works.append(f"/v3.0/{orcid}/works")
        if orcid in public_works:
            codes = public_works[orcid]
            work.append(f"/v3.0/{orcid}/work/{codes[i % len(codes)]}")
    (out / "paths_record.txt").write_text("\n".join(record) + "\n")
    (out / "paths_works.txt").write_text("\n".join(works) + "\n")
    (out / "paths_work.txt").write_text("\n".join(work) + "\n")
    return {"removed_previous_posts": removed, "post_targets": len(lines), "read_targets": len(record)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--researchers", type=int, required=True)
    parser.add_argument("--works", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--fingerprint", required=True, help="what the cached database must match")
    parser.add_argument("--verify", type=int, default=4, help="clones checked against the services")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from orchid.oauth.models import Client
    from orchid.oauth.services import create_client
    from orchid.records.models import Item, ItemExternalId, Researcher

    args.out.mkdir(parents=True, exist_ok=True)
    manifest_path = args.out / "seed.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    result: dict[str, Any] = {"cached": manifest.get("fingerprint") == args.fingerprint}
    if not result["cached"]:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        migrate_seconds = time.perf_counter() - started
        if Researcher.objects.exists():
            raise SystemExit("database not empty but not seeded with these settings: wipe it first")
        cris = Client.objects.filter(name="Bench CRIS").first() or create_client("Bench CRIS", "member")[0]
        seeded = seed(args.researchers, args.works, cris)
        rng = random.Random(7)
        samples = sorted(
            {
                0,
                args.researchers - 1,
                *rng.sample(range(args.researchers), min(args.verify, args.researchers)),
            }
        )
        for index in samples:
            verify(index, seeded["templates"], seeded["substituters"])
        started_analyze = time.perf_counter()
        analyze()
        manifest = {
            "fingerprint": args.fingerprint,
            "migrate_seconds": round(migrate_seconds, 1),
            "seed_seconds": round(seeded["seed_seconds"], 1),
            "template_seconds": round(seeded["template_seconds"], 2),
            "analyze_seconds": round(time.perf_counter() - started_analyze, 1),
            "verified": samples,
            "seeded_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        manifest_path.write_text(json.dumps(manifest, indent=2))
    result.update(manifest)
    result.update(prepare_run(args.out, args.researchers))
    result["researchers"] = Researcher.objects.count()
    result["items"] = Item.objects.count()
    result["works"] = Item.objects.filter(section="work").count()
    result["external_ids"] = ItemExternalId.objects.count()
    result["db_bytes"] = db_size()
    print("SEED " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
