import { MigrationInterface, QueryRunner } from 'typeorm';

// A recruitment event can be cancelled: its status, when and why. Existing events are
// planned.
export class EventCancellation1764700000000 implements MigrationInterface {
  name = 'EventCancellation1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD "status" character varying(20) NOT NULL DEFAULT 'planned'
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD "cancelled_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD "cancellation_reason" character varying(500)
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD CONSTRAINT "CHK_recruitment_events_status" CHECK ("status" IN ('planned', 'cancelled'))
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events"
            ADD CONSTRAINT "CHK_recruitment_events_cancelled" CHECK (
                ("status" = 'cancelled') = (
                    "cancelled_at" IS NOT NULL
                    AND "cancellation_reason" IS NOT NULL
                )
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "recruitment_events" DROP CONSTRAINT "CHK_recruitment_events_cancelled"
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events" DROP CONSTRAINT "CHK_recruitment_events_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events" DROP COLUMN "cancellation_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events" DROP COLUMN "cancelled_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "recruitment_events" DROP COLUMN "status"
        `);
  }
}
