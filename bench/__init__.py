"""`make bench`: what Pathfinder's SMS webhook costs, measured on this machine.

Run from the repository root with `.venv/bin/python -m bench`. Every figure
comes from real servers on loopback (uvicorn, SQLite files, a redis-server)
driven by wrk, or by a small load generator of our own when wrk is missing.
"""
