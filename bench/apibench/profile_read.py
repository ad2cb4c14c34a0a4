"""Where a record read spends its time, in-process (run by bench/api.py --profile with the database's env).

Times, per stage, reads of distinct records: the service call (`services.read_record`: queries and model
building), serialization (`to_json` pretty as vnd.orcid+json asks, `to_xml`), and the whole Django request
(`django.test.Client`, middleware, authentication, negotiation included); then cProfile of full JSON and
XML requests, top functions by own time and by cumulative time. Also counts SQL queries per request.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--top", type=int, default=22)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from orchid.records import services
    from orchid.records.viewer import Viewer
    from orchid.schema import to_json, to_xml

    paths = [line for line in (args.out / "paths_record.txt").read_text().split("\n") if line][: args.records]
    orcids = [path.split("/")[2] for path in paths]
    viewer = Viewer.anonymous()
    client = Client()
    json_accept, xml_accept = "application/vnd.orcid+json", "application/vnd.orcid+xml"
    for orcid in orcids[:20]:  # warm up imports and caches
        client.get(f"/v3.0/{orcid}/record", HTTP_ACCEPT=json_accept)

    def timed(fn) -> list[float]:  # type: ignore[no-untyped-def]
        out = []
        for orcid in orcids:
            started = time.perf_counter()
            fn(orcid)
            out.append((time.perf_counter() - started) * 1000)
        return out

    models = {orcid: services.read_record(orcid, viewer) for orcid in orcids}
    stages = {
        "services.read_record": timed(lambda o: services.read_record(o, viewer)),
        "to_json(pretty) of the model": timed(lambda o: to_json(models[o], pretty=True)),
        "to_xml of the model": timed(lambda o: to_xml(models[o])),
        "full request JSON": timed(lambda o: client.get(f"/v3.0/{o}/record", HTTP_ACCEPT=json_accept)),
        "full request XML": timed(lambda o: client.get(f"/v3.0/{o}/record", HTTP_ACCEPT=xml_accept)),
        "full request GET works JSON": timed(
            lambda o: client.get(f"/v3.0/{o}/works", HTTP_ACCEPT=json_accept)
        ),
        "full request /healthz": timed(lambda o: client.get("/healthz")),
    }
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/v3.0/{orcids[0]}/record", HTTP_ACCEPT=json_accept)
    print()
    print(f"== in-process record read ({connection.vendor}, {len(orcids)} distinct records, single thread)")
    print(f"   {'stage':<34}{'median ms':>10}{'p90 ms':>9}{'=> per core/s':>15}")
    for name, values in stages.items():
        median = statistics.median(values)
        p90 = sorted(values)[int(0.9 * len(values))]
        print(f"   {name:<34}{median:>10.2f}{p90:>9.2f}{1000 / median:>15.0f}")
    print(f"   SQL queries per GET record: {len(queries)}")
    for query in queries.captured_queries:
        print(f"     {query['time']:>6}s  {query['sql'][:150]}")

    for label, accept in (("JSON", json_accept), ("XML", xml_accept)):
        profiler = cProfile.Profile()
        profiler.enable()
        for orcid in orcids:
            client.get(f"/v3.0/{orcid}/record", HTTP_ACCEPT=accept)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            buffer = io.StringIO()
            stats = pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order)
            stats.print_stats(args.top)
            text = buffer.getvalue()
            start = text.find("   ncalls")
            print(f"\n-- cProfile, {len(orcids)} GET record ({label}), by {order}:")
            print(text[start:].rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
