-- What `custos-cli import` does, done by the sqlite3 shell alone, for tests/benchmarks/import_vs_sqlite3.sh:
-- load an export into a staging table, add its units and people, insert its assets into the
-- register's schema, and write one audit row per asset holding its fields as JSON, with a SHA3
-- hash of them (the shell has no SHA-256, and a chain cannot be built in one INSERT ... SELECT).
-- The register's own audit triggers call a function only Custos provides, so they are dropped
-- first; everything else is the schema `custos-cli init` makes.
DROP TRIGGER units_audit_insert; DROP TRIGGER units_audit_update; DROP TRIGGER units_audit_delete;
DROP TRIGGER people_audit_insert; DROP TRIGGER people_audit_update; DROP TRIGGER people_audit_delete;
DROP TRIGGER assets_audit_insert; DROP TRIGGER assets_audit_update; DROP TRIGGER assets_audit_delete;
.import --csv :CSV: staging
BEGIN;
-- Units flat, named by their whole path (a name may not hold " / ").
INSERT INTO units (name) SELECT DISTINCT replace("Business unit", ' / ', ' - ') FROM staging;
INSERT INTO people (name, email)
SELECT max(name), min(email) FROM (SELECT "IAO name" AS name, "IAO email" AS email FROM staging
                                   UNION ALL SELECT "IAM name", "IAM email" FROM staging)
WHERE email <> '' GROUP BY lower(email);
INSERT INTO assets (reference, name, description, unit_id, iao_id, iam_id, format, location, classification,
                    sensitive, legacy_marking, classification_needs_review, handling_notes, personal_data,
                    lawful_basis, retention, disposal_action, criticality, review_cycle_months, last_reviewed,
                    next_review_due, status, created_at, modified_at)
SELECT s.Reference, s.Name, s.Description,
       (SELECT id FROM units WHERE coalesce(parent_id, 0) = 0 AND name = replace(s."Business unit", ' / ', ' - ')),
       (SELECT id FROM people WHERE email IS NOT NULL AND lower(email) = lower(nullif(s."IAO email", ''))),
       (SELECT id FROM people WHERE email IS NOT NULL AND lower(email) = lower(nullif(s."IAM email", ''))),
       nullif(s.Format, ''), s.Location,
       CASE s.Classification WHEN 'OFFICIAL-SENSITIVE' THEN 'OFFICIAL' ELSE nullif(s.Classification, '') END,
       s.Classification = 'OFFICIAL-SENSITIVE', nullif(s."Legacy marking", ''),
       s."Classification needs review" = 'Yes', s."Handling notes", s."Personal data", s."Lawful basis",
       s.Retention, s."Disposal action", nullif(s.Criticality, ''), CAST(s."Review cycle (months)" AS INTEGER),
       nullif(s."Last reviewed", ''), s."Next review due", s.Status, s.Created, s.Modified
FROM staging AS s;
INSERT INTO audit_log (at, actor, action, record_table, record_id, changes, hash)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'benchmark', 'insert', 'assets', id, changes, sha3(changes, 256)
FROM (SELECT id, json_object('reference', json_array(NULL, reference), 'name', json_array(NULL, name),
    'description', json_array(NULL, description), 'unit_id', json_array(NULL, unit_id),
    'iao_id', json_array(NULL, iao_id), 'iam_id', json_array(NULL, iam_id), 'format', json_array(NULL, format),
    'location', json_array(NULL, location), 'classification', json_array(NULL, classification),
    'sensitive', json_array(NULL, sensitive), 'legacy_marking', json_array(NULL, legacy_marking),
    'classification_needs_review', json_array(NULL, classification_needs_review),
    'handling_notes', json_array(NULL, handling_notes), 'personal_data', json_array(NULL, personal_data),
    'lawful_basis', json_array(NULL, lawful_basis), 'retention', json_array(NULL, retention),
    'disposal_action', json_array(NULL, disposal_action), 'criticality', json_array(NULL, criticality),
    'review_cycle_months', json_array(NULL, review_cycle_months), 'last_reviewed', json_array(NULL, last_reviewed),
    'next_review_due', json_array(NULL, next_review_due), 'status', json_array(NULL, status),
    'created_at', json_array(NULL, created_at), 'modified_at', json_array(NULL, modified_at)) AS changes
    FROM assets);
DROP TABLE staging;
COMMIT;
