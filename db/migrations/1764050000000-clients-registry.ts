import { MigrationInterface, QueryRunner } from 'typeorm';

// The client registry's search and duplicate checks. Folded name keys (see
// libs/clients/src/rules/name-key.ts) for likely-duplicate warnings, and an index on the
// reversed phone digits so the desk can find a number by its last digits.
// Generated from the entity, then reviewed: the backfill and the expression index were
// added by hand (TypeORM can express neither).

// An SQL approximation of nameKey() for rows that exist before this migration; the
// application writes the exact key from then on.
const FOLD = (column: string): string => `left(regexp_replace(translate(lower("${column}"),
  'áàâäãåāăąéèêëēěęíìîïīóòôöõøōőúùûüūůűýÿçćčďđğłńňñřśšşťţźżž',
  'aaaaaaaaaeeeeeeeiiiiioooooooouuuuuuuyycccddglnnnrsssttzzz'), '[^[:alnum:]]', '', 'g'), 100)`;

export class ClientsRegistry1764050000000 implements MigrationInterface {
  name = 'ClientsRegistry1764050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "first_name_key" character varying(100),
            ADD "last_name_key" character varying(100)
        `);
    await queryRunner.query(`
            UPDATE "clients"
            SET "first_name_key" = ${FOLD('first_name')},
                "last_name_key" = ${FOLD('last_name')}
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "first_name_key" SET NOT NULL,
            ALTER COLUMN "last_name_key" SET NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_clients_phone_digits_reversed" ON "clients" (reverse("phone_digits") text_pattern_ops)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_clients_phone_digits_reversed"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "last_name_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "first_name_key"
        `);
  }
}
