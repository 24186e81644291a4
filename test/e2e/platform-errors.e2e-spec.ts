import { Controller, Get, Post, Body } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { AccessTokenService, StaffUser } from '@ohjaamo/identity';
import { REDACT_PATHS } from '@ohjaamo/platform';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pino from 'pino';
import { Writable } from 'node:stream';
import { Public } from '../../apps/api/src/auth/access.decorators';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

class AgeInput {
  @IsInt()
  @Min(10)
  @Max(40)
  age!: number;
}

// Routes that only exist in this test: one that fails unexpectedly, one that validates.
@Public()
@Controller('api/v1/test-only')
class ProbeController {
  @Get('boom')
  boom(): never {
    throw new Error('database password=secret leaked in a message');
  }

  @Post('age')
  age(@Body() input: AgeInput): AgeInput {
    return input;
  }
}

describe('errors, tokens and the audit chain command', () => {
  let t: TestApp;
  let user: StaffUser;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' }, { controllers: [ProbeController] });
    user = await new Fixtures(t.app).user({ roles: ['adviser'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unexpected error with only an error id', async () => {
    const boom = await t.http
      .get('/api/v1/test-only/boom')
      .set('Accept-Language', 'en')
      .expect(500);
    expect(Object.keys(boom.body).sort()).toEqual([
      'error',
      'errorId',
      'message',
      'requestId',
      'statusCode',
    ]);
    expect(boom.body.error).toBe('internal_error');
    expect(boom.body.message).toContain(boom.body.errorId);
    expect(boom.text).not.toContain('password');
  });

  it("gives field-level messages in the user's language for bad input", async () => {
    const { token } = await t.app.get(AccessTokenService).create(user, {
      name: 'Probe',
      scopes: ['sites.read'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    const res = await t.http
      .post('/api/v1/test-only/age')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'sv')
      .send({ age: 9, extra: true })
      .expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'validation_failed' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        // The user's own language setting (English here) wins over the browser's Swedish.
        { field: 'age', code: 'min', message: 'Must be at least 10.' },
        { field: 'extra', code: 'whitelistValidation', message: 'Unknown field.' },
      ]),
    );
  });

  it('refuses find conditions with undefined instead of matching every row', async () => {
    await expect(
      t.dataSource.getRepository(StaffUser).findOneBy({ id: undefined }),
    ).rejects.toThrow();
    await expect(
      t.dataSource.getRepository(StaffUser).findOneBy({ id: null as unknown as string }),
    ).rejects.toThrow();
  });

  it('records a rejected (expired) personal access token in the audit log', async () => {
    const { token, record } = await t.app.get(AccessTokenService).create(user, {
      name: 'Expiring',
      scopes: ['sites.read'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.dataSource.query(
      `UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [record.id],
    );
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    const rows = await t.dataSource.query(
      `SELECT outcome FROM audit_log WHERE action = 'auth.token_rejected'`,
    );
    expect(rows).toEqual([{ outcome: 'denied' }]);
  });

  it('redacts personal data and secrets in log lines', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    logger.info(
      {
        client: { firstName: 'Aino', identityCode: '131052-308T', email: 'a@b.fi' },
        password: 'x',
      },
      'm',
    );
    expect(lines.join('')).not.toMatch(/Aino|131052|a@b\.fi|"password":"x"/);
  });

  it('the chain command names the first row changed directly in the database', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/sign-in').send({}); // CSRF refusals write audit rows
    const cli = join(__dirname, '..', '..', 'dist', 'libs', 'audit', 'src', 'verify-chain.cli.js');
    const run = () =>
      spawnSync(process.execPath, [cli], {
        env: { ...process.env, DATABASE_URL: t.databaseUrl },
        encoding: 'utf8',
      });
    const intact = run();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: \d+ rows/);

    const [second] = await t.dataSource.query(
      `SELECT id FROM audit_log ORDER BY id OFFSET 1 LIMIT 1`,
    );
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`UPDATE audit_log SET details = '{"tampered": true}' WHERE id = $1`, [
        second.id,
      ]);
    });
    const broken = run();
    expect(broken.status).toBe(1);
    expect(`${broken.stdout}${broken.stderr}`).toContain(`Audit chain broken at row ${second.id}`);
  });
});
