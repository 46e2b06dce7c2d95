ALTER TABLE "classes" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "source_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "classes_school_source_key" ON "classes" USING btree ("school_id","source_id") WHERE "classes"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_school_source_key" ON "users" USING btree ("school_id","source_id") WHERE "users"."source_id" is not null;