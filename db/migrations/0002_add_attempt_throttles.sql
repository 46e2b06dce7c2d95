CREATE TABLE "throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"account" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signin_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "signin_throttle" CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "idle_minutes" integer;--> statement-breakpoint
CREATE INDEX "throttles_account_idx" ON "throttles" USING btree ("account") WHERE "throttles"."account" is not null;--> statement-breakpoint
CREATE INDEX "throttles_updated_idx" ON "throttles" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");