import { MigrationInterface, QueryRunner } from 'typeorm';

// Organisations, sites and their weekly agency calendar, staff users, sessions, access
// tokens and sign-in throttling. Generated from the entities, then reviewed: the checks
// and the case-insensitive unique e-mail index below were added by hand.

export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sign_in_failures" (
                "id" BIGSERIAL NOT NULL,
                "ip" character varying(64) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fa4e2048c06590424ef01bfd171" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_ip_at" ON "sign_in_failures" ("ip", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "kind" character varying(40) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "roles" text array NOT NULL DEFAULT '{}',
                "language" character varying(2) NOT NULL DEFAULT 'fi',
                "active" boolean NOT NULL DEFAULT true,
                "deactivated_at" TIMESTAMP WITH TIME ZONE,
                "totp_secret" text,
                "totp_enabled_at" TIMESTAMP WITH TIME ZONE,
                "failed_sign_ins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c6b167335377df69f7910c2c75e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "mfa_passed" boolean NOT NULL DEFAULT false,
                "csrf_token" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5dda86a77da1e1e37e690a45996" PRIMARY KEY ("id_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sessions_user" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sites" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "street_address" character varying(200) NOT NULL,
                "postal_code" character varying(10) NOT NULL,
                "municipality" character varying(100) NOT NULL,
                "region" character varying(100),
                "opening_hours" jsonb NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4f5eccb1dfde10c9170502595a7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "site_agency_days" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "weekday" smallint NOT NULL,
                "starts" character varying(5),
                "ends" character varying(5),
                CONSTRAINT "PK_ea7c0feb993af94c195aeaf2d81" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_site_agency_days" ON "site_agency_days" ("site_id", "organisation_id", "weekday")
        `);
    await queryRunner.query(`
            CREATE TABLE "access_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "scopes" text array NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_65140f59763ff994a0252488166" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_access_tokens_user" ON "access_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_access_tokens_hash" ON "access_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_user_sites" (
                "user_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                CONSTRAINT "PK_5465219ad8807fa5aa5a48e1bfb" PRIMARY KEY ("user_id", "site_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_users"
            ADD CONSTRAINT "FK_staff_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "site_agency_days"
            ADD CONSTRAINT "FK_site_agency_days_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "site_agency_days"
            ADD CONSTRAINT "FK_site_agency_days_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "access_tokens"
            ADD CONSTRAINT "FK_access_tokens_user" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery_codes"
            ADD CONSTRAINT "FK_recovery_codes_user" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_sites"
            ADD CONSTRAINT "FK_staff_user_sites_user" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_sites"
            ADD CONSTRAINT "FK_staff_user_sites_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_staff_users_email" ON "staff_users" (lower("email"))
        `);
    await queryRunner.query(`
            ALTER TABLE "site_agency_days"
            ADD CONSTRAINT "CHK_site_agency_days_weekday" CHECK ("weekday" BETWEEN 1 AND 7)
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_users"
            ADD CONSTRAINT "CHK_staff_users_roles" CHECK ("roles" <@ ARRAY['front_desk', 'adviser', 'coordinator', 'admin']::text[]),
            ADD CONSTRAINT "CHK_staff_users_language" CHECK ("language" IN ('fi', 'sv', 'en'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_users_email"`);
    await queryRunner.query(`
            ALTER TABLE "staff_user_sites" DROP CONSTRAINT "FK_staff_user_sites_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_sites" DROP CONSTRAINT "FK_staff_user_sites_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_recovery_codes_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "access_tokens" DROP CONSTRAINT "FK_access_tokens_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "site_agency_days" DROP CONSTRAINT "FK_site_agency_days_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "site_agency_days" DROP CONSTRAINT "FK_site_agency_days_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_users" DROP CONSTRAINT "FK_staff_users_organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_user_sites"
        `);
    await queryRunner.query(`
            DROP TABLE "recovery_codes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_access_tokens_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_access_tokens_user"
        `);
    await queryRunner.query(`
            DROP TABLE "access_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_site_agency_days"
        `);
    await queryRunner.query(`
            DROP TABLE "site_agency_days"
        `);
    await queryRunner.query(`
            DROP TABLE "sites"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_users"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sign_in_failures_ip_at"
        `);
    await queryRunner.query(`
            DROP TABLE "sign_in_failures"
        `);
  }
}
