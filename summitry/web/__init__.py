"""The web calendar: server-rendered pages over the store, usable without JavaScript.

pages.py      the routes: /, /calendar, /events/{id}, /countries/{code}, /actors[/{key}]
display.py    how dates, statuses and countries are written on the pages
highlight.py  evidence sentences cut into plain and marked fragments
templates/    Jinja2, autoescaped: article text never reaches the page unescaped
static/       one stylesheet and a little optional JavaScript
"""

from pathlib import Path

WEB_DIR = Path(__file__).parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
