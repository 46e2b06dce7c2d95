CREATE TYPE "public"."flag_severity" AS ENUM('safeguarding', 'personal_data', 'policy', 'review');--> statement-breakpoint
CREATE TABLE "flag_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" uuid,
	"class_id" uuid,
	"student_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"severity" "flag_severity",
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playground_conversations" ADD COLUMN "crisis_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "playground_messages" ADD COLUMN "severity" "flag_severity";--> statement-breakpoint
ALTER TABLE "playground_messages" ADD COLUMN "crisis" jsonb;--> statement-breakpoint
ALTER TABLE "flag_events" ADD CONSTRAINT "flag_events_message_id_playground_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."playground_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_events" ADD CONSTRAINT "flag_events_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_events" ADD CONSTRAINT "flag_events_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_events" ADD CONSTRAINT "flag_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_events_message_idx" ON "flag_events" USING btree ("message_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_open_safeguarding_idx" ON "playground_messages" USING btree ("user_id","created_at") WHERE "playground_messages"."flag_status" = 'open' and "playground_messages"."severity" = 'safeguarding';--> statement-breakpoint
-- Flags raised before severities existed are shown as "review" (the rest).
UPDATE "playground_messages" SET "severity" = 'review' WHERE "flag_status" <> 'none' AND "severity" IS NULL;
