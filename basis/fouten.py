"""The store cannot be used now: the exceptions and their Dutch messages, for every side that opens the store.

Said twice: `str()` for the operator (the CLI, the server log), naming files; `voor_pagina` without any path, for
whoever sits at a dashboard page.
"""

from __future__ import annotations


class OpslagFout(Exception):
    """The store or its key cannot be used now; nothing was changed. Said twice: `str()` for the operator (the
    CLI, the server log), naming files; `voor_pagina` without any path, for whoever sits at a dashboard page."""

    def __init__(self, melding: str, voor_pagina: str | None = None):
        super().__init__(melding)
        self.voor_pagina = melding if voor_pagina is None else voor_pagina


class OpslagBezet(OpslagFout):
    """The store is busy with another load for longer than we are willing to wait."""


class OpslagNietSchrijfbaar(OpslagFout):
    """The store cannot be written: a read-only file or folder, or a full disk."""


class OpslagOnleesbaar(OpslagFout):
    """The store cannot even be read (no read permission)."""


class SleutelOngeldig(OpslagFout):
    """The key file for kandidaat hashes is missing, empty, damaged, or not the one this store was filled with."""


# The store cannot be written. {waar} is " (path)" for the operator, empty on a page.
OPSLAG_ALLEEN_LEZEN = (
    "Het opslagbestand{waar} is alleen-lezen: er kan niets in worden geladen of teruggedraaid. Er is niets veranderd. "
    "Geef schrijfrechten op het opslagbestand (of vraag dat aan de beheerder van de server) en probeer het opnieuw."
)
OPSLAG_MAP_ALLEEN_LEZEN = (
    "De map van de opslag{waar} is alleen-lezen: om te laden of terug te draaien moeten daarin bestanden naast de "
    "opslag worden gemaakt (.wal en .lock). Er is niets veranderd. Geef schrijfrechten op die map (of vraag dat aan "
    "de beheerder van de server) en probeer het opnieuw."
)
OPSLAG_VOL = (
    "De schijf waarop de opslag staat{waar} is vol: de opslag kan niet groeien. Er is niets veranderd. Maak ruimte "
    "vrij op die schijf (of vraag dat aan de beheerder van de server) en probeer het opnieuw."
)
OPSLAG_ONLEESBAAR = (
    "De gegevens kunnen niet worden gelezen: het dashboard mag het opslagbestand{waar} niet openen. De beheerder "
    "van de server kan dat herstellen (leesrechten op het opslagbestand)."
)
BEZET = (
    "De gegevens worden op dit moment bijgewerkt door een andere upload. Probeer het over een paar "
    "minuten opnieuw."
)
