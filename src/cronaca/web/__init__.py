"""The Cronaca explorer: a read-only web app and JSON API over a `cronaca ingest` database.

- ``queries``: the parameterised, capped, time-limited queries (``Explorer``);
- ``app``: the FastAPI app (``create_app``), its pages and JSON twins;
- ``world``: the map's country outlines, read from installed Natural Earth data;
- ``templates/`` and ``static/``: server-rendered pages and the project's own script and style.
"""
