import { MigrationInterface, QueryRunner } from 'typeorm';

// Walk-in visits, their topic list and the desk queue. Generated from the entities, then
// reviewed: the default topics were added by hand. Topic codes on visits are checked by
// the service (an array column cannot carry a foreign key).

export class Visits1764100000000 implements MigrationInterface {
  name = 'Visits1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
        CREATE TABLE "visits" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "site_id" uuid NOT NULL,
            "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
            "channel" character varying(20) NOT NULL,
            "client_id" uuid,
            "age" smallint,
            "age_band" character varying(10),
            "gender" character varying(10),
            "language" character varying(2),
            "municipality" character varying(100),
            "first_visit" boolean NOT NULL DEFAULT false,
            "topics" text array NOT NULL DEFAULT '{}',
            "agency_ids" uuid array NOT NULL DEFAULT '{}',
            "professional_ids" uuid array NOT NULL DEFAULT '{}',
            "services_given" text array NOT NULL DEFAULT '{}',
            "referral_organisation_id" uuid,
            "referral_note" character varying(200),
            "duration_minutes" smallint,
            "note" character varying(500),
            "logged_by_user_id" uuid NOT NULL,
            "logged_by_organisation_id" uuid NOT NULL,
            "idempotency_key" uuid NOT NULL,
            "undone_at" TIMESTAMP WITH TIME ZONE,
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "version" integer NOT NULL,
            CONSTRAINT "CHK_visits_note_length" CHECK (char_length("note") <= 500),
            CONSTRAINT "CHK_visits_duration_minutes" CHECK (
                "duration_minutes" BETWEEN 0 AND 720
            ),
            CONSTRAINT "CHK_visits_gender" CHECK (
                "gender" IN ('female', 'male', 'other', 'not_told')
            ),
            CONSTRAINT "CHK_visits_age_band" CHECK (
                "age_band" IN ('under_15', '15_17', '18_24', '25_29', '30_plus')
            ),
            CONSTRAINT "CHK_visits_age" CHECK (
                "age" BETWEEN 10 AND 40
            ),
            CONSTRAINT "CHK_visits_channel" CHECK (
                "channel" IN (
                    'walk_in',
                    'appointment',
                    'phone',
                    'chat',
                    'outreach',
                    'group'
                )
            ),
            CONSTRAINT "PK_visits" PRIMARY KEY ("id")
        )
        `);
    await queryRunner.query(`
        CREATE UNIQUE INDEX "UQ_visits_logged_by_user_idempotency_key" ON "visits" ("logged_by_user_id", "idempotency_key")
        `);
    await queryRunner.query(`
        CREATE INDEX "IDX_visits_client_started_at" ON "visits" ("client_id", "started_at")
        WHERE "client_id" IS NOT NULL
        `);
    await queryRunner.query(`
        CREATE INDEX "IDX_visits_site_started_at" ON "visits" ("site_id", "started_at")
        WHERE "undone_at" IS NULL
        `);
    await queryRunner.query(`
        CREATE TABLE "desk_queue_entries" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "site_id" uuid NOT NULL,
            "queue_day" date NOT NULL,
            "queue_number" integer NOT NULL,
            "status" character varying(20) NOT NULL DEFAULT 'arrived',
            "visit_id" uuid,
            "client_id" uuid,
            "requested_organisation_id" uuid,
            "organisation_id" uuid,
            "staff_user_id" uuid,
            "arrived_by_user_id" uuid NOT NULL,
            "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "waiting_at" TIMESTAMP WITH TIME ZONE,
            "called_at" TIMESTAMP WITH TIME ZONE,
            "done_at" TIMESTAMP WITH TIME ZONE,
            "left_at" TIMESTAMP WITH TIME ZONE,
            "wait_seconds" integer,
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "version" integer NOT NULL,
            CONSTRAINT "CHK_desk_queue_entries_wait_seconds" CHECK ("wait_seconds" >= 0),
            CONSTRAINT "CHK_desk_queue_entries_status" CHECK (
                "status" IN (
                    'arrived',
                    'waiting',
                    'with_professional',
                    'done',
                    'left_unserved'
                )
            ),
            CONSTRAINT "PK_desk_queue_entries" PRIMARY KEY ("id")
        )
        `);
    await queryRunner.query(`
        CREATE INDEX "IDX_desk_queue_entries_open" ON "desk_queue_entries" ("site_id", "queue_day")
        WHERE "status" IN ('arrived', 'waiting', 'with_professional')
        `);
    await queryRunner.query(`
        CREATE UNIQUE INDEX "UQ_desk_queue_entries_site_day_number" ON "desk_queue_entries" ("site_id", "queue_day", "queue_number")
        `);
    await queryRunner.query(`
        CREATE TABLE "visit_topics" (
            "code" character varying(40) NOT NULL,
            "label_fi" character varying(100) NOT NULL,
            "label_sv" character varying(100) NOT NULL,
            "label_en" character varying(100) NOT NULL,
            "active" boolean NOT NULL DEFAULT true,
            "sort_order" smallint NOT NULL DEFAULT '0',
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            CONSTRAINT "CHK_visit_topics_code" CHECK ("code" ~ '^[a-z][a-z0-9_]{1,39}$'),
            CONSTRAINT "PK_visit_topics" PRIMARY KEY ("code")
        )
        `);
    await queryRunner.query(`
        ALTER TABLE "visits"
        ADD CONSTRAINT "FK_visits_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "visits"
        ADD CONSTRAINT "FK_visits_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "visits"
        ADD CONSTRAINT "FK_visits_referral_organisation" FOREIGN KEY ("referral_organisation_id") REFERENCES "organisations"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "visits"
        ADD CONSTRAINT "FK_visits_logged_by_user" FOREIGN KEY ("logged_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "visits"
        ADD CONSTRAINT "FK_visits_logged_by_organisation" FOREIGN KEY ("logged_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_requested_organisation" FOREIGN KEY ("requested_organisation_id") REFERENCES "organisations"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_staff_user" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE
        SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
        ALTER TABLE "desk_queue_entries"
        ADD CONSTRAINT "FK_desk_queue_entries_arrived_by_user" FOREIGN KEY ("arrived_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The default topic list (the national visit record's topics); administrators can
    // relabel, reorder, retire or add topics later.
    await queryRunner.query(`
        INSERT INTO "visit_topics" ("code", "label_fi", "label_sv", "label_en", "sort_order")
        VALUES
            ('work', 'Työ', 'Arbete', 'Work', 10),
            ('education', 'Koulutus', 'Utbildning', 'Education', 20),
            ('income_benefits', 'Toimeentulo ja etuudet', 'Försörjning och förmåner', 'Income and benefits', 30),
            ('housing', 'Asuminen', 'Boende', 'Housing', 40),
            ('health_wellbeing', 'Terveys ja hyvinvointi', 'Hälsa och välbefinnande', 'Health and wellbeing', 50),
            ('life_management', 'Elämänhallinta', 'Livshantering', 'Life management', 60),
            ('other', 'Muu', 'Annat', 'Other', 70)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its indexes, checks and foreign keys with it.
    await queryRunner.query(`DROP TABLE "desk_queue_entries"`);
    await queryRunner.query(`DROP TABLE "visits"`);
    await queryRunner.query(`DROP TABLE "visit_topics"`);
  }
}
