"""The routes that give and take the login cookie (toegang.sessies), and what a script needs to use them.

The server (app.py, started by kader.start) mounts two routes next to Streamlit's own:

- /_sessie/start?token=...&naar=/instroom?... trades a one-time start token for the cookie (HttpOnly,
  SameSite=Lax, Path=/, Max-Age = DASHBOARD_SESSIEDUUR; Secure over https) and sends the browser on to `naar`,
  a path on this server (anything else goes to the start page);
- /_sessie/einde ends the session of the cookie it is sent, clears the cookie and sends the browser to the start.

Without these routes (AppTest, or a bare `streamlit run dashboard.py`) a local login lasts as long as its tab, in
session state, as before; `actief()` says which of the two applies.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from toegang.accounts import accountsbestand
from toegang.sessies import COOKIE, Sessies, sessieduur

START = "_sessie/start"
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
        sessie = sessies().inwisselen(request.query_params.get("token"), duur)
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
