-- Names stored before app/utils/plain-name.ts may hold characters that change how text is shown
-- while unseen: U+202E turned a student's name, and everything after it, backwards on staff pages
-- and in exports. New input loses them; this cleans what is already stored, with plainName's list:
-- control characters, the soft hyphen, bidirectional marks, overrides and isolates, zero-width
-- spaces, invisible operators, the byte-order mark, interlinear annotation. Zero-width joiners and
-- non-joiners stay (emoji and some scripts need them). A name that would be left empty is kept.
-- The function lives in the migrating session's temporary schema, and is dropped at the end.
CREATE FUNCTION pg_temp.plain_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(
    regexp_replace(name, '[\u0001-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'),
    '\s+', ' ', 'g'))
$$;--> statement-breakpoint
UPDATE "users" SET "display_name" = pg_temp.plain_name("display_name")
 WHERE pg_temp.plain_name("display_name") NOT IN ("display_name", '');--> statement-breakpoint
UPDATE "classes" SET "name" = pg_temp.plain_name("name")
 WHERE pg_temp.plain_name("name") NOT IN ("name", '');--> statement-breakpoint
UPDATE "schools" SET "name" = pg_temp.plain_name("name")
 WHERE pg_temp.plain_name("name") NOT IN ("name", '');--> statement-breakpoint
DROP FUNCTION pg_temp.plain_name(text);
