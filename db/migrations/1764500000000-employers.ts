import { MigrationInterface, QueryRunner } from 'typeorm';

// Employers with contact persons and vacancies; speed-date recruitment events with their
// employers (tables), registrations (a linked client or a guest), preferences, employer
// interest, the timetable of meetings with outcomes, and 1- and 3-month follow-ups.
// Generated from the entities, then reviewed: the unique indexes on the meetings are the
// database's guard against double booking; down() drops the tables children first (their
// foreign keys and indexes go with them).

export class Employers1764500000000 implements MigrationInterface {
  name = 'Employers1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "employers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "business_id" character(9) NOT NULL,
                "industry" character varying(100),
                "notes" character varying(2000),
                "consent_to_contact" boolean NOT NULL DEFAULT false,
                "consent_date" date,
                "created_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "CHK_employers_consent_date" CHECK (
                    ("consent_to_contact" = false)
                    OR ("consent_date" IS NOT NULL)
                ),
                CONSTRAINT "PK_employers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_employers_name" ON "employers" ("name")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_employers_business_id" ON "employers" ("business_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "employer_contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employer_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "name" character varying(200) NOT NULL,
                "email" character varying(254),
                "phone" character varying(40),
                "language" character varying(2) NOT NULL DEFAULT 'fi',
                CONSTRAINT "CHK_employer_contacts_language" CHECK ("language" IN ('fi', 'sv', 'en')),
                CONSTRAINT "PK_employer_contacts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_employer_contacts_employer" ON "employer_contacts" ("employer_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "vacancies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employer_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "title" character varying(200) NOT NULL,
                "opens_on" date NOT NULL,
                "closes_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_vacancies_close_after_open" CHECK (
                    "closes_on" IS NULL
                    OR "closes_on" >= "opens_on"
                ),
                CONSTRAINT "CHK_vacancies_kind" CHECK (
                    "kind" IN (
                        'job',
                        'summer_job',
                        'work_trial',
                        'wage_subsidy',
                        'apprenticeship',
                        'hidden_job'
                    )
                ),
                CONSTRAINT "PK_vacancies" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_vacancies_employer" ON "vacancies" ("employer_id", "opens_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "recruitment_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "theme" character varying(200),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "slot_minutes" smallint NOT NULL DEFAULT '15',
                "rounds" smallint NOT NULL,
                "capacity" smallint NOT NULL,
                "schedule_score" jsonb,
                "scheduled_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "CHK_recruitment_events_capacity" CHECK (
                    "capacity" BETWEEN 1 AND 2000
                ),
                CONSTRAINT "CHK_recruitment_events_rounds" CHECK (
                    "rounds" BETWEEN 1 AND 100
                ),
                CONSTRAINT "CHK_recruitment_events_slot" CHECK (
                    "slot_minutes" BETWEEN 5 AND 120
                ),
                CONSTRAINT "CHK_recruitment_events_end_after_start" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_recruitment_events" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_recruitment_events_site_starts" ON "recruitment_events" ("site_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "event_employers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "employer_id" uuid NOT NULL,
                "tables" smallint NOT NULL DEFAULT '1',
                "attendance" character varying(10) NOT NULL DEFAULT 'registered',
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_event_employers_attendance" CHECK (
                    "attendance" IN ('registered', 'arrived', 'late', 'no_show')
                ),
                CONSTRAINT "CHK_event_employers_tables" CHECK (
                    "tables" BETWEEN 1 AND 20
                ),
                CONSTRAINT "PK_event_employers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_employers_event_employer" ON "event_employers" ("event_id", "employer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "event_registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "number" smallint NOT NULL,
                "client_id" uuid,
                "guest_name" character varying(200),
                "guest_phone" character varying(40),
                "guest_email" character varying(254),
                "guest_language" character varying(2),
                "guest_consent_to_contact" boolean NOT NULL DEFAULT false,
                "attendance" character varying(10) NOT NULL DEFAULT 'registered',
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_event_registrations_guest_language" CHECK (
                    "guest_language" IS NULL
                    OR "guest_language" IN ('fi', 'sv', 'en')
                ),
                CONSTRAINT "CHK_event_registrations_attendance" CHECK (
                    "attendance" IN ('registered', 'arrived', 'late', 'no_show')
                ),
                CONSTRAINT "CHK_event_registrations_client_or_guest" CHECK (("client_id" IS NULL) <> ("guest_name" IS NULL)),
                CONSTRAINT "PK_event_registrations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_registrations_event_number" ON "event_registrations" ("event_id", "number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_registrations_event_client" ON "event_registrations" ("event_id", "client_id")
            WHERE "client_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "event_follow_ups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "registration_id" uuid NOT NULL,
                "months" smallint NOT NULL,
                "hired" boolean NOT NULL,
                "event_employer_id" uuid,
                "hired_on" date,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                CONSTRAINT "CHK_event_follow_ups_hired" CHECK (
                    (
                        "hired" = false
                        AND "event_employer_id" IS NULL
                        AND "hired_on" IS NULL
                    )
                    OR (
                        "hired" = true
                        AND "event_employer_id" IS NOT NULL
                        AND "hired_on" IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_event_follow_ups_months" CHECK ("months" IN (1, 3)),
                CONSTRAINT "PK_event_follow_ups" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_follow_ups_registration_months" ON "event_follow_ups" ("registration_id", "months")
        `);
    await queryRunner.query(`
            CREATE TABLE "event_interests" (
                "event_employer_id" uuid NOT NULL,
                "registration_id" uuid NOT NULL,
                CONSTRAINT "PK_event_interests" PRIMARY KEY ("event_employer_id", "registration_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_event_interests_registration" ON "event_interests" ("registration_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "event_meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "round" smallint NOT NULL,
                "event_employer_id" uuid NOT NULL,
                "registration_id" uuid NOT NULL,
                "table" smallint NOT NULL,
                "fixed" boolean NOT NULL DEFAULT false,
                "outcome" character varying(30),
                "open_application_left" boolean NOT NULL DEFAULT false,
                "outcome_recorded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_event_meetings_outcome" CHECK (
                    "outcome" IS NULL
                    OR "outcome" IN (
                        'no_further_interest',
                        'second_interview',
                        'work_trial_offered',
                        'job_offered',
                        'hired',
                        'apprenticeship'
                    )
                ),
                CONSTRAINT "CHK_event_meetings_table" CHECK ("table" >= 1),
                CONSTRAINT "CHK_event_meetings_round" CHECK ("round" >= 1),
                CONSTRAINT "PK_event_meetings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_event_meetings_registration" ON "event_meetings" ("registration_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meetings_participant" ON "event_meetings" ("event_id", "round", "registration_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meetings_table" ON "event_meetings" (
                "event_id",
                "round",
                "event_employer_id",
                "table"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "event_preferences" (
                "registration_id" uuid NOT NULL,
                "event_employer_id" uuid NOT NULL,
                "rank" smallint NOT NULL,
                CONSTRAINT "CHK_event_preferences_rank" CHECK ("rank" >= 1),
                CONSTRAINT "PK_event_preferences" PRIMARY KEY ("registration_id", "event_employer_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_preferences_rank" ON "event_preferences" ("registration_id", "rank")
        `);
    await queryRunner.query(`
            ALTER TABLE "employers"
            ADD CONSTRAINT "FK_employers_created_by" FOREIGN KEY ("created_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "employer_contacts"
            ADD CONSTRAINT "FK_employer_contacts_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "vacancies"
            ADD CONSTRAINT "FK_vacancies_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD CONSTRAINT "FK_recruitment_events_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD CONSTRAINT "FK_recruitment_events_created_by" FOREIGN KEY ("created_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_employers"
            ADD CONSTRAINT "FK_event_employers_event" FOREIGN KEY ("event_id") REFERENCES "recruitment_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_employers"
            ADD CONSTRAINT "FK_event_employers_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_registrations"
            ADD CONSTRAINT "FK_event_registrations_event" FOREIGN KEY ("event_id") REFERENCES "recruitment_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_registrations"
            ADD CONSTRAINT "FK_event_registrations_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_follow_ups"
            ADD CONSTRAINT "FK_event_follow_ups_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_follow_ups"
            ADD CONSTRAINT "FK_event_follow_ups_event_employer" FOREIGN KEY ("event_employer_id") REFERENCES "event_employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_follow_ups"
            ADD CONSTRAINT "FK_event_follow_ups_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_interests"
            ADD CONSTRAINT "FK_event_interests_event_employer" FOREIGN KEY ("event_employer_id") REFERENCES "event_employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_interests"
            ADD CONSTRAINT "FK_event_interests_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_meetings"
            ADD CONSTRAINT "FK_event_meetings_event" FOREIGN KEY ("event_id") REFERENCES "recruitment_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_meetings"
            ADD CONSTRAINT "FK_event_meetings_event_employer" FOREIGN KEY ("event_employer_id") REFERENCES "event_employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_meetings"
            ADD CONSTRAINT "FK_event_meetings_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_preferences"
            ADD CONSTRAINT "FK_event_preferences_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "event_preferences"
            ADD CONSTRAINT "FK_event_preferences_event_employer" FOREIGN KEY ("event_employer_id") REFERENCES "event_employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'event_preferences',
      'event_meetings',
      'event_interests',
      'event_follow_ups',
      'event_registrations',
      'event_employers',
      'recruitment_events',
      'vacancies',
      'employer_contacts',
      'employers',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
