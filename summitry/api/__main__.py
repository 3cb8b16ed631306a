"""`python -m summitry.api [--db URL] [--host H] [--port P]`: the same as `summitry serve`."""

from __future__ import annotations

import argparse

from summitry.api.server import serve
from summitry.api.settings import DEFAULT_HOST, DEFAULT_PORT


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m summitry.api", description=__doc__)
    parser.add_argument(
        "--db", help="store URL or SQLite path (default: $SUMMITRY_DB, then summitry.db)"
    )
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    serve(args.db, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
