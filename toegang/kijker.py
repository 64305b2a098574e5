"""The viewer: who is looking (role, own gemeenten and organisaties, presentatiemodus); what that allows is
toegang.beleid's to decide.

Every read-side answer is shaped for a Kijker: exact where the viewer owns the data, suppressed
(metrics.md) elsewhere. The presentatiemodus makes everything suppressed-safe, whatever the role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from toegang import beleid
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
    def zichtbaarheid(self) -> tuple:
        """Everything that decides what this viewer sees: part of every cache key."""
        return (self.rol, self.gemeenten, self.organisaties, self.presentatie)

    # What this viewer may see and do is decided in toegang.beleid; these ask it.

    @property
    def ziet_alles_exact(self) -> bool:
        return beleid.ziet_alles_exact(self)

    def ziet_exact(self, gemeentecodes: Iterable[str], organisaties: Iterable[str] = ()) -> bool:
        return beleid.ziet_exact(self, gemeentecodes, organisaties)

    @property
    def mag_uploaden(self) -> bool:
        return beleid.mag_uploaden(self)

    @property
    def mag_terugdraaien(self) -> bool:
        return beleid.mag_terugdraaien(self)

    @property
    def mag_verbeteracties_schrijven(self) -> bool:
        return beleid.mag_verbeteracties_schrijven(self)

    @property
    def mag_namen_zien(self) -> bool:
        return beleid.mag_namen_zien(self)
