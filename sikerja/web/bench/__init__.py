"""Page benchmark (issue 15): every page timed beside a one-query floor view in the same run.

``floor.py`` is the floor view and ``urls.py`` the URLconf that serves it beside the real
urls (``settings.py`` points gunicorn at it); ``pages.py`` lists the pages; ``runner.py``
times them over HTTP (gunicorn) or in process and counts their queries.
"""
