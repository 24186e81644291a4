import { MigrationInterface, QueryRunner } from 'typeorm';

// Shared plans with their version history, self-assessments of life areas (ten default
// areas), outcomes with follow-up points, and concerns with reaction deadlines.
// Generated from the entities, then reviewed: the life areas are seeded here, and down()
// drops the tables children first (their foreign keys go with them).

// Kuopio's 3X10D survey areas, adjustable later by administrators.
const LIFE_AREAS: [string, string, string, string][] = [
  ['money', 'Raha-asiat', 'Ekonomi', 'Money'],
  ['work_study', 'Työ ja opiskelu', 'Arbete och studier', 'Work and study'],
  ['housing', 'Asuminen', 'Boende', 'Housing'],
  ['health', 'Terveys', 'Hälsa', 'Health'],
  ['mood', 'Mieliala', 'Sinnesstämning', 'Mood'],
  [
    'relationships',
    'Ystävät ja ihmissuhteet',
    'Vänner och relationer',
    'Friends and relationships',
  ],
  ['family', 'Perhe', 'Familj', 'Family'],
  ['leisure', 'Vapaa-aika', 'Fritid', 'Leisure'],
  ['self_esteem', 'Itsetunto', 'Självkänsla', 'Self-esteem'],
  ['everyday_skills', 'Arjen taidot', 'Vardagsfärdigheter', 'Everyday skills'],
];

export class PlansOutcomes1764400000000 implements MigrationInterface {
  name = 'PlansOutcomes1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "concerns" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "description" character varying(1000) NOT NULL,
                "site_id" uuid,
                "organisation_id" uuid NOT NULL,
                "raised_by_user_id" uuid NOT NULL,
                "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "react_by" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by_user_id" uuid,
                "resolution" character varying(1000),
                CONSTRAINT "CHK_concerns_resolved" CHECK (
                    ("resolved_at" IS NULL) = ("resolved_by_user_id" IS NULL)
                ),
                CONSTRAINT "CHK_concerns_react_after_raise" CHECK ("react_by" > "raised_at"),
                CONSTRAINT "PK_concerns" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_concerns_open_react_by" ON "concerns" ("react_by")
            WHERE "resolved_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_concerns_client" ON "concerns" ("client_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outcomes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "category" character varying(40) NOT NULL,
                "start_date" date NOT NULL,
                "end_date" date,
                "employer_or_institution" character varying(200),
                "subsidy" character varying(200),
                "source" character varying(20) NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "recorded_by_organisation_id" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_outcomes_end_after_start" CHECK (
                    "end_date" IS NULL
                    OR "end_date" >= "start_date"
                ),
                CONSTRAINT "CHK_outcomes_source" CHECK (
                    "source" IN ('young_person', 'agency_record', 'employer')
                ),
                CONSTRAINT "CHK_outcomes_category" CHECK (
                    "category" IN (
                        'employed_open_market',
                        'wage_subsidy',
                        'entrepreneur',
                        'apprenticeship',
                        'upper_secondary_general',
                        'vocational',
                        'higher_education',
                        'preparatory',
                        'labour_market_training',
                        'self_motivated_study',
                        'work_trial',
                        'coaching',
                        'youth_workshop',
                        'rehabilitative_work',
                        'rehabilitation',
                        'activation_plan',
                        'military_or_civil_service',
                        'family_leave',
                        'moved_away',
                        'lost_contact',
                        'other'
                    )
                ),
                CONSTRAINT "PK_outcomes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outcomes_client_start_date" ON "outcomes" ("client_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "follow_ups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "outcome_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "months" smallint NOT NULL,
                "due_on" date NOT NULL,
                "still_holds" boolean,
                "new_situation" character varying(1000),
                "new_outcome_id" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "recorded_by_user_id" uuid,
                CONSTRAINT "CHK_follow_ups_recorded" CHECK (
                    ("recorded_at" IS NULL) = ("still_holds" IS NULL)
                    AND ("recorded_at" IS NULL) = ("recorded_by_user_id" IS NULL)
                ),
                CONSTRAINT "CHK_follow_ups_months" CHECK (
                    "months" BETWEEN 1 AND 60
                ),
                CONSTRAINT "PK_follow_ups" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_follow_ups_open_due_on" ON "follow_ups" ("due_on")
            WHERE "recorded_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_follow_ups_outcome_months" ON "follow_ups" ("outcome_id", "months")
        `);
    await queryRunner.query(`
            CREATE TABLE "plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "type" character varying(30) NOT NULL,
                "start_date" date NOT NULL,
                "review_date" date,
                "content" jsonb NOT NULL,
                "version" integer NOT NULL,
                "updated_by_user_id" uuid NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_plans_review_after_start" CHECK (
                    "review_date" IS NULL
                    OR "review_date" >= "start_date"
                ),
                CONSTRAINT "CHK_plans_type" CHECK (
                    "type" IN (
                        'shared_service_plan',
                        'activation_plan',
                        'employment_plan',
                        'welfare_plan'
                    )
                ),
                CONSTRAINT "PK_plans" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_plans_client" ON "plans" ("client_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "plan_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "snapshot" jsonb NOT NULL,
                "saved_by_user_id" uuid NOT NULL,
                "saved_by_organisation_id" uuid NOT NULL,
                "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_plan_versions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_plan_versions_plan_version" ON "plan_versions" ("plan_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "life_areas" (
                "code" character varying(40) NOT NULL,
                "label_fi" character varying(100) NOT NULL,
                "label_sv" character varying(100) NOT NULL,
                "label_en" character varying(100) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "sort_order" smallint NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_life_areas_code" CHECK ("code" ~ '^[a-z][a-z0-9_]{1,39}$'),
                CONSTRAINT "PK_life_areas" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "self_assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "assessed_on" date NOT NULL,
                "scores" jsonb NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_self_assessments" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_self_assessments_client_assessed_on" ON "self_assessments" ("client_id", "assessed_on")
        `);
    await queryRunner.query(`
            ALTER TABLE "concerns"
            ADD CONSTRAINT "FK_concerns_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "concerns"
            ADD CONSTRAINT "FK_concerns_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "concerns"
            ADD CONSTRAINT "FK_concerns_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "concerns"
            ADD CONSTRAINT "FK_concerns_raised_by" FOREIGN KEY ("raised_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "concerns"
            ADD CONSTRAINT "FK_concerns_resolved_by" FOREIGN KEY ("resolved_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_outcomes_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_outcomes_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_outcomes_organisation" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follow_ups"
            ADD CONSTRAINT "FK_follow_ups_outcome" FOREIGN KEY ("outcome_id") REFERENCES "outcomes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follow_ups"
            ADD CONSTRAINT "FK_follow_ups_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follow_ups"
            ADD CONSTRAINT "FK_follow_ups_new_outcome" FOREIGN KEY ("new_outcome_id") REFERENCES "outcomes"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follow_ups"
            ADD CONSTRAINT "FK_follow_ups_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plans"
            ADD CONSTRAINT "FK_plans_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plans"
            ADD CONSTRAINT "FK_plans_updated_by" FOREIGN KEY ("updated_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_versions"
            ADD CONSTRAINT "FK_plan_versions_plan" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_versions"
            ADD CONSTRAINT "FK_plan_versions_saved_by" FOREIGN KEY ("saved_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_versions"
            ADD CONSTRAINT "FK_plan_versions_organisation" FOREIGN KEY ("saved_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "self_assessments"
            ADD CONSTRAINT "FK_self_assessments_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "self_assessments"
            ADD CONSTRAINT "FK_self_assessments_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    for (const [index, [code, fi, sv, en]] of LIFE_AREAS.entries()) {
      await queryRunner.query(
        `INSERT INTO "life_areas" ("code", "label_fi", "label_sv", "label_en", "sort_order")
                 VALUES ($1, $2, $3, $4, $5)`,
        [code, fi, sv, en, (index + 1) * 10],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "concerns"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP TABLE "outcomes"`);
    await queryRunner.query(`DROP TABLE "self_assessments"`);
    await queryRunner.query(`DROP TABLE "life_areas"`);
    await queryRunner.query(`DROP TABLE "plan_versions"`);
    await queryRunner.query(`DROP TABLE "plans"`);
  }
}
