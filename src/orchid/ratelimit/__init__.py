"""Rate limits on the v3.0 API and ``/oauth/token`` (issue 5 item 4; spec §9).

* ``bucket``: nginx ``limit_req`` arithmetic (a leaky bucket in milli-requests, no ``nodelay``) as pure
  functions, and the anonymous daily quota rule.
* ``store``: the state shared by every server process on one host, a fixed-size hash table in a file
  under ``settings.VAR_DIR`` mapped into memory and guarded by ``fcntl`` record locks.
* ``keys``: whom a request is counted against (the OAuth client behind its bearer token, else its IP).
* ``middleware``: the Django middleware (``settings.py``) that delays, answers 503 or 429.

Configuration and the choice of shared state are documented in docs/operations.md ("Rate limits").
"""
