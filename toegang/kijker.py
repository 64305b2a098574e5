"""The viewer: who is looking and what that decides about the numbers they see.

Every read-side answer is shaped for a Kijker: exact where the viewer owns the data, suppressed
(metrics.md) elsewhere. The presentatiemodus makes everything suppressed-safe, whatever the role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from toegang.rollen import Rol


class GeenToegang(Exception):
    """A question asked for someone who may not see its answer (deny by default)."""


@dataclass(frozen=True)
class Kijker:
    email: str
    rol: str  # beheerder | organisatie | gemeente | regio
    gemeenten: tuple[str, ...] = ()  # a gemeente's own gemeentecodes
    organisaties: tuple[str, ...] = ()  # an organisatie's own organisaties (SW-bedrijf, werkgeversservicepunt)
    presentatie: bool = False
    demo: bool = False  # the demo store without a roles file: beheerder without login

    @classmethod
    def uit_rol(cls, rol: Rol) -> Kijker:
        return cls(rol.email, rol.rol, rol.gemeenten, rol.organisaties)

    def in_presentatiemodus(self, aan: bool = True) -> Kijker:
        return replace(self, presentatie=aan)

    @property
    def is_beheerder(self) -> bool:
        return self.rol == "beheerder"

    @property
    def ziet_alles_exact(self) -> bool:
        return self.is_beheerder and not self.presentatie

    def ziet_exact(self, gemeentecodes: Iterable[str], organisaties: Iterable[str] = ()) -> bool:
        """Exact numbers for a group of trajecten from these gemeenten and organisaties? Only for their owner (or the
        beheerder), never in the presentatiemodus, and never for a group that mixes in another gemeente or another
        organisatie (an empty selection means all of them)."""
        if self.presentatie:
            return False
        if self.is_beheerder:
            return True
        if self.rol == "organisatie":
            namen = set(organisaties)
            return bool(namen) and namen <= set(self.organisaties)
        codes = set(gemeentecodes)
        return self.rol == "gemeente" and bool(codes) and codes <= set(self.gemeenten)

    @property
    def zichtbaarheid(self) -> tuple:
        """Everything that decides what this viewer sees: part of every cache key."""
        return (self.rol, self.gemeenten, self.organisaties, self.presentatie)

    @property
    def mag_uploaden(self) -> bool:
        return self.is_beheerder and not self.demo

    @property
    def mag_terugdraaien(self) -> bool:
        return self.is_beheerder and not self.demo

    @property
    def mag_verbeteracties_schrijven(self) -> bool:
        """Add and update verbeteracties: the beheerder and the regio (the consortium's secretariat), not on a
        projector; a gemeente reads them. The demo may too: its actions are about fictional numbers."""
        return self.rol in ("beheerder", "regio") and not self.presentatie

    @property
    def mag_namen_zien(self) -> bool:
        """Names of werkgevers and praktijkopleiders with their uitval: only the beheerder, not on a projector."""
        return self.ziet_alles_exact

    @property
    def mag_opvolglijst_zien(self) -> bool:
        """The follow-up list (Opvolging): lopende trajecten by trajectnummer, in their first months at a werkgever or
        praktijkopleider with clearly more early uitval. For the beheerder (all organisaties; the demo too: its data
        is fictional) and an organisatie (only its own trajecten); never on a projector, never for a gemeente or the
        regio (trajectnummers are the organisaties' own)."""
        return self.rol in ("beheerder", "organisatie") and not self.presentatie
