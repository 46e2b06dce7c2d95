-- Other app processes of a district share this database and may still be assigning lessons while
-- this runs: their writes wait until it commits, so no duplicate can slip in between the clean-up
-- below and the unique index (runMigrations' advisory lock only orders the migrating processes).
LOCK TABLE "assignments" IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "whole_class" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Until now "for the whole class" meant "no rows in assignment_students".
UPDATE "assignments" a SET "whole_class" = false WHERE EXISTS (SELECT 1 FROM "assignment_students" s WHERE s.assignment_id = a.id);--> statement-breakpoint
-- A lesson assigned to the whole class more than once (the form used to allow it): the newest
-- assignment is the teacher's last word (a re-assignment was how a due date got changed), so it
-- stays and the older ones go. Nothing else refers to an assignment; students' progress is kept.
DELETE FROM "assignments" a
 WHERE a.whole_class
   AND EXISTS (SELECT 1 FROM "assignments" newer
                WHERE newer.class_id = a.class_id AND newer.lesson_slug = a.lesson_slug AND newer.whole_class
                  AND (newer.created_at, newer.id) > (a.created_at, a.id));--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_class_lesson_whole_class_key" ON "assignments" USING btree ("class_id","lesson_slug") WHERE "assignments"."whole_class";
