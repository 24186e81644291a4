import { MigrationInterface, QueryRunner } from 'typeorm';

// The shared record's entries (versioned, soft-deleted with a reason) and written consents
// with their status history and evidence. Generated from the entities, then reviewed.
// Sections and agencies in consents are arrays, checked by the service (no foreign key).

export class RecordAndConsent1764200000000 implements MigrationInterface {
  name = 'RecordAndConsent1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "consents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "organisation_ids" uuid array NOT NULL DEFAULT '{}',
                "organisation_kinds" text array NOT NULL DEFAULT '{}',
                "sections" text array NOT NULL,
                "purpose" character varying(1000) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date NOT NULL,
                "form_version" character varying(20) NOT NULL,
                "form_language" character varying(2) NOT NULL,
                "method" character varying(30) NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "recorded_by_organisation_id" uuid NOT NULL,
                "replaces_consent_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_consents_has_section" CHECK (cardinality("sections") > 0),
                CONSTRAINT "CHK_consents_has_agency" CHECK (
                    cardinality("organisation_ids") + cardinality("organisation_kinds") > 0
                ),
                CONSTRAINT "CHK_consents_period" CHECK ("valid_until" >= "valid_from"),
                CONSTRAINT "CHK_consents_form_language" CHECK ("form_language" IN ('fi', 'sv', 'en')),
                CONSTRAINT "CHK_consents_method" CHECK (
                    "method" IN (
                        'signed_paper',
                        'signature_on_screen',
                        'electronic'
                    )
                ),
                CONSTRAINT "CHK_consents_status" CHECK (
                    "status" IN (
                        'requested',
                        'given',
                        'refused',
                        'withdrawn',
                        'expired',
                        'replaced'
                    )
                ),
                CONSTRAINT "PK_9efc68eb6aba7d638fb6ea034dd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_consents_client_status" ON "consents" ("client_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "consent_status_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consent_id" uuid NOT NULL,
                "from_status" character varying(20),
                "to_status" character varying(20) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "by_user_id" uuid,
                "reason" character varying(500),
                CONSTRAINT "PK_9b428d0830ea3226addee9e5254" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_consent_status_history_consent" ON "consent_status_history" ("consent_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consent_evidence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consent_id" uuid NOT NULL,
                "mime_type" character varying(50) NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "content" bytea NOT NULL,
                "uploaded_by_user_id" uuid NOT NULL,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8c8f8509801b9be155b0bb17029" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_consent_evidence_consent" ON "consent_evidence" ("consent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "client_record_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "entry_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "client_id" uuid NOT NULL,
                "section" character varying(30) NOT NULL,
                "recorded_by_organisation_id" uuid NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "deleted_reason" character varying(500),
                "deleted_by_user_id" uuid,
                CONSTRAINT "CHK_client_record_entries_deleted_reason" CHECK (
                    ("deleted_at" IS NULL) = ("deleted_reason" IS NULL)
                ),
                CONSTRAINT "CHK_client_record_entries_body_length" CHECK (char_length("body") <= 10000),
                CONSTRAINT "CHK_client_record_entries_section" CHECK (
                    "section" IN (
                        'basic',
                        'situation',
                        'plan',
                        'agency_notes',
                        'benefits',
                        'employment',
                        'health_social',
                        'contacts'
                    )
                ),
                CONSTRAINT "PK_56653b83cfc311e3a37bf25cfb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_client_record_entries_client_section" ON "client_record_entries" ("client_id", "section")
            WHERE "superseded_at" IS NULL
                AND "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_record_entries_entry_version" ON "client_record_entries" ("entry_id", "version")
        `);
    await queryRunner.query(`
            ALTER TABLE "consents"
            ADD CONSTRAINT "FK_consents_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consents"
            ADD CONSTRAINT "FK_consents_recorded_by_user" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consents"
            ADD CONSTRAINT "FK_consents_recorded_by_organisation" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consents"
            ADD CONSTRAINT "FK_consents_replaces" FOREIGN KEY ("replaces_consent_id") REFERENCES "consents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_status_history"
            ADD CONSTRAINT "FK_consent_status_history_consent" FOREIGN KEY ("consent_id") REFERENCES "consents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_evidence"
            ADD CONSTRAINT "FK_consent_evidence_consent" FOREIGN KEY ("consent_id") REFERENCES "consents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "client_record_entries"
            ADD CONSTRAINT "FK_client_record_entries_client" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "client_record_entries"
            ADD CONSTRAINT "FK_client_record_entries_organisation" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "client_record_entries"
            ADD CONSTRAINT "FK_client_record_entries_user" FOREIGN KEY ("recorded_by_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "client_record_entries" DROP CONSTRAINT "FK_client_record_entries_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "client_record_entries" DROP CONSTRAINT "FK_client_record_entries_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "client_record_entries" DROP CONSTRAINT "FK_client_record_entries_client"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_evidence" DROP CONSTRAINT "FK_consent_evidence_consent"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_status_history" DROP CONSTRAINT "FK_consent_status_history_consent"
        `);
    await queryRunner.query(`
            ALTER TABLE "consents" DROP CONSTRAINT "FK_consents_replaces"
        `);
    await queryRunner.query(`
            ALTER TABLE "consents" DROP CONSTRAINT "FK_consents_recorded_by_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "consents" DROP CONSTRAINT "FK_consents_recorded_by_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "consents" DROP CONSTRAINT "FK_consents_client"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_client_record_entries_entry_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_client_record_entries_client_section"
        `);
    await queryRunner.query(`
            DROP TABLE "client_record_entries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_consent_evidence_consent"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_evidence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_consent_status_history_consent"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_status_history"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_consents_client_status"
        `);
    await queryRunner.query(`
            DROP TABLE "consents"
        `);
  }
}
