"""weergave.tekst: file text shown literally by Streamlit's markdown and by plotly (issue 12, point 4).

What Streamlit's markdown does with the escaped text is checked in Chromium (see the report of issue 12); here the
rules it relies on: CommonMark shows a backslash-escaped ASCII punctuation mark as that mark, and Streamlit's
text-level plugins (bare URLs, e-mail addresses, `:emoji:`, `:material/...:`, `->`) find nothing to match once a
word joiner sits inside their pattern."""

from __future__ import annotations

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from weergave.tekst import WOORDVERBINDER as WJ
from weergave.tekst import markdown_tekst, plotly_tekst

LINK = "Werkbedrijf [Sessie verlopen: log opnieuw in](https://evil.example/login)"
ANKER = '<a href="https://evil.example/">klik</a>'
LEESTEKENS = re.escape(string.punctuation)


def zichtbaar(markdown: str) -> str:
    """The text CommonMark shows for markdown without syntax: each backslash escape undone."""
    return re.sub(rf"\\([{LEESTEKENS}])", r"\1", markdown)


def onge_escapete_leestekens(markdown: str) -> list[str]:
    """ASCII punctuation that is not backslash-escaped: syntax that markdown would act on."""
    return re.findall(rf"[{LEESTEKENS}]", re.sub(rf"\\[{LEESTEKENS}]", "", markdown))


def tekstplugins(getoond: str) -> list[str]:
    """What Streamlit's plugins on the shown text would still turn into a link, emoji, icon or sign (their patterns,
    from the frontend bundle of streamlit 1.67)."""
    patronen = [r"https?://", r"www(?=\.)", r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", r":[\w+/-]+:",
                r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"]
    return [m.group(0) for p in patronen for m in re.finditer(p, getoond, re.IGNORECASE)]


def test_a_markdown_link_is_shown_as_its_text():
    assert markdown_tekst(LINK) == (
        rf"Werkbedrijf \[Sessie verlopen\: log opnieuw in\]\(https\:{WJ}\/\/evil\.example\/login\)"
    )


def test_an_html_anchor_is_shown_as_its_text():
    assert markdown_tekst(ANKER) == rf"\<a href\=\"https\:{WJ}\/\/evil\.example\/\"\>klik\<\/a\>"


def test_backslashes_dollars_directives_emphasis_and_code_are_escaped():
    assert markdown_tekst(r"C:\temp") == rf"C\:{WJ}\\temp"
    assert markdown_tekst(r"\[x\](y)") == r"\\\[x\\\]\(y\)"  # an escape in the file is text too
    assert markdown_tekst("$x^2$ kost $5") == r"\$x\^2\$ kost \$5"
    assert markdown_tekst(":red[rood]") == rf"\:{WJ}red\[rood\]"
    assert markdown_tekst(":material/home: :smile:") == rf"\:{WJ}material\/home\: \:{WJ}smile\:"
    assert markdown_tekst("*vet* _schuin_ `code` ~~weg~~") == r"\*vet\* \_schuin\_ \`code\` \~\~weg\~\~"
    assert markdown_tekst("<script>alert(1)</script>") == r"\<script\>alert\(1\)\<\/script\>"


def test_bare_urls_www_and_e_mail_addresses_are_broken_by_an_invisible_joiner():
    assert markdown_tekst("https://evil.example") == rf"https\:{WJ}\/\/evil\.example"
    assert markdown_tekst("WWW.evil.example") == rf"WWW{WJ}\.evil\.example"
    assert markdown_tekst("a.b@evil.example") == rf"a\.b{WJ}\@evil\.example"
    assert markdown_tekst("a -> b") == rf"a \-{WJ}\> b"


def test_line_breaks_and_indentation_do_not_start_blocks():
    assert markdown_tekst("    code\n\n# kop\r\n- punt") == r" code \# kop \- punt"


def test_plain_names_and_ordinary_punctuation_read_the_same():
    for naam in ("Werkbedrijf Oost", "Groen & Co B.V.", "Peildatum: 31-10-2026", "Café 't Hoekje (Nijmegen)"):
        assert zichtbaar(markdown_tekst(naam)).replace(WJ, "") == naam


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_any_text_is_shown_literally_without_syntax_or_plugin_matches(tekst):
    markdown = markdown_tekst(tekst)
    getoond = zichtbaar(markdown)
    assert getoond.replace(WJ, "") == re.sub(r"\s+", " ", tekst).replace(WJ, "")
    assert onge_escapete_leestekens(markdown) == []
    assert tekstplugins(getoond) == []


def test_plotly_text_shows_tags_entities_placeholders_and_latex_literally():
    assert plotly_tekst(ANKER) == "&lt;a href=\"https://evil.example/\"&gt;klik&lt;/a&gt;"
    assert plotly_tekst("<b>vet</b> &amp; 100% %{y} $x$") == (
        "&lt;b&gt;vet&lt;/b&gt; &amp;amp; 100&#37; &#37;{y} &#36;x&#36;"
    )
    assert plotly_tekst(LINK) == LINK  # markdown means nothing to plotly
    assert plotly_tekst(12) == "12"


@given(st.text(max_size=80))
def test_plotly_text_has_no_tag_entity_or_placeholder_left(tekst):
    veilig = plotly_tekst(tekst)
    assert "<" not in veilig and ">" not in veilig and "%" not in veilig and "$" not in veilig
    assert re.sub(r"&(amp|lt|gt|#37|#36);", "", veilig).count("&") == 0
    terug = veilig.replace("&lt;", "<").replace("&gt;", ">").replace("&#37;", "%").replace("&#36;", "$")
    assert terug.replace("&amp;", "&") == tekst
