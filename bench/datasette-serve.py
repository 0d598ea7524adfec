"""Runs Datasette the way `datasette serve -i DB -m METADATA -h 127.0.0.1 -p PORT` does, but with uvicorn's
access log off (it would write one line per request): the baseline gets every advantage we can give it.

usage: datasette-serve.py DB METADATA PORT
"""
import json
import sys

import uvicorn
from datasette.app import Datasette

db, metadata, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(metadata) as f:
    ds = Datasette(immutables=[db], metadata=json.load(f))
uvicorn.run(ds.app(), host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="on", workers=1)
