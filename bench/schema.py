"""Parse and serialize rates of the schema layer for a record with 1,000 work summaries.

Prints, for XML and JSON: the document size, and the median / best time of to_xml / to_json and
from_xml / from_json over repeated runs. Targets (issue 2, on the 2-core machine): serialize to
JSON in under 50 ms and to XML in under 100 ms.

    .venv/bin/python bench/schema.py [--works 1000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from xsdata.models.datatype import XmlDateTime

from orchid import ids
from orchid.schema import from_json, from_xml, models, to_json, to_xml

m = models
ORCID = "0000-0002-1825-0097"


def moment(offset: int) -> XmlDateTime:
    return XmlDateTime(2024, 1 + offset % 12, 1 + offset % 28, 10, offset % 60, offset % 60, 123_000_000, 0)


def source() -> Any:
    return m.common.Source(
        source_client_id=m.common.ClientId(
            uri="https://orcid.org/client/APP-ABCDEFGHIJKLMNOP", path="APP-ABCDEFGHIJKLMNOP", host="orcid.org"
        ),
        source_name=m.common.SourceName(value="Example University CRIS"),
    )


def work_summary(n: int) -> Any:
    doi = f"10.1234/example.{n}"
    return m.work.WorkSummary(
        put_code=1000 + n,
        path=f"/{ORCID}/work/{1000 + n}",
        visibility=m.common.Visibility.PUBLIC,
        display_index="0",
        created_date=m.common.CreatedDate(value=moment(n)),
        last_modified_date=m.common.LastModifiedDate(value=moment(n + 1)),
        source=source(),
        title=m.work.WorkTitle(title=m.common.Title(value=f"On the measurement of things, part {n}")),
        external_ids=m.common.ExternalIds(
            external_id=[
                m.common.ExternalId(
                    external_id_type="doi",
                    external_id_value=doi,
                    external_id_normalized=m.common.TransientNonEmptyString(value=doi, transient="true"),
                    external_id_url=f"https://doi.org/{doi}",
                    external_id_relationship="self",
                ),
                m.common.ExternalId(
                    external_id_type="issn",
                    external_id_value="1234-5679",
                    external_id_normalized=m.common.TransientNonEmptyString(
                        value="1234-5679", transient="true"
                    ),
                    external_id_relationship="part-of",
                ),
            ]
        ),
        url=m.common.Url(value=f"https://example.org/works/{n}"),
        type_value="journal-article",
        publication_date=m.common.PublicationDate(year=2000 + n % 25, month=1 + n % 12, day=1 + n % 28),
        journal_title="Journal of Reproducible Measurements",
    )


def record(works: int) -> Any:
    groups = [
        m.activities.WorkGroup(
            last_modified_date=m.common.LastModifiedDate(value=moment(n + 1)),
            external_ids=m.common.ExternalIds(external_id=[work_summary(n).external_ids.external_id[0]]),
            work_summary=[work_summary(n)],
        )
        for n in range(works)
    ]
    return m.record.Record(
        path=f"/{ORCID}",
        orcid_identifier=m.common.OrcidIdentifier(uri=ids.to_uri(ORCID), path=ORCID, host="orcid.org"),
        activities_summary=m.activities.ActivitiesSummary(
            path=f"/{ORCID}/activities",
            works=m.activities.Works(path=f"/{ORCID}/works", group=groups),
        ),
    )


def measure(action: Callable[[], Any], repeat: int) -> tuple[float, float]:
    action()  # warm-up: compiles the per-class plans
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--works", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    model = record(args.works)
    xml = to_xml(model)
    json = to_json(model)
    assert from_json(json, m.record.Record) == from_xml(xml)  # both formats carry the same message

    sizes = f"XML {len(xml) / 1024:.0f} KiB, JSON {len(json) / 1024:.0f} KiB"
    print(f"record with {args.works} work summaries; {sizes}")
    print(f"{'operation':<24}{'median ms':>12}{'best ms':>10}{'records/s':>12}")
    for name, action in (
        ("to_json", lambda: to_json(model)),
        ("to_xml", lambda: to_xml(model)),
        ("from_json", lambda: from_json(json, m.record.Record)),
        ("from_xml", lambda: from_xml(xml)),
    ):
        median, best = measure(action, args.repeat)
        print(f"{name:<24}{median:>12.1f}{best:>10.1f}{1000 / median:>12.1f}")


if __name__ == "__main__":
    main()
