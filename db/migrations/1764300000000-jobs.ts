import { MigrationInterface, QueryRunner } from 'typeorm';

// Background jobs: the transactional outbox, the delivery ledger and the staff inbox.
// Generated from the entities, then reviewed: outbox and ledger rows carry ids only.

export class Jobs1764300000000 implements MigrationInterface {
  name = 'Jobs1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
        CREATE TABLE "outbox" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "job_name" character varying(100) NOT NULL,
            "payload" jsonb NOT NULL,
            "dedupe_key" character varying(300) NOT NULL,
            "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "relayed_at" TIMESTAMP WITH TIME ZONE,
            "attempts" integer NOT NULL DEFAULT '0',
            "last_error" character varying(500),
            CONSTRAINT "PK_outbox" PRIMARY KEY ("id")
        )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_outbox_dedupe_key" ON "outbox" ("dedupe_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_pending" ON "outbox" ("available_at") WHERE "relayed_at" IS NULL`,
    );
    await queryRunner.query(`
        CREATE TABLE "deliveries" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "delivery_key" character varying(300) NOT NULL,
            "kind" character varying(60) NOT NULL,
            "channel" character varying(10) NOT NULL,
            "recipient_id" uuid NOT NULL,
            "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            CONSTRAINT "PK_deliveries" PRIMARY KEY ("id")
        )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_deliveries_delivery_key" ON "deliveries" ("delivery_key")`,
    );
    await queryRunner.query(`
        CREATE TABLE "notifications" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "recipient_id" uuid NOT NULL,
            "kind" character varying(60) NOT NULL,
            "message_key" character varying(100) NOT NULL,
            "params" jsonb NOT NULL DEFAULT '{}',
            "link" character varying(300),
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "read_at" TIMESTAMP WITH TIME ZONE,
            CONSTRAINT "PK_notifications" PRIMARY KEY ("id")
        )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_recipient_created_at" ON "notifications" ("recipient_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_recipient_unread" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(`
        ALTER TABLE "notifications" ADD CONSTRAINT "FK_notifications_recipient"
        FOREIGN KEY ("recipient_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_notifications_recipient"`,
    );
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
