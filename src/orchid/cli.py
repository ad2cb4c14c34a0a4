"""The ``orchid`` command.

orchid --version
orchid migrate [django migrate options]
orchid serve [--host H] [--port P] [--threads N] [--processes N|auto] [--no-worker]
                                                   (waitress WSGI server, plus the outbox worker;
                                                    --processes N > 1: N pre-forked server processes)
orchid worker [--once] [--stats]                   (deliver webhooks and other outbox messages until
                                                    SIGTERM/SIGINT; --once: until none is due)
orchid demo [--base-url URL]                       (load the demo sandbox once; print its credentials)
orchid fixtures load FILE.json [--output OUT.json] (load a sandbox fixture in one transaction)
orchid researcher create --given-names G [...]     (create a record; prints its iD as JSON)
orchid manage COMMAND [...]                        (any Django management command)
orchid client create --name N --type public|member|premium [--redirect-uri U ...]
                     [--client-id ID] [--client-secret S] [--description D] [--website W]
                                                   (register an OAuth client; prints its id and secret)
orchid token grant --client CLIENT_ID --scope S [--scope S ...] [--orcid ORCID]
                   [--value V] [--state active|revoked|expired]
                                                   (issue an access token; prints it as JSON)
orchid dump OUT.tar.gz [--quiet]                   (write the public data file; progress on stderr)
orchid load FILE.tar.gz [--quiet]                  (import a public data file into an empty registry)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from orchid import __version__
from orchid.fixtures.commands import register as register_fixture_commands
from orchid.serving import processes_argument, serve

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


def _serve(args: argparse.Namespace) -> int:
    return serve(
        args.host, args.port, threads=args.threads, processes=args.processes, worker=not args.no_worker
    )


def _worker(args: argparse.Namespace) -> int:
    _django_setup()
    import signal
    import threading

    from orchid.outbox.worker import Worker, stats

    if args.stats:
        print(json.dumps(stats(), sort_keys=True))
        return 0
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        if stop.is_set():  # a second signal: do not wait for the batch in hand
            raise SystemExit(1)
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    if not args.once:
        print(f"Orchid {__version__} outbox worker started (SIGTERM or Ctrl-C to stop)", flush=True)
    totals = Worker(yield_cpu=True).run(stop, once=args.once)
    print(json.dumps(totals.as_dict()), flush=True)
    return 0


def _client_create(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.exceptions import ValidationError

    from orchid.oauth.services import create_client

    try:
        client, secret = create_client(
            args.name,
            args.type,
            args.redirect_uri,
            client_id=args.client_id,
            client_secret=args.client_secret,
            description=args.description,
            website=args.website,
        )
    except ValidationError as exc:
        print(f"orchid client create: {'; '.join(exc.messages)}", file=sys.stderr)
        return 1
    print(
        json.dumps(
            {"client_id": client.client_id, "client_secret": secret, "client_type": client.client_type}
        )
    )
    return 0


def _token_grant(args: argparse.Namespace) -> int:
    _django_setup()
    from orchid.oauth.models import Client
    from orchid.oauth.server import new_token_value
    from orchid.oauth.services import grant_token

    client = Client.objects.filter(client_id=args.client).first()
    if client is None:
        print(f"orchid token grant: no client {args.client!r}", file=sys.stderr)
        return 1
    # Generated here so they can be printed: the stored values may be redacted at rest.
    access_value = args.value or new_token_value()
    refresh_value = new_token_value()
    try:
        token = grant_token(
            client,
            orcid=args.orcid,
            scopes=args.scope,
            value=access_value,
            refresh_value=refresh_value,
            state=args.state,
        )
    except ValueError as exc:
        print(f"orchid token grant: {exc}", file=sys.stderr)
        return 1
    from django.utils import timezone

    expires_in = max(0, int((token.expires - timezone.now()).total_seconds()))
    print(
        json.dumps(
            {
                "access_token": access_value,
                "refresh_token": refresh_value,
                "expires_in": expires_in,
                "scope": token.scope,
            }
        )
    )
    return 0


def _dump(args: argparse.Namespace) -> int:
    _django_setup()
    from orchid.dumps.writer import dump

    try:
        result = dump(args.out, quiet=args.quiet, processes=args.processes)
    except OSError as error:
        print(f"orchid dump: {error}", file=sys.stderr)
        return 1
    print(
        json.dumps(
            {
                "records": result.records,
                "activities": result.activities,
                "skipped": result.skipped,
                "rendered": result.rendered,
                "seconds": round(result.seconds, 3),
            }
        )
    )
    return 0


def _load(args: argparse.Namespace) -> int:
    _django_setup()
    from orchid.dumps.loader import LoadError, load

    try:
        result = load(args.file, quiet=args.quiet)
    except LoadError as error:
        print(f"orchid load: {error}", file=sys.stderr)
        return 1
    print(
        json.dumps(
            {
                "records": result.records,
                "items": result.items,
                "emails": result.emails,
                "ignored_members": len(result.ignored_members),
                "seconds": round(result.seconds, 3),
            }
        )
    )
    return 0


def _add_dump_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dump = sub.add_parser("dump", help="write the public data file (one v3.0 XML file per record)")
    dump.add_argument("out", help="the .tar.gz to write")
    dump.add_argument("--quiet", action="store_true", help="no progress bar")
    dump.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="processes rendering records whose stored files are stale (default: the CPU count, %(default)s)",
    )
    dump.set_defaults(handler=_dump)
    load = sub.add_parser("load", help="import a public data file into an empty registry")
    load.add_argument("file", help="the .tar.gz to read")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.set_defaults(handler=_load)


def _add_oauth_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    client = sub.add_parser("client", help="OAuth clients")
    client_sub = client.add_subparsers(dest="client_command", metavar="ACTION", required=True)
    create = client_sub.add_parser("create", help="register a client; prints its id and secret as JSON")
    create.add_argument("--name", required=True, help="the client's display name")
    create.add_argument(
        "--type", required=True, choices=["public", "member", "premium"], help="ORCID client type"
    )
    create.add_argument(
        "--redirect-uri", action="append", default=[], help="a registered redirect URI (repeatable)"
    )
    create.add_argument("--client-id", help="the client id (default: a new APP-XXXXXXXXXXXXXXXX)")
    create.add_argument("--client-secret", help="the client secret (default: a new UUID)")
    create.add_argument("--description", default="", help="description shown to researchers")
    create.add_argument("--website", default="", help="the client's website")

    token = sub.add_parser("token", help="OAuth access tokens")
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    grant = token_sub.add_parser("grant", help="issue an access token; prints it as JSON")
    grant.add_argument("--client", required=True, help="client id the token is for")
    grant.add_argument("--orcid", help="the researcher's ORCID iD (omit for a client-credentials token)")
    grant.add_argument("--scope", action="append", required=True, help="a scope (repeatable)")
    grant.add_argument("--value", help="the access token value (default: a new UUID)")
    grant.add_argument(
        "--state",
        choices=["active", "revoked", "expired"],
        default="active",
        help="revoked: as if the researcher revoked it; expired: expired already (default: %(default)s)",
    )


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
    serve.add_argument(
        "--threads", type=int, default=8, help="waitress threads per server process (default: %(default)s)"
    )
    serve.add_argument(
        "--processes",
        type=processes_argument,
        default=1,
        help="server processes sharing the port (pre-forked); 0 or auto: one per CPU (default: %(default)s)",
    )
    serve.add_argument(
        "--no-worker", action="store_true", help="do not run the outbox worker (webhooks) beside the server"
    )
    serve.set_defaults(handler=_serve)
    worker = sub.add_parser("worker", help="deliver webhooks and other outbox messages until stopped")
    worker.add_argument("--once", action="store_true", help="perform what is due, then exit")
    worker.add_argument("--stats", action="store_true", help="print the outbox's counts as JSON and exit")
    worker.set_defaults(handler=_worker)
    sub.add_parser(
        "manage",
        add_help=False,
        help="run a Django management command: orchid manage COMMAND [...]",
    )
    _add_oauth_commands(sub)
    # demo, fixtures, researcher: each sets a handler taking the parsed arguments.
    register_fixture_commands(sub)
    _add_dump_commands(sub)
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
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    if args.command == "client":
        return _client_create(args)
    if args.command == "token":
        return _token_grant(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
