"""The ``orchid`` command.

orchid --version
orchid migrate [django migrate options]
orchid serve [--host H] [--port P] [--threads N]   (waitress WSGI server)
orchid demo                                        (load demo data; prints the demo accounts)
orchid manage COMMAND [...]                        (any Django management command)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from orchid import __version__

#: Subcommands whose unparsed arguments go to Django unchanged.
_PASSTHROUGH = {"manage", "migrate"}


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()


def _manage(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["orchid manage", *argv])
    return 0


def _serve(host: str, port: int, threads: int) -> int:
    _django_setup()
    import waitress

    from orchid.wsgi import application

    print(f"Orchid {__version__} serving on http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    waitress.serve(application, host=host, port=port, threads=threads, ident="orchid")
    return 0


def _demo() -> int:
    _django_setup()
    # The hook for demo data. There is nothing to load yet beyond the migrations.
    print("Demo data: no demo accounts yet.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orchid", description="Orchid researcher-identifier registry")
    parser.add_argument("--version", action="version", version=f"orchid {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser(
        "migrate",
        add_help=False,
        help="apply database migrations (options go to Django's migrate)",
    )
    serve = sub.add_parser("serve", help="serve the web application (waitress)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: %(default)s)")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default: %(default)s)")
    sub.add_parser("demo", help="load demo data and print the demo accounts")
    sub.add_parser(
        "manage",
        add_help=False,
        help="run a Django management command: orchid manage COMMAND [...]",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, extra = parser.parse_known_args(args_list)
    if extra and args.command not in _PASSTHROUGH:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "migrate":
        return _manage(["migrate", *extra])
    if args.command == "manage":
        return _manage(extra)
    if args.command == "serve":
        return _serve(args.host, args.port, args.threads)
    if args.command == "demo":
        return _demo()
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
