-- The store. Tables are ours to change; the four views at the bottom are the analysts' contract.
-- Data rows are append-only per upload: what is current is derived from the uploads that are
-- loaded, so replacing and rolling back never need to rewrite history.

CREATE TABLE IF NOT EXISTS upload (
    upload_id INTEGER PRIMARY KEY,
    soort VARCHAR,
    organisatie VARCHAR,
    peildatum DATE,
    bestandsnaam VARCHAR,
    sha256 VARCHAR,
    rijen INTEGER,
    status VARCHAR NOT NULL,          -- geladen | geweigerd | teruggedraaid (vervangen is derived)
    geladen_op TIMESTAMP NOT NULL,   -- UTC
    geladen_door VARCHAR,
    meldingen VARCHAR,                -- JSON: {"fouten": [...], "waarschuwingen": [...]}
    teruggedraaid_op TIMESTAMP,
    teruggedraaid_door VARCHAR
);

CREATE TABLE IF NOT EXISTS kandidaten_rij (
    upload_id INTEGER NOT NULL,
    organisatie VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    rij INTEGER,
    traject_id VARCHAR NOT NULL,  -- compressed here, unlike traject_actueel (below): ten years of snapshots are
    kandidaat_hash VARCHAR NOT NULL,  -- 54 million rows nationally, 2,1 GB compressed and 5,7 GB without
    gemeentecode VARCHAR NOT NULL,
    doelgroep VARCHAR NOT NULL,
    stroom VARCHAR,
    route VARCHAR NOT NULL,
    sector VARCHAR NOT NULL,
    werkgever VARCHAR,
    crebo VARCHAR,
    kwalificatie VARCHAR,
    startdatum DATE NOT NULL,
    einddatum DATE,
    status VARCHAR NOT NULL,
    reden_uitval VARCHAR,
    uitstroom VARCHAR,
    praktijkverklaring_datum DATE,
    praktijkopleider VARCHAR
);

CREATE TABLE IF NOT EXISTS vraag_rij (
    upload_id INTEGER NOT NULL,
    organisatie VARCHAR NOT NULL,
    rij INTEGER,
    werkgever VARCHAR NOT NULL,
    sector VARCHAR NOT NULL,
    beroep VARCHAR NOT NULL,
    crebo VARCHAR,
    gemeentecode VARCHAR,
    maand DATE NOT NULL,
    aantal INTEGER NOT NULL,
    soort VARCHAR
);

CREATE TABLE IF NOT EXISTS afspraak_rij (
    upload_id INTEGER NOT NULL,
    organisatie VARCHAR NOT NULL,
    rij INTEGER,
    gemeentecode VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    sector VARCHAR,
    doelgroep VARCHAR,
    aantal INTEGER NOT NULL
);

-- Values recognised only through a synonym (data/reference/synoniemen.csv) or a gemeente alias,
-- counted per upload, column and value at load time: shows whose exports use other spellings.
CREATE TABLE IF NOT EXISTS synoniem_gebruik (
    upload_id INTEGER NOT NULL,
    kolom VARCHAR NOT NULL,           -- the contract's column (doelgroep, sector, gemeente, ...)
    waarde VARCHAR NOT NULL,          -- as typed in the export
    code VARCHAR NOT NULL,            -- what it was recognised as
    aantal INTEGER NOT NULL           -- rows with that value
);

-- The fingerprint of the key outside the store that kandidaat_hash is made with (pipelines/sleutel.py): an HMAC
-- of a fixed label with the key, never the key. One row, written with the first kandidaten load; a load with
-- the key missing or another key is refused, so the same candidates never get new hashes unnoticed.
CREATE TABLE IF NOT EXISTS sleutel_vingerafdruk (
    vingerafdruk VARCHAR NOT NULL,
    vastgelegd_op TIMESTAMP NOT NULL  -- UTC
);

-- Reference data, refreshed from data/reference/ with every load.
CREATE TABLE IF NOT EXISTS gemeente (
    gemeentecode VARCHAR PRIMARY KEY,
    gemeente VARCHAR NOT NULL,
    arbeidsmarktregio VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS code (
    codelijst VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    label VARCHAR NOT NULL,       -- the contract's label, accepted in exports
    weergave VARCHAR NOT NULL     -- the short name shown on screen
);

-- Each (organisatie, peildatum) of kandidaten: the upload that counts (the last one loaded) and the
-- first one loaded, which fixes when that peildatum arrived.
CREATE OR REPLACE VIEW kandidaten_peilmoment AS
SELECT organisatie, peildatum, max(upload_id) AS upload_id, min(upload_id) AS eerste_upload_id
FROM upload
WHERE soort = 'kandidaten' AND status = 'geladen'
GROUP BY organisatie, peildatum;

CREATE OR REPLACE VIEW kandidaten_snapshot AS
SELECT k.*
FROM kandidaten_rij k
JOIN kandidaten_peilmoment USING (upload_id);

-- The snapshots that make the current state: an export whose peildatum is older than one already
-- loaded when it arrived is kept, but updates nothing current (contract).
CREATE OR REPLACE VIEW kandidaten_actueel AS
SELECT k.*
FROM kandidaten_rij k
JOIN kandidaten_peilmoment p USING (upload_id)
WHERE NOT EXISTS (
    SELECT 1 FROM kandidaten_peilmoment eerder
    WHERE eerder.organisatie = p.organisatie AND eerder.peildatum > p.peildatum
      AND eerder.eerste_upload_id < p.eerste_upload_id
);

-- Per (organisatie, maand) of vraag, and per (gemeente, jaar) of afspraken: the last loaded upload.
CREATE OR REPLACE VIEW vraag_geldig AS
SELECT v.*
FROM vraag_rij v
JOIN upload u USING (upload_id)
WHERE u.status = 'geladen'
QUALIFY v.upload_id = max(v.upload_id) OVER (PARTITION BY v.organisatie, v.maand);

CREATE OR REPLACE VIEW afspraken_geldig AS
SELECT a.*
FROM afspraak_rij a
JOIN upload u USING (upload_id)
WHERE u.status = 'geladen'
QUALIFY a.upload_id = max(a.upload_id) OVER (PARTITION BY a.gemeentecode, a.jaar);

-- ===== The analysts' views: names and columns are a promise (contract.md). =====

-- The current state per traject by definition: its row in the newest current snapshot of its organisation.
-- Computed from every snapshot, so too slow to ask on every question once a store holds years of monthly
-- snapshots (issue 17): `traject_actueel` keeps its answer, refreshed per organisatie inside the transaction of
-- each load and rollback of kandidaten (pipelines/sql/traject_actueel_vernieuwen.sql), so a rollback restores it
-- exactly.
CREATE OR REPLACE VIEW traject_afgeleid AS
SELECT
    k.organisatie, k.traject_id, k.kandidaat_hash, k.gemeentecode, k.doelgroep, k.stroom, k.route, k.sector,
    k.werkgever, k.crebo, k.kwalificatie, k.startdatum, k.einddatum, k.status, k.reden_uitval, k.uitstroom,
    k.praktijkverklaring_datum, k.praktijkopleider, k.peildatum, k.upload_id
FROM kandidaten_actueel k
QUALIFY row_number() OVER (PARTITION BY k.organisatie, k.traject_id ORDER BY k.peildatum DESC) = 1;

-- Per snapshot row: the columns of traject_afgeleid, and what the overzicht's counts compare for that traject,
-- worked out once per load instead of on every question (issue 17: on a million trajecten the date arithmetic of
-- these definitions was most of a kengetallen question). The same definitions as the macros of
-- analytics/sql/selectie.sql (is_uitval, uitval_binnen, n_maanden_te_volgen, praktijkverklaring_op,
-- is_uitstroom_werk; tests/test_schaal.py compares both); plain SQL here because a view in the store cannot use a
-- connection's temporary macros.
CREATE OR REPLACE VIEW kandidaat_kenmerk AS
SELECT
    organisatie, traject_id, kandidaat_hash, gemeentecode, doelgroep, stroom, route, sector,
    werkgever, crebo, kwalificatie, startdatum, einddatum, status, reden_uitval, uitstroom,
    praktijkverklaring_datum, praktijkopleider, peildatum, upload_id,
    status = 'lopend' AS is_lopend,
    startdatum + to_months(12) AS te_volgen_12_vanaf,  -- n_maanden_te_volgen(startdatum, p, 12): this <= p
    status = 'uitgevallen' AND coalesce(reden_uitval, '') <> 'werk'
        AND einddatum < startdatum + to_months(12) AS uitval_12,  -- uitval_binnen(..., 12)
    coalesce(praktijkverklaring_datum, CASE WHEN status = 'afgerond' THEN einddatum END) AS praktijkverklaring_op,
    CASE WHEN status <> 'lopend' THEN einddatum END AS beeindigd_op,  -- ended: status <> 'lopend', on einddatum
    status <> 'lopend' AND (coalesce(uitstroom, '') = 'betaald_werk'
        OR (status = 'uitgevallen' AND reden_uitval = 'werk')) AS is_uitstroom_werk,
    startdatum + to_months(6) AS te_volgen_6_vanaf,  -- the same for 6 months (the sectorvergelijking)
    status = 'uitgevallen' AND coalesce(reden_uitval, '') <> 'werk'
        AND einddatum < startdatum + to_months(6) AS uitval_6
FROM kandidaten_rij;

-- What traject_actueel holds: per traject its row of traject_afgeleid, with what the counts compare.
CREATE OR REPLACE VIEW traject_actueel_afgeleid AS
SELECT k.*
FROM kandidaat_kenmerk k
SEMI JOIN traject_afgeleid a USING (organisatie, upload_id, traject_id);

-- Kept per load (above): one table, so a load writes each current traject once. Filled from its definition when
-- it is made (basis.opslag.schema_aanleggen: a new store, or one from before the kenmerk columns).
-- kandidaat_hash is 64 random hex characters and traject_id is different on every row: compressing them saves
-- little (a million current trajecten) and cost 0,15 s and 0,07 s of a 200.000-row load.
CREATE TABLE IF NOT EXISTS traject_actueel (
    organisatie VARCHAR,
    traject_id VARCHAR USING COMPRESSION uncompressed,
    kandidaat_hash VARCHAR USING COMPRESSION uncompressed,
    gemeentecode VARCHAR,
    doelgroep VARCHAR,
    stroom VARCHAR,
    route VARCHAR,
    sector VARCHAR,
    werkgever VARCHAR,
    crebo VARCHAR,
    kwalificatie VARCHAR,
    startdatum DATE,
    einddatum DATE,
    status VARCHAR,
    reden_uitval VARCHAR,
    uitstroom VARCHAR,
    praktijkverklaring_datum DATE,
    praktijkopleider VARCHAR,
    peildatum DATE,
    upload_id INTEGER,
    is_lopend BOOLEAN,
    te_volgen_12_vanaf TIMESTAMP,
    uitval_12 BOOLEAN,
    praktijkverklaring_op DATE,
    beeindigd_op DATE,
    is_uitstroom_werk BOOLEAN,
    te_volgen_6_vanaf TIMESTAMP,
    uitval_6 BOOLEAN
);

-- Per current traject, what the counts compare (analytics/sql/selectie.sql). Not part of the analysts' contract.
CREATE OR REPLACE VIEW traject_kenmerk AS
SELECT
    organisatie, traject_id, kandidaat_hash, gemeentecode, doelgroep, stroom, route, sector, startdatum, peildatum,
    is_lopend, te_volgen_12_vanaf, uitval_12, praktijkverklaring_op, beeindigd_op, is_uitstroom_werk,
    te_volgen_6_vanaf, uitval_6
FROM traject_actueel;

CREATE OR REPLACE VIEW trajecten AS
SELECT
    k.organisatie, k.traject_id, k.kandidaat_hash, k.gemeentecode, g.gemeente, g.arbeidsmarktregio,
    k.doelgroep, k.stroom, k.route, k.sector, k.werkgever, k.crebo, k.kwalificatie, k.startdatum,
    k.einddatum, k.status, k.reden_uitval, k.uitstroom, k.praktijkverklaring_datum,
    k.praktijkopleider, k.peildatum, k.upload_id
FROM traject_actueel k
LEFT JOIN gemeente g USING (gemeentecode);

-- Flagged: trajecten whose last known state comes from an older export than their organisation's latest
-- (they are missing from that latest export). Not part of the analysts' contract; used by the pages.
CREATE OR REPLACE VIEW trajecten_ontbrekend AS
SELECT t.organisatie, t.traject_id, t.status, t.peildatum AS laatst_gezien, laatste.peildatum AS laatste_export
FROM trajecten t
JOIN (SELECT organisatie, max(peildatum) AS peildatum FROM kandidaten_actueel GROUP BY organisatie) laatste
  USING (organisatie)
WHERE t.peildatum < laatste.peildatum;

CREATE OR REPLACE VIEW vraag AS
SELECT
    v.organisatie, v.werkgever, v.sector, v.beroep, v.crebo, v.gemeentecode, g.gemeente,
    g.arbeidsmarktregio, v.maand, v.aantal, v.soort, v.upload_id
FROM vraag_geldig v
LEFT JOIN gemeente g USING (gemeentecode);

CREATE OR REPLACE VIEW afspraken AS
SELECT a.gemeentecode, g.gemeente, a.jaar, a.sector, a.doelgroep, a.aantal, a.upload_id
FROM afspraken_geldig a
LEFT JOIN gemeente g USING (gemeentecode);

CREATE OR REPLACE VIEW uploads AS
SELECT
    u.upload_id, u.soort, u.organisatie, u.peildatum, u.bestandsnaam, u.sha256, u.rijen,
    CASE
        WHEN u.status <> 'geladen' THEN u.status
        WHEN u.soort = 'kandidaten' AND u.upload_id NOT IN (SELECT upload_id FROM kandidaten_peilmoment) THEN 'vervangen'
        WHEN u.soort = 'vraag' AND u.upload_id NOT IN (SELECT upload_id FROM vraag_geldig) THEN 'vervangen'
        WHEN u.soort = 'afspraken' AND u.upload_id NOT IN (SELECT upload_id FROM afspraken_geldig) THEN 'vervangen'
        ELSE 'geladen'
    END AS status,
    u.geladen_op, u.geladen_door, u.meldingen
FROM upload u;

-- Verbeteracties (issue 14): what the half-yearly evaluation agreed, per half year and scope (a sector, a gemeente,
-- both, or neither: the whole selection), the number it aims to move and who carries it. Free text stays here, never
-- in the audit log. The updates are append-only: the action's status is that of its last update.
CREATE TABLE IF NOT EXISTS verbeteractie (
    id INTEGER PRIMARY KEY,
    halfjaar VARCHAR NOT NULL,        -- 'JJJJ-H' (analytics.sectoren.Halfjaar.sleutel)
    sector VARCHAR,                   -- a sector code, NULL: every sector
    gemeentecode VARCHAR,             -- NULL: every gemeente
    kengetal VARCHAR NOT NULL,        -- a key of analytics.kengetallen.KENGETALLEN
    bevinding VARCHAR,
    actie VARCHAR NOT NULL,
    eigenaar VARCHAR NOT NULL,        -- an organisation (ketenpartner), not a person
    deadline DATE NOT NULL,
    status VARCHAR NOT NULL,          -- open | bezig | gereed | vervallen
    aangemaakt_door VARCHAR NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL  -- UTC
);

CREATE TABLE IF NOT EXISTS verbeteractie_update (
    actie_id INTEGER NOT NULL,
    tijdstip TIMESTAMP NOT NULL,      -- UTC
    door VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    toelichting VARCHAR
);

-- Audit log (issue 6): logins and downloads are written here; uploads and rollbacks are already
-- recorded in `upload` with who and when, so the view `audit` joins both instead of writing twice.
-- `wat` names what was done (a page and a file name, an upload id), never row contents.
CREATE TABLE IF NOT EXISTS audit_log (
    moment TIMESTAMP NOT NULL,        -- UTC
    wie VARCHAR NOT NULL,
    actie VARCHAR NOT NULL,           -- inloggen | download | ...
    wat VARCHAR
);

CREATE OR REPLACE VIEW audit AS
SELECT moment, wie, actie, wat FROM audit_log
UNION ALL
SELECT geladen_op, coalesce(geladen_door, 'onbekend'), CASE status WHEN 'geweigerd' THEN 'upload geweigerd' ELSE 'upload' END,
       'upload ' || upload_id || ': ' || coalesce(bestandsnaam, '') || ' (' || coalesce(soort, '?') || ')'
FROM upload
UNION ALL
SELECT teruggedraaid_op, coalesce(teruggedraaid_door, 'onbekend'), 'terugdraaien', 'upload ' || upload_id || ': ' || coalesce(bestandsnaam, '')
FROM upload WHERE teruggedraaid_op IS NOT NULL;
