-- Names stored before app/utils/plain-name.ts may hold characters that change how text is shown
-- while unseen: U+202E turned a student's name, and everything after it, backwards on staff pages
-- and in exports. New input loses them; this cleans what is already stored, as plainName does:
-- control characters, the soft hyphen, bidirectional marks, overrides and isolates, zero-width
-- spaces, invisible operators, the byte-order mark and interlinear annotation are removed (zero-
-- width joiners and non-joiners stay: emoji and some scripts need them); runs of JavaScript's
-- whitespace (the ideographic space, no-break spaces…) become one space, none at either end. A
-- name that would be left empty is kept.
-- The patterns are E'' strings, so the characters reach the regex engine whatever the server's
-- standard_conforming_strings, and are listed rather than \s, which follows the database's locale
-- (only ASCII in the embedded database's C locale). No function is created: a server that denies
-- TEMPORARY to the app's role could not run a pg_temp one.
UPDATE "users" t SET "display_name" = c.plain
  FROM (SELECT id, regexp_replace(regexp_replace(regexp_replace("display_name", E'[\u0001-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'), E'[\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+', ' ', 'g'), '^ | $', '', 'g') AS plain FROM "users") c
 WHERE c.id = t.id AND c.plain NOT IN (t."display_name", '');--> statement-breakpoint
UPDATE "classes" t SET "name" = c.plain
  FROM (SELECT id, regexp_replace(regexp_replace(regexp_replace("name", E'[\u0001-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'), E'[\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+', ' ', 'g'), '^ | $', '', 'g') AS plain FROM "classes") c
 WHERE c.id = t.id AND c.plain NOT IN (t."name", '');--> statement-breakpoint
UPDATE "schools" t SET "name" = c.plain
  FROM (SELECT id, regexp_replace(regexp_replace(regexp_replace("name", E'[\u0001-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'), E'[\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+', ' ', 'g'), '^ | $', '', 'g') AS plain FROM "schools") c
 WHERE c.id = t.id AND c.plain NOT IN (t."name", '');
