"""The report's summary in Dutch, generated from the numbers it rests on.

Every sentence must hold for every true value consistent with what the viewer is shown: a change is called a rise
or a fall only when `richting` is certain, a sector is named as the one that changed most only when its smallest
possible change is at least the largest possible change of every other, op koers / achter comes from
`kengetallen.stand` and gedekt from `vraag.vraag_en_aanbod` (both decided for every true value). Where the numbers
cannot decide, the sentence says so. Names stay plain text: the renderers escape them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from analytics.beschermd import bereik, getoond, is_beschermd, richting, verschil
from analytics.kengetallen import NIET_TE_BEPALEN
from analytics.onderdrukking import is_afgeschermd
from analytics.sectoren import UITVAL_MAANDEN, Halfjaar
from weergave import formaat
from weergave.grafieken import opsomming

ONBEKEND = (-math.inf, math.inf)


def halfjaar_naam(halfjaar: Halfjaar) -> str:
    return f"{halfjaar.helft}e halfjaar {halfjaar.jaar}"


def zinnen(vergelijking: pd.DataFrame, afspraak: pd.DataFrame, aanbod: pd.DataFrame | None,
           verbeteracties: pd.DataFrame, halfjaar: Halfjaar, sectornaam: Callable[[object], str]) -> list[str]:
    """The summary: instroom and its change, the sector that changed most, uitval, gemeenten behind the afspraak,
    sectors with unmet structurele vraag, overdue verbeteracties."""
    totaal = vergelijking[vergelijking["totaal"]].iloc[0]
    sectoren = vergelijking[~vergelijking["totaal"]]
    uit = [instroom_zin(totaal, halfjaar)]
    if (zin := meeste_verandering_zin(sectoren, sectornaam)) is not None:
        uit.append(zin)
    if (zin := uitval_zin(totaal, halfjaar)) is not None:
        uit.append(zin)
    uit.extend(afspraak_zinnen(afspraak, halfjaar))
    uit.extend(vraag_zinnen(aanbod, sectornaam))
    uit.append(verbeteracties_zin(verbeteracties, halfjaar))
    return uit


def aantal_tekst(waarde) -> str:
    """"120" exactly, "ongeveer 120" when rounded."""
    tekst = formaat.getal(waarde)
    return f"ongeveer {tekst}" if is_beschermd(waarde) else tekst


def instroom_zin(totaal: pd.Series, halfjaar: Halfjaar) -> str:
    nu, vorig = halfjaar_naam(halfjaar), halfjaar_naam(halfjaar.vorige())
    if is_afgeschermd(totaal["instroom"]):
        return f"Het aantal trajecten dat in het {nu} begon, is afgeschermd (te klein om te tonen)."
    begin = f"In het {nu} begonnen {aantal_tekst(totaal['instroom'])} trajecten"
    delta = totaal["instroom_verschil"]
    if leeg(totaal["instroom_vorig"]):
        return f"{begin}; over het {vorig} zijn geen gegevens om mee te vergelijken."
    if leeg(delta):
        return f"{begin}; de verandering ten opzichte van het {vorig} is afgeschermd."
    stijging = richting(delta)
    # "70 minder", not "(-70)": in every table of the report brackets mean "direction not certain"
    if stijging in (1, -1):
        verschil = ("ongeveer " if is_beschermd(delta) else "") + formaat.getal(abs(getoond(delta)))
        return f"{begin}, {verschil} {'meer' if stijging == 1 else 'minder'} dan in het {vorig}."
    if stijging == 0:
        return f"{begin}, evenveel als in het {vorig}."
    return f"{begin}; of dat meer of minder is dan in het {vorig}, is met deze afgeronde aantallen niet te zeggen."


def leeg(waarde) -> bool:
    """Missing (None, NaN); a protected number is never missing (a hidden one has its marker)."""
    return not is_beschermd(waarde) and formaat.is_leeg(waarde)


def _absoluut_bereik(waarde) -> tuple[float, float]:
    """The smallest and largest size of a change for every true value; unknown (hidden) is 0 to infinity."""
    if leeg(waarde):
        return 0.0, math.inf
    laag, hoog = bereik(waarde)
    klein = 0.0 if laag <= 0 <= hoog else min(abs(laag), abs(hoog))
    return klein, max(abs(laag), abs(hoog))


def meeste_verandering_zin(sectoren: pd.DataFrame, sectornaam: Callable[[object], str]) -> str | None:
    """The sector whose instroom changed most, if that holds for every true value; else that it cannot be said."""
    vergelijkbaar = sectoren[~sectoren["instroom_vorig"].map(leeg)]
    if len(vergelijkbaar) < 2:
        return None
    grootte = [_absoluut_bereik(w) for w in vergelijkbaar["instroom_verschil"]]
    for i, (klein, _) in enumerate(grootte):
        if klein > 0 and all(klein > hoog for j, (_, hoog) in enumerate(grootte) if j != i):
            rij = vergelijkbaar.iloc[i]
            delta = rij["instroom_verschil"]
            woord = "steeg" if richting(delta) == 1 else "daalde"
            grootte_tekst = formaat.getal(abs(getoond(delta)))
            if is_beschermd(delta):
                grootte_tekst = f"ongeveer {grootte_tekst}"
            return (f"De instroom veranderde het meest in de sector {sectornaam(rij['sector'])}: hij {woord} met "
                    f"{grootte_tekst} trajecten.")
    if all(klein == hoog for klein, hoog in grootte):  # exact numbers: a tie
        grootste = max(hoog for _, hoog in grootte)
        namen = [sectornaam(s) for s, (_, hoog) in zip(vergelijkbaar["sector"], grootte, strict=True)
                 if hoog == grootste]
        if grootste == 0:
            return "De instroom was in elke sector gelijk aan die in het halfjaar ervoor."
        return (f"De instroom veranderde het meest, evenveel, in de sectoren {opsomming(namen)}: elk "
                f"{formaat.getal(grootste)} trajecten.")
    return ("Welke sector in instroom het meest veranderde, is met deze afgeronde of afgeschermde aantallen niet met "
            "zekerheid te zeggen.")


def uitval_zin(totaal: pd.Series, halfjaar: Halfjaar) -> str | None:
    nu, vorig = halfjaar_naam(halfjaar), halfjaar_naam(halfjaar.vorige())
    waarde = totaal["uitval6"]
    if leeg(waarde) or is_afgeschermd(waarde) or getoond(waarde) is None:
        return (f"De uitval binnen {UITVAL_MAANDEN} maanden is voor het {nu} niet te geven: te weinig trajecten die "
                f"al {UITVAL_MAANDEN} maanden te volgen zijn.")
    begin = f"Van de trajecten uit het {nu} viel {formaat.percentage(waarde)} binnen {UITVAL_MAANDEN} maanden uit"
    delta = totaal["uitval6_verschil"]
    if leeg(delta):
        return f"{begin}."
    stijging = richting(delta)
    if stijging in (1, -1):  # "5 procentpunt meer", not "(+5 procentpunt)": brackets mean "direction not certain"
        punten = formaat.verschil_procentpunt(delta).lstrip("+-(").rstrip(")")
        return f"{begin}, {punten} {'meer' if stijging == 1 else 'minder'} dan in het {vorig}."
    if stijging == 0:
        return f"{begin}, evenveel als in het {vorig}."
    return f"{begin}; of dat meer of minder is dan in het {vorig}, is met deze afgeronde cijfers niet te zeggen."


def afspraak_zinnen(afspraak: pd.DataFrame, halfjaar: Halfjaar) -> list[str]:
    """Which gemeenten are behind their afspraak: by the seasonal pattern in the first half year, by the final result
    in the second; only what holds for every true instroom, and the gemeenten where that cannot be said by name."""
    met = afspraak[afspraak["afspraak"].notna()]
    if met.empty:
        return [f"Voor {halfjaar.jaar} zijn geen instroomafspraken geladen voor deze selectie."]
    afgelopen = bool(afspraak.attrs.get("afgelopen"))
    maand = formaat.maandnaam(halfjaar.tot.month)

    def gemeenten(*standen: str) -> list[str]:
        return list(met.loc[met["verwachting"].isin(standen), "gemeente"].astype(str))

    achter = gemeenten("niet gehaald" if afgelopen else "achter")
    onbepaald = gemeenten(NIET_TE_BEPALEN, "afgeschermd")
    uit = []
    if afgelopen:
        if achter:
            uit.append(f"De afspraak voor {halfjaar.jaar} niet gehaald: {opsomming(achter)}.")
        if onbepaald:
            uit.append(f"Of de afspraak voor {halfjaar.jaar} gehaald is, is met afgeronde of afgeschermde aantallen "
                       f"niet te bepalen voor {opsomming(onbepaald)}.")
        if not achter and not onbepaald:
            uit.append(f"Elke gemeente met een afspraak heeft die in {halfjaar.jaar} gehaald.")
        return uit
    if achter:
        uit.append(f"Achter op de afspraak, ook volgens de ruimste verwachting voor heel {halfjaar.jaar} naar het "
                   f"seizoenspatroon van eerdere jaren (instroom januari tot en met {maand}): {opsomming(achter)}.")
    if onbepaald:
        uit.append(f"Of de instroom op koers ligt, is niet te bepalen voor {opsomming(onbepaald)}.")
    if not achter and not onbepaald:
        uit.append(f"Elke gemeente met een afspraak ligt eind {maand} volgens het seizoenspatroon op koers of voor.")
    elif not achter:
        uit.append("Geen gemeente ligt volgens het seizoenspatroon zeker achter op de afspraak.")
    return uit


def gedekt_tekst(gedekt: bool | None, instroom) -> str:
    """Whether the vraag is gedekt, in words; for protected numbers only what holds for every true value."""
    if gedekt is None:
        return "afgeschermd" if is_afgeschermd(instroom) else "niet te bepalen"
    return "ja" if gedekt else "nee, tekort"


def vraag_zinnen(aanbod: pd.DataFrame | None, sectornaam: Callable[[object], str]) -> list[str]:
    if aanbod is None:
        return ["Er is geen werkgeversvraag geladen: over structurele vraag is niets te zeggen."]
    if aanbod.empty:
        return ["In de 12 maanden tot het eind van het halfjaar was er geen structurele vraag."]
    aanbod = aanbod[aanbod["vraag_per_maand"] > 0]  # without structurele vraag there is nothing to cover
    if aanbod.empty:
        return ["In de 12 maanden tot het eind van het halfjaar was er geen structurele vraag."]
    niet = [sectornaam(s) for s, g in zip(aanbod["sector"], aanbod["gedekt"], strict=True) if g is False]
    onbepaald = [sectornaam(s) for s, g in zip(aanbod["sector"], aanbod["gedekt"], strict=True) if g is None]
    uit = []
    if niet:
        uit.append(f"Structurele vraag die de instroom niet dekt, in: {opsomming(niet)}.")
    if onbepaald:
        uit.append(f"Of de structurele vraag gedekt wordt, is niet te bepalen voor {opsomming(onbepaald)}.")
    if not niet and not onbepaald:
        uit.append("In elke sector is de instroom minstens zo groot als de structurele vraag.")
    return uit


def verbeteracties_zin(acties: pd.DataFrame, halfjaar: Halfjaar) -> str:
    vorige = halfjaar_naam(halfjaar.vorige())
    if acties.empty:
        return f"Voor het {vorige} zijn geen verbeteracties vastgelegd."
    te_laat = acties[acties["Te laat"].fillna(False).astype(bool)]
    if te_laat.empty:
        return f"Geen van de {len(acties)} verbeteracties uit het {vorige} is over de deadline."
    acties_tekst = opsomming([f"{str(rij['Actie']).rstrip('. ')} ({rij['Eigenaar']})" for _, rij in te_laat.iterrows()])
    woord = "is" if len(te_laat) == 1 else "zijn"
    return f"{len(te_laat)} van de {len(acties)} verbeteracties {woord} over de deadline: {acties_tekst}."


def beweging(vorig, nu) -> str:
    """How a kengetal moved between two half years, in a word; only what holds for every true value."""
    delta = verschil(nu, vorig)
    if delta is None:
        return formaat.LEEG
    return {1: "gestegen", -1: "gedaald", 0: "gelijk"}.get(richting(delta), "niet te bepalen")
