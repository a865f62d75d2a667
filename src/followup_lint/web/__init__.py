"""The local web page (``followup-lint serve``): a draft editor and the JSON API behind it.

``service`` holds the work (requests in, versioned reports out, through the library API), ``guard`` the
safety checks every request passes, ``app`` the routes on Starlette, and ``static/`` the page itself.
Starlette and uvicorn come with the ``web`` extra and are imported only by ``followup-lint serve``.
"""
