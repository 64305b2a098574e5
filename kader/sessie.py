"""The routes that give and take the login cookie (toegang.sessies), and what a script needs to use them.

The server (app.py, started by kader.start) mounts two routes next to Streamlit's own:

- /_sessie/start?token=...&naar=/instroom?... trades a one-time start token for the cookie (HttpOnly,
  SameSite=Lax, Path=/, Max-Age = DASHBOARD_SESSIEDUUR; Secure over https) and sends the browser on to `naar`,
  a path on this server (anything else goes to the start page);
- /_sessie/einde ends the session of the cookie it is sent, clears the cookie and sends the browser to the start.

The start token only works in the browser that logged in: every page load without it gets a random browser cookie
(BROWSER, HttpOnly, for this browser session; `middleware()`), the token carries its hash, the route compares. So
a link with someone's token, sent to someone else, logs nobody in (login CSRF).

Without these routes (AppTest, or a bare `streamlit run dashboard.py`) a local login lasts as long as its tab, in
session state, as before; `actief()` says which of the two applies.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from toegang.accounts import accountsbestand
from toegang.sessies import COOKIE, Sessies, sessieduur

START = "_sessie/start"
BROWSER = "dashboard_browser"  # a random value per browser session, to bind a start token to its browser
EINDE = "_sessie/einde"

_actief = False
_opslagen: dict[Path, Sessies] = {}


def actief() -> bool:
    """Does this server have the cookie routes (so a login can be handed to the browser as a cookie)?"""
    return _actief


def sessies() -> Sessies:
    """The session store beside the accounts file (one object per file, so its read cache is shared)."""
    pad = accountsbestand()
    if pad not in _opslagen:
        _opslagen[pad] = Sessies.naast(pad)
    return _opslagen[pad]


def basispad() -> str:
    """The server's base path ('' or '/iets'), from server.baseUrlPath."""
    from streamlit import config

    basis = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{basis}" if basis else ""


def veilig_doel(naar: str | None) -> str:
    """Where to go after the cookie was set: only a path on this server (with its query); anything else (another
    host, a scheme, '//host', a backslash, control characters) goes to the start page."""
    start = f"{basispad()}/"
    if not naar or not naar.startswith("/") or naar.startswith("//") or "\\" in naar:
        return start
    if any(ord(teken) < 32 or ord(teken) == 127 for teken in naar):
        return start
    delen = urlsplit(naar)
    if delen.scheme or delen.netloc:
        return start
    return delen.path + (f"?{delen.query}" if delen.query else "")


def startadres(token: str, naar: str) -> str:
    """The route that trades `token` for the cookie and then opens `naar`."""
    return f"{basispad()}/{START}?{urlencode({'token': token, 'naar': naar})}"


def eindadres() -> str:
    return f"{basispad()}/{EINDE}"


def doorsturen_script(adres: str) -> str:
    """A static script that sends the browser to `adres` (one of ours, built by startadres/eindadres and
    percent-encoded, so it cannot close the string or the script tag)."""
    return f"<script>window.location.replace({json.dumps(adres)});</script>"


def routes() -> list:
    """The two routes, for st.App(routes=...); from now on this server hands logins over as cookies."""
    from starlette.responses import RedirectResponse
    from starlette.routing import Route

    global _actief
    sessieduur()  # a wrong DASHBOARD_SESSIEDUUR stops the server at its start, with the reason
    basis = basispad()

    def https(request) -> bool:
        return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"

    def start(request) -> RedirectResponse:
        duur = sessieduur()
        sessie = sessies().inwisselen(request.query_params.get("token"), duur, request.cookies.get(BROWSER))
        antwoord = RedirectResponse(veilig_doel(request.query_params.get("naar")), status_code=303)
        antwoord.headers["Cache-Control"] = "no-store"
        if sessie is not None:
            antwoord.set_cookie(COOKIE, sessie[0], max_age=duur, path=f"{basis}/", httponly=True, samesite="lax",
                                secure=https(request))
        return antwoord

    def einde(request) -> RedirectResponse:
        sessies().beeindigen(request.cookies.get(COOKIE))
        antwoord = RedirectResponse(f"{basis}/", status_code=303)
        antwoord.headers["Cache-Control"] = "no-store"
        antwoord.delete_cookie(COOKIE, path=f"{basis}/", httponly=True, samesite="lax", secure=https(request))
        return antwoord

    _actief = True
    return [Route(f"{basis}/{START}", start, methods=["GET"]), Route(f"{basis}/{EINDE}", einde, methods=["GET"])]


class _Browsercookie:
    """ASGI middleware: a page (an HTML answer) for a browser without BROWSER sets it. Only on HTML, so the
    scripts and styles that a first page load fetches at the same time cannot each give it another value."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        from starlette.datastructures import MutableHeaders
        from starlette.requests import HTTPConnection

        if scope["type"] != "http" or HTTPConnection(scope).cookies.get(BROWSER):
            await self.app(scope, receive, send)
            return
        verbinding = HTTPConnection(scope)
        veilig = (verbinding.url.scheme == "https"
                  or verbinding.headers.get("x-forwarded-proto", "").lower() == "https")
        cookie = (f"{BROWSER}={secrets.token_urlsafe(32)}; Path={basispad()}/; HttpOnly; SameSite=Lax"
                  + ("; Secure" if veilig else ""))

        async def verzenden(bericht) -> None:
            if bericht["type"] == "http.response.start":
                headers = MutableHeaders(scope=bericht)
                if headers.get("content-type", "").startswith("text/html"):
                    headers.append("set-cookie", cookie)
            await send(bericht)

        await self.app(scope, receive, verzenden)


def middleware() -> list:
    """For st.App(middleware=...): the browser cookie that start tokens are bound to."""
    from starlette.middleware import Middleware

    return [Middleware(_Browsercookie)]
