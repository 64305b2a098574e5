"""Local accounts, the roles file and the audit log (issue 6, the parts without Streamlit)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from basis.audit import vastleggen
from tests.conftest import KANDIDATEN_KOP, ROOT, ingest, kandidaat, rijen, schrijf_xlsx
from toegang.accounts import ingelogd_als
from toegang.rollen import Rol, ToegangFout, rol_van, rollen


def gebruiker_toevoegen(email: str, wachtwoord: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipelines", "gebruiker", "toevoegen", email, "--wachtwoord-stdin"],
        cwd=ROOT, env={**os.environ, **env}, input=wachtwoord + "\n", capture_output=True, text=True, timeout=60,
    )


def test_a_local_account_is_added_with_the_cli_and_only_its_password_logs_in(tmp_path):
    accounts = tmp_path / "accounts.json"
    toegang = tmp_path / "toegang.toml"
    toegang.write_text('[[gebruiker]]\nemail = "a.jansen@wijchen.example"\nrol = "gemeente"\ngemeenten = ["GM0296"]\n')
    env = {"DASHBOARD_ACCOUNTS": str(accounts), "DASHBOARD_TOEGANG": str(toegang)}
    uit = gebruiker_toevoegen("A.Jansen@Wijchen.example", "correct paard batterij", env)
    assert uit.returncode == 0, uit.stdout
    assert uit.stdout == f"Account a.jansen@wijchen.example toegevoegd ({accounts}).\n"
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o600
    opgeslagen = accounts.read_text()
    assert "correct paard batterij" not in opgeslagen
    assert json.loads(opgeslagen)["accounts"]["a.jansen@wijchen.example"]["methode"] == "scrypt"
    assert ingelogd_als(" a.jansen@WIJCHEN.example", "correct paard batterij", accounts) == "a.jansen@wijchen.example"
    assert ingelogd_als("a.jansen@wijchen.example", "correct paard batterij!", accounts) is None
    assert ingelogd_als("iemand@anders.example", "correct paard batterij", accounts) is None
    # a new password replaces the old one
    assert gebruiker_toevoegen("a.jansen@wijchen.example", "nieuw en lang genoeg", env).stdout == (
        f"Account a.jansen@wijchen.example heeft een nieuw wachtwoord ({accounts}).\n")
    assert ingelogd_als("a.jansen@wijchen.example", "correct paard batterij", accounts) is None
    assert ingelogd_als("a.jansen@wijchen.example", "nieuw en lang genoeg", accounts) == "a.jansen@wijchen.example"


def test_the_cli_refuses_a_short_password_and_warns_about_an_account_without_a_role(tmp_path):
    env = {"DASHBOARD_ACCOUNTS": str(tmp_path / "accounts.json"), "DASHBOARD_TOEGANG": ""}
    kort = gebruiker_toevoegen("b@regio.example", "kort", env)
    assert (kort.returncode, kort.stdout) == (1, "Het wachtwoord is te kort: gebruik minstens 12 tekens. "
                                                 "Er is niets veranderd.\n")
    assert not (tmp_path / "accounts.json").exists()
    zonder_rol = gebruiker_toevoegen("b@regio.example", "lang genoeg wachtwoord", env)
    assert zonder_rol.returncode == 0
    assert zonder_rol.stdout.splitlines()[1] == (
        "Let op: b@regio.example heeft nog geen rol. Zet een blok [[gebruiker]] in het toegangsbestand "
        "(DASHBOARD_TOEGANG); zonder rol kan deze persoon niets zien.")


def test_roles_are_read_with_their_gemeenten_and_unknown_addresses_have_no_access(tmp_path):
    pad = tmp_path / "toegang.toml"
    pad.write_text(
        '[[gebruiker]]\nemail = "A.Jansen@wijchen.example"\nrol = "gemeente"\ngemeenten = ["gm0296", "GM0268"]\n'
        '[[gebruiker]]\nemail = "consortium@regio.example"\nrol = "regio"\n'
        '[[gebruiker]]\nemail = "beheer@sw.example"\nrol = "Beheerder"\n'
    )
    assert rollen(pad) == {
        "a.jansen@wijchen.example": Rol("a.jansen@wijchen.example", "gemeente", ("GM0296", "GM0268")),
        "consortium@regio.example": Rol("consortium@regio.example", "regio"),
        "beheer@sw.example": Rol("beheer@sw.example", "beheerder"),
    }
    assert rol_van("iemand@wijchen.example", pad) is None
    assert rol_van("a.jansen@wijchen.example", None) is None  # no roles file: nobody


@pytest.mark.parametrize(("inhoud", "melding"), [
    ('[[gebruiker]]\nemail = "a@b.nl"\nrol = "wethouder"\n',
     "gebruiker 1 (a@b.nl): rol 'wethouder' bestaat niet. Kies beheerder, organisatie, gemeente of regio."),
    ('[[gebruiker]]\nemail = "a@b.nl"\nrol = "gemeente"\n',
     "gebruiker 1 (a@b.nl): een gemeente-rol heeft minstens één gemeente nodig."),
    ('[[gebruiker]]\nemail = "a@b.nl"\nrol = "gemeente"\ngemeenten = ["GM9999"]\n',
     "gebruiker 1 (a@b.nl): onbekende gemeentecode GM9999. Gebruik de CBS-code, zoals GM0296."),
    ('[[gebruiker]]\nrol = "regio"\n', "gebruiker 1: 'email' ontbreekt of is geen e-mailadres."),
    ('[[gebruiker]]\nemail = "a@b.nl"\nrol = "regio"\n[[gebruiker]]\nemail = "A@b.nl"\nrol = "beheerder"\n',
     "gebruiker 2: a@b.nl staat er al eerder in. Laat één blok staan."),
])
def test_a_roles_file_with_a_mistake_is_refused_whole_with_what_to_fix(tmp_path, inhoud, melding):
    pad = tmp_path / "toegang.toml"
    pad.write_text(inhoud)
    with pytest.raises(ToegangFout) as fout:
        rollen(pad)
    assert str(fout.value) == f"{pad}, {melding}"


def test_the_audit_log_shows_logins_downloads_uploads_and_rollbacks(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat()])
    assert ingest(db, bestand).returncode == 0
    vastleggen(db, "a.jansen@wijchen.example", "inloggen", "lokaal account")
    vastleggen(db, "a.jansen@wijchen.example", "download", "Overzicht: overzicht.xlsx")
    uit = subprocess.run([sys.executable, "-m", "pipelines", "terugdraaien", "--db", str(db), "1"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stdout
    assert rijen(db, "SELECT actie, wat FROM audit ORDER BY moment, actie") == [
        ("upload", "upload 1: k.xlsx (kandidaten)"),
        ("inloggen", "lokaal account"),
        ("download", "Overzicht: overzicht.xlsx"),
        ("terugdraaien", "upload 1: k.xlsx"),
    ]
