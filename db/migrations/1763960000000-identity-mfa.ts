import { MigrationInterface, QueryRunner } from 'typeorm';

// The last accepted TOTP time step of each user, so a code cannot be used twice within
// its validity window (replay of a shoulder-surfed or intercepted code).

export class IdentityMfa1763960000000 implements MigrationInterface {
  name = 'IdentityMfa1763960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "staff_users" ADD "totp_last_step" bigint
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "staff_users" DROP COLUMN "totp_last_step"
        `);
  }
}
