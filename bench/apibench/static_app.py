"""The transport's own ceiling: waitress serving fixed bytes with no Django, for bench/api.py.

    python -m apibench.static_app PORT THREADS PAYLOAD_FILE

`/healthz` answers a 15-byte body; any other path the payload file (a record's rendering), with the
content type of ORCID's JSON.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

import waitress


def main() -> None:
    port, threads, payload_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(payload_file, "rb") as handle:
        payload = handle.read()
    small = b'{"status":"ok"}'

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        body = small if environ.get("PATH_INFO") == "/healthz" else payload
        start_response(
            "200 OK",
            [
                ("Content-Type", "application/vnd.orcid+json; charset=UTF-8"),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]

    # As in Orchid's LOGGING: waitress warns for every request that waits for its one thread, which
    # cost the static ceiling a log line every other request.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    waitress.serve(app, host="127.0.0.1", port=port, threads=threads, ident="static")


if __name__ == "__main__":
    main()
