"""Help where the question arises: each filter explains its term in one sentence, the same sentence the Definities
page shows (one text, analytics.begrippen)."""

from __future__ import annotations

from analytics.begrippen import BEGRIPPEN
from tests.conftest import demo_app


def test_each_filter_explains_its_term_with_the_sentence_the_definities_page_shows(demo_opslag, monkeypatch):
    app = demo_app(demo_opslag, monkeypatch, timeout=120).run()
    assert not app.exception
    hulp = {m.label: m.help for m in app.sidebar.multiselect}
    assert hulp == {b.label: b.definitie for sleutel, b in BEGRIPPEN.items() if sleutel not in ("periode", "peildatum")}
    assert app.selectbox(key="filter_periode").help == f"{BEGRIPPEN['periode'].definitie} " \
        f"Peildatum: {BEGRIPPEN['peildatum'].definitie}"  # the beheerder: no fixed periods to explain
    peildata = next(c for c in app.sidebar.caption if c.value.startswith("Gegevens tot en met (laatste peildatum):"))
    assert peildata.help == f"Peildatum: {BEGRIPPEN['peildatum'].definitie}"
    for begrip in BEGRIPPEN.values():
        assert begrip.definitie.count(". ") == 0 and begrip.definitie.endswith("."), begrip.label  # one sentence

    app.switch_page("pages/definities.py").run()
    assert not app.exception
    getoond = [m.value for m in app.markdown]
    assert [f"**{b.label}**: {b.definitie}" for b in BEGRIPPEN.values()] == [
        t for t in getoond if t.startswith("**")]
    # every tile on the overzicht says what it counts
    app.switch_page("pages/overzicht.py").run()
    assert all(m.help for m in app.metric), [m.label for m in app.metric if not m.help]
