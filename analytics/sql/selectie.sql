-- The shared filters, in one place: every question selects its rows through these table macros.
-- Arguments are lists; an empty list means "no filter on this dimension". The period is applied
-- by each question to the date that counts for it (metrics.md).

CREATE OR REPLACE TEMP MACRO gekozen(lijst, waarde) AS len(lijst) = 0 OR list_contains(lijst, waarde);

-- Does a traject (its regio, gemeentecode, organisatie, sector, doelgroep, stroom, route) fall in the selection?
CREATE OR REPLACE TEMP MACRO traject_in_selectie(
    regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
    t_regio, t_gemeentecode, t_organisatie, t_sector, t_doelgroep, t_stroom, t_route
) AS gekozen(regio, t_regio) AND gekozen(gemeenten, t_gemeentecode) AND gekozen(organisaties, t_organisatie)
    AND gekozen(sectoren, t_sector) AND gekozen(doelgroepen, t_doelgroep)
    AND gekozen(stromen, coalesce(t_stroom, 'onbekend')) AND gekozen(routes, t_route);

-- The current trajecten of the selection: for questions that do not need the latest peildatum, one scan (issue 17:
-- the join below costs a second scan of a million trajecten, a third of the Instroom per month as regio).
CREATE OR REPLACE TEMP MACRO trajecten_gekozen(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes)
AS TABLE
SELECT t.*
FROM trajecten t
WHERE traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                          t.arbeidsmarktregio, t.gemeentecode, t.organisatie, t.sector, t.doelgroep, t.stroom, t.route);

-- The current trajecten of the selection, with the latest peildatum of their organisation (within the selection).
-- The latest peildatum per organisatie as a grouped join, not a window over every traject: a window partitions and
-- sorts a million rows on each question at national scale (issue 17), a group by is a hash over ~100 organisaties.
-- Two scans of the selection rather than one CTE used twice: a CTE is materialised with every column, two scans read
-- only the columns each side needs (about half the time on the national store).
CREATE OR REPLACE TEMP MACRO trajecten_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes)
AS TABLE
SELECT t.*, l.laatste_peildatum
FROM trajecten t
JOIN (
    SELECT s.organisatie, max(s.peildatum) AS laatste_peildatum
    FROM trajecten s
    WHERE traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                              s.arbeidsmarktregio, s.gemeentecode, s.organisatie, s.sector, s.doelgroep, s.stroom, s.route)
    GROUP BY s.organisatie
) l USING (organisatie)
WHERE traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                          t.arbeidsmarktregio, t.gemeentecode, t.organisatie, t.sector, t.doelgroep, t.stroom, t.route);

-- The same rows from traject_kenmerk (what the counts compare, worked out at load time: basis/sql/schema.sql), with
-- gemeente, arbeidsmarktregio and laatste_peildatum as trajecten_in_selectie gives them (issue 17).
CREATE OR REPLACE TEMP MACRO kenmerken_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes)
AS TABLE
SELECT k.*, g.gemeente, g.arbeidsmarktregio, l.laatste_peildatum
FROM traject_kenmerk k
LEFT JOIN gemeente g USING (gemeentecode)
JOIN (
    SELECT s.organisatie, max(s.peildatum) AS laatste_peildatum
    FROM traject_kenmerk s
    LEFT JOIN gemeente sg USING (gemeentecode)
    WHERE traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                              sg.arbeidsmarktregio, s.gemeentecode, s.organisatie, s.sector, s.doelgroep, s.stroom, s.route)
    GROUP BY s.organisatie
) l USING (organisatie)
WHERE traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                          g.arbeidsmarktregio, k.gemeentecode, k.organisatie, k.sector, k.doelgroep, k.stroom, k.route);

-- The trajecten of the selection as they stood at a date: per organisatie its latest export on or before it.
-- That export is chosen first from the small list of snapshots (kandidaten_peilmoment: one row per organisatie and
-- peildatum), and only its rows are read: not a window over every snapshot row of ten years (issue 17).
CREATE OR REPLACE TEMP MACRO trajecten_op(op_datum, regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes)
AS TABLE
SELECT k.*, g.gemeente, g.arbeidsmarktregio
FROM kandidaten_rij k
LEFT JOIN gemeente g USING (gemeentecode)
WHERE k.upload_id IN (
        SELECT arg_max(p.upload_id, p.peildatum)
        FROM kandidaten_peilmoment p
        WHERE p.peildatum <= op_datum AND gekozen(organisaties, p.organisatie)
        GROUP BY p.organisatie
    )
  AND traject_in_selectie(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes,
                          g.arbeidsmarktregio, k.gemeentecode, k.organisatie, k.sector, k.doelgroep, k.stroom, k.route);

CREATE OR REPLACE TEMP MACRO gemeenten_in_selectie(regio, gemeenten) AS TABLE
SELECT gemeentecode, gemeente, arbeidsmarktregio
FROM gemeente
WHERE gekozen(regio, arbeidsmarktregio) AND gekozen(gemeenten, gemeentecode);

-- Vraag comes from the werkgeversservicepunt, not from an SW-bedrijf: the organisatie filter does
-- not apply; demand without a gemeente counts for every gemeente of the region.
CREATE OR REPLACE TEMP MACRO vraag_in_selectie(regio, gemeenten, sectoren) AS TABLE
SELECT v.*
FROM vraag v
WHERE (gekozen(regio, v.arbeidsmarktregio) AND gekozen(gemeenten, v.gemeentecode) OR v.gemeentecode IS NULL)
  AND gekozen(sectoren, v.sector);

-- The definitions of metrics.md that more than one question needs, written once.
-- Uitval: stopped early, but leaving early for paid work is positive uitstroom, not uitval.
CREATE OR REPLACE TEMP MACRO is_uitval(status, reden_uitval) AS
    status = 'uitgevallen' AND coalesce(reden_uitval, '') <> 'werk';

-- Uitstroom naar werk: ended with betaald werk, or uitgevallen early for paid work.
CREATE OR REPLACE TEMP MACRO is_uitstroom_werk(status, uitstroom, reden_uitval) AS
    status <> 'lopend' AND (coalesce(uitstroom, '') = 'betaald_werk' OR (status = 'uitgevallen' AND reden_uitval = 'werk'));

-- The date a praktijkverklaring counts on: its own date, else the einddatum of an afgerond traject.
CREATE OR REPLACE TEMP MACRO praktijkverklaring_op(praktijkverklaring_datum, status, einddatum) AS
    coalesce(praktijkverklaring_datum, CASE WHEN status = 'afgerond' THEN einddatum END);

-- Uitval binnen N maanden: only trajecten that could have been followed N months count.
CREATE OR REPLACE TEMP MACRO n_maanden_te_volgen(startdatum, laatste_peildatum, n) AS
    startdatum + to_months(n) <= laatste_peildatum;

CREATE OR REPLACE TEMP MACRO uitval_binnen(status, reden_uitval, startdatum, einddatum, n) AS
    is_uitval(status, reden_uitval) AND einddatum < startdatum + to_months(n);

-- Structurele vraag (metrics.md): per (sector, beroep), or per werkgever when per = 'werkgever' (sector
-- is then NULL), the number of months with vraag among the 12 complete months up to and including
-- laatste_maand (the first day of that month), and the average places per month over those 12 months.
-- A group is structureel when maanden_met_vraag >= K (is_structureel).
CREATE OR REPLACE TEMP MACRO vraag_laatste_12(regio, gemeenten, sectoren, laatste_maand, per) AS TABLE
WITH per_maand AS (
    SELECT
        CASE WHEN per = 'werkgever' THEN NULL ELSE sector END AS sector,
        CASE WHEN per = 'werkgever' THEN werkgever ELSE beroep END AS naam,
        maand,
        sum(aantal) AS aantal
    FROM vraag_in_selectie(regio, gemeenten, sectoren)
    WHERE maand BETWEEN CAST(laatste_maand - INTERVAL 11 MONTH AS DATE) AND laatste_maand
    GROUP BY ALL
)
SELECT sector, naam, count(*) FILTER (WHERE aantal >= 1) AS maanden_met_vraag, sum(aantal) / 12 AS gemiddeld_per_maand
FROM per_maand
GROUP BY sector, naam;

CREATE OR REPLACE TEMP MACRO is_structureel(maanden_met_vraag, k) AS maanden_met_vraag >= k;

-- Tijd tot uitval (Kaplan-Meier input): per traject that started in the period, its group (dimensie: sector,
-- doelgroep, stroom, route, organisatie, werkgever, or '' for one group 'totaal'), the months from the
-- startdatum until uitval (gebeurtenis) or until it was last seen without uitval (censored): the einddatum of
-- an afgerond traject or of an early exit to paid work, the peildatum of its export for a lopend traject.
-- Split by werkgever, only trajecten at a werkgever (route extern) count. Months are days / 30.4375.
-- Per traject in uitval_duur.sql, counted in uitval_duur_verdeling.sql.
CREATE OR REPLACE TEMP MACRO uitval_duur_per_traject(
    dimensie, van, tot, regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes
) AS TABLE
SELECT
    CASE dimensie
        WHEN 'sector' THEN sector
        WHEN 'doelgroep' THEN doelgroep
        WHEN 'stroom' THEN coalesce(stroom, 'onbekend')
        WHEN 'route' THEN route
        WHEN 'organisatie' THEN organisatie
        WHEN 'werkgever' THEN werkgever
        ELSE 'totaal'
    END AS groep,
    greatest(
        date_diff('day', startdatum, CASE WHEN status = 'lopend' THEN peildatum ELSE coalesce(einddatum, peildatum) END),
        0
    ) / 30.4375 AS maanden,
    is_uitval(status, reden_uitval) AS gebeurtenis
FROM trajecten_gekozen(regio, gemeenten, organisaties, sectoren, doelgroepen, stromen, routes)
WHERE startdatum BETWEEN van AND tot
  AND (dimensie <> 'werkgever' OR werkgever IS NOT NULL);
