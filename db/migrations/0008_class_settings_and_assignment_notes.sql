ALTER TABLE "assignments" ADD COLUMN "instructions" text;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "low_score_percent" integer DEFAULT 50 NOT NULL;