import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one append-only, hash-chained table. Written by hand because TypeORM
 * cannot express the triggers, grants and the runtime role.
 */
export class AuditLog1763950000000 implements MigrationInterface {
  name = 'AuditLog1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "action" character varying(64) NOT NULL,
        "outcome" character varying(16) NOT NULL,
        "actor_user_id" uuid,
        "actor_organisation_id" uuid,
        "actor_roles" text array NOT NULL DEFAULT '{}',
        "subject_type" character varying(40),
        "subject_id" character varying(64),
        "client_id" uuid,
        "sections" text array NOT NULL DEFAULT '{}',
        "legal_basis" character varying(40),
        "consent_id" uuid,
        "purpose" character varying(64),
        "request_id" character varying(64),
        "ip" character varying(64),
        "details" jsonb NOT NULL DEFAULT '{}',
        "prev_hash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "CHK_audit_log_outcome" CHECK ("outcome" IN ('success', 'failure', 'denied')),
        CONSTRAINT "CHK_audit_log_legal_basis"
          CHECK ("legal_basis" IN ('consent', 'own_record', 'statutory')),
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_occurred_at" ON "audit_log" ("occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_actor_user_id_occurred_at" ON "audit_log" ("actor_user_id", "occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_client_id_occurred_at" ON "audit_log" ("client_id", "occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_action_occurred_at" ON "audit_log" ("action", "occurred_at")`,
    );

    // Append-only, first line: nobody gets UPDATE, DELETE or TRUNCATE by default.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM PUBLIC`);

    // Second line: the triggers refuse changes even from the table owner. A superuser can
    // still disable them; the hash chain is what makes such a change visible.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_refuse_update_delete
      BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_refuse_truncate
      BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
    `);

    // The application's runtime role. Roles are cluster-wide, so another database (or a
    // parallel test run) may have created it already, even between the check and CREATE.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ohjaamo_app') THEN
          CREATE ROLE ohjaamo_app NOLOGIN;
        END IF;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$
    `);
    await queryRunner.query(`GRANT SELECT, INSERT ON "audit_log" TO ohjaamo_app`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE "audit_log_id_seq" TO ohjaamo_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM ohjaamo_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_refuse_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_refuse_update_delete ON "audit_log"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_log_refuse_change()`);
    // The role ohjaamo_app stays: roles are cluster-wide, other databases on the same
    // server may still use it, and dropping the table already removed its grants here.
  }
}
