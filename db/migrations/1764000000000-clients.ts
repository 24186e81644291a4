import { MigrationInterface, QueryRunner } from 'typeorm';

// The client registry. Generated from the entity, then reviewed; the prefix index for the
// desk's name search was added by hand (TypeORM cannot express expression indexes).

export class Clients1764000000000 implements MigrationInterface {
  name = 'Clients1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "clients" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "identity_code_encrypted" text,
                "identity_code_hash" character(64),
                "birth_date" date,
                "phone" character varying(40),
                "phone_digits" character varying(20),
                "email" character varying(254),
                "preferred_contact" character varying(20),
                "language" character varying(8),
                "municipality" character varying(100),
                "non_disclosure" boolean NOT NULL DEFAULT false,
                "street_address" character varying(200),
                "postal_code" character varying(10),
                "post_office" character varying(100),
                "responsible_worker_id" uuid,
                "status" character varying(10) NOT NULL DEFAULT 'active',
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" character varying(20),
                "created_by_organisation_id" uuid NOT NULL,
                "created_by_user_id" uuid,
                "anonymised_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "CHK_clients_status" CHECK ("status" IN ('active', 'ended')),
                CONSTRAINT "CHK_clients_no_address_when_protected" CHECK (
                    NOT "non_disclosure"
                    OR (
                        "street_address" IS NULL
                        AND "postal_code" IS NULL
                        AND "post_office" IS NULL
                    )
                ),
                CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_clients_last_name" ON "clients" (lower("last_name") text_pattern_ops, lower("first_name") text_pattern_ops)
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_clients_phone_digits" ON "clients" ("phone_digits")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_clients_birth_date" ON "clients" ("birth_date")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_clients_identity_code_hash" ON "clients" ("identity_code_hash")
            WHERE "identity_code_hash" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "FK_clients_responsible_worker" FOREIGN KEY ("responsible_worker_id") REFERENCES "staff_users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "FK_clients_created_by_organisation" FOREIGN KEY ("created_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_clients_last_name"`);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "FK_clients_created_by_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "FK_clients_responsible_worker"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_clients_identity_code_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_clients_birth_date"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_clients_phone_digits"
        `);
    await queryRunner.query(`
            DROP TABLE "clients"
        `);
  }
}
