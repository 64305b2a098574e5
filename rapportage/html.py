"""The report as one self-contained HTML file: plotly.js inline once, no reference outside the file (it opens
offline), and print CSS for A4 landscape (a section starts on a new sheet; no chart or table row is split).

Every value is escaped with html.escape: names of organisaties, beroepen and verbeteracties are text from files.
"""

from __future__ import annotations

from functools import cache
from html import escape

import plotly.io as pio
import plotly.offline

from analytics.beschermd import Beschermd
from rapportage.model import Rapport, Sectie, Tabel
from weergave import formaat
from weergave.grafieken import PLOTLY_CONFIG

GRAFIEK_BREEDTE = 1000  # px: A4 landscape less its margins is 273 mm, about 1030 CSS px
# px: a chart with a heading above it fits on one A4 landscape sheet (185 mm high, about 700 CSS px); the pages'
# charts are drawn for a projector and some are taller (plotly lays a lower one out again, nothing is cut off)
GRAFIEK_MAX_HOOGTE = 560
CONFIG = {**PLOTLY_CONFIG, "displayModeBar": False, "responsive": False}

CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #31333F; margin: 0 auto;
       max-width: 1040px; padding: 16px; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 24pt; margin: 0 0 8px 0; color: #0b3d6b; }
h2 { font-size: 17pt; margin: 0 0 8px 0; color: #0b3d6b; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
h3 { font-size: 12pt; margin: 14px 0 4px 0; }
section { margin-bottom: 32px; }
p.toelichting { font-size: 9.5pt; color: #555; margin: 3px 0; }
.voorblad .ondertitel { font-size: 14pt; margin-bottom: 18px; }
dl.gegevens { display: grid; grid-template-columns: 190px 1fr; gap: 4px 12px; margin: 0 0 14px 0; }
dl.gegevens dt { font-weight: bold; } dl.gegevens dd { margin: 0; }
ul.samenvatting li { margin-bottom: 6px; font-size: 12pt; }
table { border-collapse: collapse; margin: 4px 0 10px 0; font-size: 9pt; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #e8eef5; text-align: left; font-weight: bold; }
td.getal, th.getal { text-align: right; white-space: nowrap; }
tr.totaal td { background: #eeeeee; font-weight: bold; }
td.invul { height: 30px; }
.grafiek { margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.tabel { break-inside: avoid; page-break-inside: avoid; }  /* every table of the report fits on one sheet */
div.toelichting { margin-top: 8px; }
.leeg { font-style: italic; color: #555; }
.voetnoot { font-size: 8.5pt; color: #555; margin-top: 18px; }
@media print {
  body { max-width: none; padding: 0; }
  section { break-before: page; page-break-before: always; margin: 0; }
  section.voorblad { break-before: auto; page-break-before: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""

GETAL_SOORTEN = {"aantal", "decimaal", "procent", "verschil", "verschil_decimaal", "procentpunt", "gemengd"}


def cel_tekst(waarde: object, soort: str) -> str:
    """A value as the screen writes it (Dutch numbers; protected ones as shown, "<5", "x", ranges, brackets)."""
    if soort == "aantal":
        return formaat.getal(waarde)
    if soort == "decimaal":
        return formaat.getal(waarde, 1)
    if soort == "procent":
        return formaat.percentage(waarde)
    if soort == "verschil":
        return formaat.verschil_getal(waarde)
    if soort == "verschil_decimaal":
        return formaat.verschil_getal(waarde, 1)
    if soort == "procentpunt":
        return formaat.verschil_procentpunt(waarde).replace(" procentpunt", "")
    if soort == "datum":
        return formaat.datum(waarde)
    if soort == "janee":
        return formaat.LEEG if formaat.is_leeg(waarde) else ("ja" if waarde else "nee")
    if soort == "gemengd":
        if isinstance(waarde, Beschermd) and waarde.aandeel:
            return formaat.percentage(waarde)
        return formaat.getal(waarde, 1) if isinstance(waarde, float) and not waarde.is_integer() else \
            formaat.getal(waarde)
    return formaat.LEEG if formaat.is_leeg(waarde) else str(waarde)


def tabel_html(tabel: Tabel) -> str:
    kolommen = list(tabel.df.columns)
    kop = "".join(f'<th class="{"getal" if tabel.soort(k) in GETAL_SOORTEN else ""}">{escape(str(k))}</th>'
                  for k in kolommen)
    rijen = []
    for _, rij in tabel.df.iterrows():
        klasse = ' class="totaal"' if str(rij.iloc[0]) == "Hele selectie" else ""
        cellen = "".join(
            f'<td class="{"getal" if tabel.soort(k) in GETAL_SOORTEN else ""}">'
            f"{escape(cel_tekst(rij[k], tabel.soort(k)))}</td>" for k in kolommen)
        rijen.append(f"<tr{klasse}>{cellen}</tr>")
    rijen.extend("<tr>" + '<td class="invul"></td>' * len(kolommen) + "</tr>" for _ in range(tabel.invulregels))
    inhoud = f"<h3>{escape(tabel.titel)}</h3>"
    if not rijen:
        return f'<div class="tabel">{inhoud}<p class="leeg">{escape(tabel.leeg_tekst)}</p></div>'
    return (f'<div class="tabel">{inhoud}<table><thead><tr>{kop}</tr></thead><tbody>{"".join(rijen)}</tbody>'
            "</table></div>")


def grafiek_html(grafiek, nummer: int) -> str:
    figuur = grafiek.figure
    figuur.update_layout(width=GRAFIEK_BREEDTE, template="plotly_white")  # white, as on the screen: plotly's default
    # template puts the charts on a grey-blue plane that prints as a grey block
    if (figuur.layout.height or 0) > GRAFIEK_MAX_HOOGTE:
        figuur.update_layout(height=GRAFIEK_MAX_HOOGTE)
    div = pio.to_html(figuur, full_html=False, include_plotlyjs=False, config=CONFIG, div_id=f"grafiek{nummer}",
                      validate=False)
    return f'<div class="grafiek" role="img" aria-label="{escape(grafiek.alt)}">{div}</div>'


def sectie_html(sectie: Sectie, teller: list[int]) -> str:
    delen = [f'<section id="{escape(sectie.sleutel.lower().replace(" ", "-"))}"><h2>{escape(sectie.titel)}</h2>']
    if sectie.zinnen:
        delen.append("<ul>" + "".join(f"<li>{escape(z)}</li>" for z in sectie.zinnen) + "</ul>")
    for grafiek in sectie.grafieken:
        teller[0] += 1
        delen.append(grafiek_html(grafiek, teller[0]))
    delen += [tabel_html(t) for t in sectie.tabellen]
    # the notes under the charts and tables: above them they pushed the first chart onto the next sheet
    delen.append('<div class="toelichting">' + "".join(f'<p class="toelichting">{escape(t)}</p>'
                                                       for t in sectie.toelichting) + "</div>")
    delen.append("</section>")
    return "\n".join(delen)


def voorblad_html(rapport: Rapport) -> str:
    gegevens = [("Regio", rapport.regio), *rapport.filters, ("Gemaakt voor", rapport.voor),
                ("Afscherming", rapport.afscherming), ("Gemaakt op", formaat.datum(rapport.gemaakt))]
    lijst = "".join(f"<dt>{escape(label)}</dt><dd>{escape(tekst)}</dd>" for label, tekst in gegevens)
    peildata = Tabel("Peildatum per organisatie", rapport.peildata, {"Laatste peildatum": "datum"},
                     "Er zijn nog geen exports geladen.")
    geleverd = ("".join(f"<li>{escape(z)}</li>" for z in rapport.niet_geleverd) if rapport.niet_geleverd else "")
    niet = (f"<h3>Niet (volledig) aangeleverd</h3><ul>{geleverd}</ul>" if geleverd else
            "<h3>Niet (volledig) aangeleverd</h3><p>Elke organisatie leverde gegevens tot en met het eind van het "
            "halfjaar.</p>")
    samenvatting = "".join(f"<li>{escape(z)}</li>" for z in rapport.samenvatting)
    return (f'<section class="voorblad"><h1>{escape(rapport.titel)}</h1>'
            f'<div class="ondertitel">Praktijkleren met de praktijkverklaring mbo in {escape(rapport.regio)}</div>'
            f'<dl class="gegevens">{lijst}</dl>{tabel_html(peildata)}{niet}</section>'
            f'<section id="samenvatting"><h2>Samenvatting</h2><ul class="samenvatting">{samenvatting}</ul>'
            '<p class="voetnoot">Elke zin geldt voor elke werkelijke waarde die past bij de getoonde, afgeronde '
            "cijfers; waar die cijfers het niet beslissen, staat dat erbij.</p></section>")


@cache
def plotly_js() -> str:
    """plotly.js, to be inlined once; '</script' cannot occur in it (it would end the script element)."""
    js = plotly.offline.get_plotlyjs()
    return js.replace("</script", "<\\/script")


def rapport_html(rapport: Rapport) -> str:
    teller = [0]
    secties = "\n".join(sectie_html(s, teller) for s in rapport.secties)
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(rapport.titel)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS}</style>"
        f'<script type="text/javascript">{plotly_js()}</script>'
        f"</head><body>{voorblad_html(rapport)}\n{secties}"
        f'<p class="voetnoot">{escape(rapport.titel)}. Cijfers volgens de definities van het dashboard (pagina '
        "Definities).</p></body></html>\n"
    )
