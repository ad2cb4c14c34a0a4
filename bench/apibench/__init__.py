"""Helpers of bench/api.py: seeding (`seed`), a kept PostgreSQL cluster (`cluster`), load generation
(`load`, with wrk's Lua scripts beside it and a Python fallback client in `pyload`) and an in-process
profile of the record read (`profile_read`).

This is a package, not a set of scripts, so `make bench` (which runs bench/*.py) does not run its modules.
"""
