"""The command line: python -m pipelines ingest | terugdraaien | demo | sjablonen | gebruiker toevoegen |
rapport | verbeteracties exporteren | verbeteracties importeren.

Exit codes: 0 every file loaded or already loaded; 1 a file was refused (its Dutch report is
printed, nothing of it is in the store); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from basis import fouten
from pipelines import meldingen

# argparse's own texts, in Dutch: everything our users read is Dutch.
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "show this help message and exit": "toon deze hulp en stop",
    "positional arguments": "argumenten",
    "options": "opties",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}
argparse._ = lambda tekst: ARGPARSE_NL.get(tekst, tekst)  # argparse looks `_` up at call time


def peildatum_argument(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
            raise argparse.ArgumentTypeError(f"'{tekst}' is geen bestaande datum") from None
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen datum in de vorm JJJJ-MM-DD") from None


def opslag_argument(tekst: str) -> Path:
    pad = Path(tekst)
    if pad.is_dir():
        raise argparse.ArgumentTypeError(f"'{tekst}' is een map; geef het pad van het DuckDB-bestand")
    if not pad.parent.is_dir():
        raise argparse.ArgumentTypeError(f"de map van '{tekst}' bestaat niet")
    return pad


def parser() -> argparse.ArgumentParser:
    hoofd = argparse.ArgumentParser(prog="python -m pipelines", description="Exports laden in de DuckDB-opslag.")
    sub = hoofd.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")

    ingest = sub.add_parser("ingest", help="bestanden controleren en laden")
    ingest.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    ingest.add_argument("--soort", choices=["kandidaten", "vraag", "afspraken"], help="soort export")
    ingest.add_argument("--organisatie", help="naam van de organisatie die de export levert")
    ingest.add_argument("--peildatum", type=peildatum_argument, help="datum van de export (JJJJ-MM-DD)")
    ingest.add_argument("--als", metavar="EMAIL", help="laad namens deze gebruiker uit het toegangsbestand "
                        "(DASHBOARD_TOEGANG): een organisatie laadt alleen exports van haar eigen organisatie")
    ingest.add_argument("bestanden", nargs="+", type=Path, metavar="BESTAND")

    terug = sub.add_parser("terugdraaien", help="een upload ongedaan maken")
    terug.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    terug.add_argument("--als", metavar="EMAIL", help="namens deze gebruiker uit het toegangsbestand: een "
                       "organisatie draait alleen uploads van haar eigen organisatie terug")
    terug.add_argument("upload_id", type=int, metavar="UPLOAD_ID")

    demo = sub.add_parser("demo", help="demobestanden maken en laden (fictieve gegevens)")
    demo.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    demo.add_argument("--map", type=Path, default=Path("data/demo"), help="map voor de demobestanden")
    demo.add_argument("--zonder-verbeteracties", action="store_true",
                      help="alleen de exports, zonder de drie fictieve verbeteracties")
    demo.add_argument("--schaal", type=int, metavar="N",
                      help="een nationale demo van ongeveer N trajecten in alle 35 arbeidsmarktregio's, tien jaar "
                      "maandsnapshots, rechtstreeks in een nieuwe opslag (zonder demobestanden)")

    sjablonen = sub.add_parser("sjablonen", help="lege Excel-sjablonen per soort export maken")
    sjablonen.add_argument("--map", type=Path, default=Path("data/sjablonen"), help="doelmap")
    gebruiker = sub.add_parser("gebruiker", help="lokale accounts beheren (zonder identity provider)")
    gebruiker_sub = gebruiker.add_subparsers(dest="actie", required=True, metavar="ACTIE")
    toevoegen = gebruiker_sub.add_parser("toevoegen", help="een account toevoegen of een nieuw wachtwoord zetten")
    toevoegen.add_argument("email", metavar="EMAIL", help="e-mailadres: de identiteit waar de rol bij hoort")
    toevoegen.add_argument("--bestand", type=Path, help="accountsbestand (standaard DASHBOARD_ACCOUNTS of "
                           "data/accounts.json)")
    toevoegen.add_argument("--wachtwoord-stdin", action="store_true",
                           help="lees het wachtwoord van standaardinvoer in plaats van het te vragen")
    rapport = sub.add_parser("rapport", help="de halfjaarrapportage maken (HTML, PDF of Excel)")
    rapport.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    rapport.add_argument("--halfjaar", required=True, help="het halfjaar, zoals 2026-1 (januari-juni) of 2026-2; "
                         "'laatste' voor het laatste volledige halfjaar")
    rapport.add_argument("--sector", help="alleen deze sector (code, zoals groen)")
    rapport.add_argument("--gemeente", help="alleen deze gemeente (CBS-code, zoals GM0268)")
    rapport.add_argument("--als", metavar="EMAIL", help="maak het rapport zoals deze gebruiker het mag zien (rol uit "
                         "het toegangsbestand DASHBOARD_TOEGANG); zonder: zoals de regio het ziet (afgeschermd)")
    rapport.add_argument("--uit", required=True, type=Path, metavar="BESTAND",
                         help="het rapport: een bestand dat eindigt op .html, .pdf of .xlsx")
    acties = sub.add_parser("verbeteracties", help="de lijst met verbeteracties naar of uit Excel")
    acties_sub = acties.add_subparsers(dest="actie", required=True, metavar="ACTIE")
    exporteren = acties_sub.add_parser("exporteren", help="alle verbeteracties naar een Excel-bestand")
    exporteren.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    exporteren.add_argument("--uit", required=True, type=Path, metavar="BESTAND.xlsx", help="het Excel-bestand")
    importeren = acties_sub.add_parser("importeren", help="verbeteracties uit een Excel-bestand laden")
    importeren.add_argument("--db", required=True, type=opslag_argument, help="pad naar het DuckDB-bestand")
    importeren.add_argument("--als", required=True, metavar="EMAIL",
                            help="wie laadt: beheerder of regio in het toegangsbestand (DASHBOARD_TOEGANG)")
    importeren.add_argument("bestand", type=Path, metavar="BESTAND.xlsx")
    return hoofd


def rapport(args: argparse.Namespace) -> int:
    from basis.opslag import vorm_bijgewerkt
    from rapportage.maken import maak_rapport

    if reden := vorm_bijgewerkt(args.db):  # a store of an older version: what the read side needs, added first
        print(f"Let op: de opslag kon niet worden bijgewerkt naar deze versie. {reden}", file=sys.stderr)
    return maak_rapport(args.db, args.halfjaar, args.uit, sector=args.sector, gemeente=args.gemeente, als=args.als)


def verbeteracties(args: argparse.Namespace) -> int:
    import os

    from basis.audit import vastleggen
    from pipelines.verbeteracties import VerbeteractieFout, excel_export, importeren

    os.environ["DASHBOARD_DB"] = str(args.db)  # the read side asks this store
    if args.actie == "exporteren":
        if args.uit.suffix.lower() != ".xlsx":
            print(f"Geef een bestandsnaam die eindigt op .xlsx, niet '{args.uit.name}'.")
            return 2
        if not args.db.exists():
            print(f"De opslag {args.db} bestaat niet. Er is niets geschreven.")
            return 1
        args.uit.write_bytes(excel_export())
        vastleggen(args.db, "opdrachtregel", "download", f"verbeteracties {args.uit.name}")
        print(f"Verbeteracties geschreven: {args.uit}")
        return 0
    if not args.bestand.is_file():
        print(f"Niet geladen: {args.bestand} bestaat niet of is geen bestand.")
        return 1
    if not args.db.exists():
        print(f"Niet geladen: de opslag {args.db} bestaat niet.")
        return 1
    wie, fout = schrijver(args.als)
    if fout:
        print(fout)
        return 1
    try:
        uitkomst = importeren(args.db, args.bestand.read_bytes(), wie)
    except VerbeteractieFout as fout:
        print(f"Geweigerd: {args.bestand.name}.")
        for regel in fout.meldingen:
            print(f"  {regel}")
        return 1
    print(f"{uitkomst.melding} ({args.bestand.name})")
    return 0


def schrijver(email: str):
    """(the Kijker of `email` from the roles file, None) or (None, why they may not write verbeteracties)."""
    from pipelines.verbeteracties import schrijfrecht_fout

    wie, fout = namens(email)
    return (None, fout) if fout else (wie, schrijfrecht_fout(wie))


def namens(email: str | None):
    """(the Kijker of `email` from the roles file, None), or (None, why not); (None, None) without --als: the operator
    at the server, who may do everything the beheerder may."""
    from basis.instellingen import toegangsbestand
    from toegang.kijker import Kijker
    from toegang.rollen import ToegangFout, rol_van

    if email is None:
        return None, None
    bestand = toegangsbestand()
    if bestand is None:
        return None, (f"Er is geen toegangsbestand (DASHBOARD_TOEGANG), dus niet na te gaan wat {email} mag. Er is "
                      "niets veranderd.")
    try:
        rol = rol_van(email, bestand)
    except ToegangFout as fout:
        return None, f"{fout} Er is niets veranderd."
    if rol is None:
        return None, f"{email} staat niet in het toegangsbestand ({bestand}). Er is niets veranderd."
    return Kijker.uit_rol(rol), None


def ingest(args: argparse.Namespace) -> int:
    from pipelines.laden import MAX_GETOONDE_FOUTEN, gecontroleerd, laad, laad_bestand, voorbereid
    from toegang import beleid

    wie, fout = namens(args.als)
    if fout:
        print(fout)
        return 1
    eigen = beleid.upload_organisaties(wie) if wie else None
    organisatie = args.organisatie or (eigen[0] if eigen and len(eigen) == 1 else None)
    code = 0
    for pad in args.bestanden:
        if not pad.is_file():
            print(f"Geweigerd: {pad} bestaat niet of is geen bestand.")
            code = 1
            continue
        try:
            if wie is None:
                uitkomst = laad_bestand(args.db, pad, soort=args.soort, organisatie=organisatie,
                                        peildatum=args.peildatum)
            else:  # the access policy decides on what the file itself says, before anything is written
                controle = gecontroleerd(voorbereid(pad.read_bytes(), pad.name, soort=args.soort,
                                                    organisatie=organisatie, peildatum=args.peildatum,
                                                    apart_proces=True), args.db)
                weigering = beleid.upload_weigering(wie, controle.soort, controle.organisaties_in_bestand,
                                                    controle.organisatie)
                if weigering:
                    print(f"Geweigerd: {pad.name}. {weigering}")
                    code = 1
                    continue
                uitkomst = laad(args.db, controle, geladen_door=wie.email)
        except fouten.OpslagFout as fout:  # busy, not writable, or the key: the cause, with its path
            print(f"Niet geladen: {pad.name}. {fout}")
            code = 1
            continue
        except Exception as fout:  # never a traceback for the user; the store was rolled back
            print(meldingen.MISLUKT.format(bestand=pad.name, soort=type(fout).__name__))
            code = 1
            continue
        print(uitkomst.melding)
        if uitkomst.status == "geweigerd":
            for regel in uitkomst.controle.foutregels_beperkt(MAX_GETOONDE_FOUTEN):
                print(f"  {regel}")
        for regel in uitkomst.controle.waarschuwingen if uitkomst.status == "geladen" else []:
            print(f"  Let op: {regel}")
        if uitkomst.demo_beeindigd:
            print(meldingen.DEMO_VOORBIJ.format(db=args.db, upload_id=uitkomst.upload_id))
        if uitkomst.status == "geweigerd":
            code = 1
    return code


def terugdraaien(args: argparse.Namespace) -> int:
    from pipelines.laden import terugdraaien as draai_terug
    from pipelines.laden import upload_organisatie
    from toegang import beleid

    wie, fout = namens(args.als)
    if fout:
        print(fout)
        return 1
    if wie is not None and not beleid.mag_terugdraaien(wie, upload_organisatie(args.db, args.upload_id)):
        print(f"{wie.email} mag upload {args.upload_id} niet terugdraaien: een organisatie draait alleen uploads van "
              "haar eigen organisatie terug. Er is niets veranderd.")
        return 1
    try:
        print(draai_terug(args.db, args.upload_id, door=wie.email if wie else None))
    except meldingen.UploadNietTerugTeDraaien as fout:
        print(fout)
        return 1
    return 0


def demo(args: argparse.Namespace) -> int:
    if args.schaal is not None:
        from demodata.nationaal import nationaal_geladen

        return nationaal_geladen(args.db, args.schaal)
    from demodata.laden import demo_geladen

    return demo_geladen(args.db, args.map, verbeteracties=not args.zonder_verbeteracties)


def sjablonen(args: argparse.Namespace) -> int:
    from pipelines.sjablonen import schrijf_sjablonen

    for pad in schrijf_sjablonen(args.map):
        print(f"Sjabloon geschreven: {pad}")
    return 0


def gebruiker(args: argparse.Namespace) -> int:
    import getpass

    from basis.instellingen import accountsbestand, toegangsbestand
    from toegang.accounts import AccountFout, account_toevoegen, genormaliseerd
    from toegang.rollen import ToegangFout, rol_van

    if args.wachtwoord_stdin:
        wachtwoord = sys.stdin.readline().rstrip("\n")
    else:
        wachtwoord = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nogmaals: ") != wachtwoord:
            print("De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.")
            return 1
    pad = args.bestand or accountsbestand()
    try:
        nieuw = account_toevoegen(args.email, wachtwoord, pad)
    except AccountFout as fout:
        print(f"{fout} Er is niets veranderd.")
        return 1
    email = genormaliseerd(args.email)
    print(f"Account {email} {'toegevoegd' if nieuw else 'heeft een nieuw wachtwoord'} ({pad}).")
    try:
        rol = rol_van(email, toegangsbestand())
    except ToegangFout as fout:
        print(f"Let op: {fout}")
        return 0
    if rol is None:
        print(f"Let op: {email} heeft nog geen rol. Zet een blok [[gebruiker]] in het toegangsbestand "
              "(DASHBOARD_TOEGANG); zonder rol kan deze persoon niets zien.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    opdracht = {"ingest": ingest, "terugdraaien": terugdraaien, "demo": demo, "sjablonen": sjablonen,
                "gebruiker": gebruiker, "rapport": rapport, "verbeteracties": verbeteracties}
    try:
        return opdracht[args.opdracht](args)
    except fouten.OpslagFout as fout:
        print(fout)
        return 1


if __name__ == "__main__":
    sys.exit(main())
