import { MigrationInterface, QueryRunner } from 'typeorm';

// Monthly report rollups kept by the worker (site-month cells, client-months for distinct
// counts, home sites, built months), an index for reading one month of visits, and the
// client's optional gender for the statistics.
// Generated from the entities, then reviewed. The rollup tables carry no foreign keys:
// they are rebuilt from the source tables and must not block changes to them.
export class Reports1764600000000 implements MigrationInterface {
  name = 'Reports1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "gender" character varying(12)
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "CHK_clients_gender" CHECK (
                "gender" IN ('female', 'male', 'other', 'not_stated')
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_visits_started_at" ON "visits" ("started_at")
            WHERE "undone_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "report_cells" (
                "id" BIGSERIAL NOT NULL,
                "month" date NOT NULL,
                "site_id" uuid,
                "metric" character varying(40) NOT NULL,
                "dimension" character varying(60) NOT NULL DEFAULT '',
                "value" bigint NOT NULL,
                CONSTRAINT "PK_report_cells" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_report_cells_month_site" ON "report_cells" ("month", "site_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_client_months" (
                "month" date NOT NULL,
                "site_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "age_band" character varying(10) NOT NULL,
                "gender" character varying(12) NOT NULL,
                "language" character varying(8) NOT NULL,
                CONSTRAINT "PK_report_client_months" PRIMARY KEY ("month", "site_id", "client_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "report_client_sites" (
                "client_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "first_visit_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_report_client_sites" PRIMARY KEY ("client_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "report_months" (
                "month" date NOT NULL,
                "built_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finalised_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_report_months" PRIMARY KEY ("month")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_months"`);
    await queryRunner.query(`DROP TABLE "report_client_sites"`);
    await queryRunner.query(`DROP TABLE "report_client_months"`);
    await queryRunner.query(`DROP TABLE "report_cells"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_visits_started_at"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "CHK_clients_gender"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "gender"`);
  }
}
