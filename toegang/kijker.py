"""The viewer: who is looking (role, own gemeenten and organisaties, presentatiemodus); what that allows is
toegang.beleid's to decide.

Every read-side answer is shaped for a Kijker: exact where the viewer owns the data, suppressed
(metrics.md) elsewhere. The presentatiemodus makes everything suppressed-safe, whatever the role.
"""

from __future__ import annotations

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
    def zichtbaarheid(self) -> tuple:
        """Everything that decides what this viewer sees: part of every cache key."""
        return (self.rol, self.gemeenten, self.organisaties, self.presentatie)
