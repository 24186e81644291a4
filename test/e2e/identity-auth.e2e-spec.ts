import { Test, type TestingModule } from '@nestjs/testing';
import { dataSourceOptions } from '@ohjaamo/db';
import {
  AccessTokenService,
  IdentityModule,
  OrganisationsService,
  PasswordService,
  SessionService,
  SignInService,
  SitesService,
  StaffUsersService,
  TotpService,
  type Role,
  type StaffUser,
} from '@ohjaamo/identity';
import { ConfigModule, DatabaseModule, DomainError, requestContext } from '@ohjaamo/platform';
import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../helpers/test-database';

// Sign-in, sessions, access tokens and the second factor, against a real PostgreSQL
// through the identity services (no HTTP). Time is moved by rewriting timestamps in SQL.

const PASSWORD = 'vihreä kuusi Lahdessa';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const minutesAgo = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);
type Row = Record<string, unknown>;

describe('identity: sign-in, sessions, tokens and MFA', () => {
  let database: { url: string; drop: () => Promise<void> };
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let users: StaffUsersService;
  let signIn: SignInService;
  let sessions: SessionService;
  let tokens: AccessTokenService;
  let totp: TotpService;
  let passwords: PasswordService;
  let organisationId: string;
  let siteId: string;
  let admin: StaffUser;
  let seq = 0;
  const sql = <T = Row>(text: string, params: unknown[] = []): Promise<T[]> =>
    dataSource.query<T[]>(text, params);

  const newUser = async (roles: Role[] = ['adviser']): Promise<StaffUser> => {
    seq += 1;
    return users.create({
      organisationId,
      email: `Staff.Member${seq}@Ohjaamo.test`,
      displayName: `Staff Member ${seq}`,
      password: PASSWORD,
      roles,
      siteIds: [siteId],
      language: 'fi',
    });
  };
  const asAdmin = <T>(work: () => Promise<T>): Promise<T> =>
    requestContext.run(
      {
        requestId: 'req-identity-auth',
        language: 'fi',
        actor: {
          userId: admin.id,
          organisationId,
          organisationKind: 'youth_services',
          siteIds: [siteId],
          roles: ['admin'],
        },
      },
      work,
    );
  const auditRows = (action: string, subjectId?: string): Promise<AuditRow[]> =>
    sql(
      `SELECT action, outcome, actor_user_id, subject_id, ip, details FROM audit_log
        WHERE action = $1 AND ($2::text IS NULL OR subject_id = $2) ORDER BY id`,
      [action, subjectId ?? null],
    );
  const userRow = async (id: string): Promise<Record<string, unknown>> =>
    (await sql(`SELECT * FROM staff_users WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      LOCKOUT_THRESHOLD: '3',
      LOCKOUT_MINUTES: '15',
      IP_FAILURE_LIMIT: '5',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
      MFA_REQUIRED_ROLES: 'front_desk,adviser,admin',
    });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule,
        DatabaseModule.forRoot(() => dataSourceOptions(database.url, 5)),
        IdentityModule,
      ],
    }).compile();
    dataSource = moduleRef.get(DataSource);
    users = moduleRef.get(StaffUsersService);
    signIn = moduleRef.get(SignInService);
    sessions = moduleRef.get(SessionService);
    tokens = moduleRef.get(AccessTokenService);
    totp = moduleRef.get(TotpService);
    passwords = moduleRef.get(PasswordService);
    const organisation = await moduleRef
      .get(OrganisationsService)
      .create({ name: 'Lahden nuorisopalvelut', kind: 'youth_services' });
    organisationId = organisation.id;
    const site = await moduleRef.get(SitesService).create({
      name: 'Ohjaamo Lahti',
      streetAddress: 'Rautatienkatu 1',
      postalCode: '15110',
      municipality: 'Lahti',
    });
    siteId = site.id;
    admin = await newUser(['admin']);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  describe('passwords', () => {
    it('hashes with argon2id and verifies only the right password', async () => {
      const hash = await passwords.hash(PASSWORD);
      expect(hash).toMatch(/^\$argon2id\$/);
      await expect(passwords.verify(hash, PASSWORD)).resolves.toBe(true);
      await expect(passwords.verify(hash, `${PASSWORD}!`)).resolves.toBe(false);
      await expect(passwords.verify('not a hash', PASSWORD)).resolves.toBe(false);
    });

    it('asks for a rehash of hashes made with other parameters or variants', async () => {
      expect(passwords.needsRehash(await passwords.hash(PASSWORD))).toBe(false);
      expect(passwords.needsRehash(await argon2.hash(PASSWORD, { timeCost: 4 }))).toBe(true);
      const argon2i = await argon2.hash(PASSWORD, {
        type: argon2.argon2i,
        memoryCost: 19_456,
        timeCost: 2,
        parallelism: 1,
      });
      expect(passwords.needsRehash(argon2i)).toBe(true);
    });

    it('upgrades an old hash at the next successful sign-in', async () => {
      const user = await newUser();
      const old = await argon2.hash(PASSWORD, { timeCost: 4 });
      await sql(`UPDATE staff_users SET password_hash = $1 WHERE id = $2`, [old, user.id]);
      const result = await signIn.attempt({
        email: user.email,
        password: PASSWORD,
        ip: '198.51.100.90',
      });
      expect(result.outcome).toBe('signed_in');
      const stored = (await userRow(user.id)).password_hash as string;
      expect(stored).not.toBe(old);
      expect(passwords.needsRehash(stored)).toBe(false);
    });
  });

  describe('sign-in', () => {
    it('signs in with any capitalisation of the e-mail and tells whether MFA is owed', async () => {
      const adviser = await newUser(['adviser']);
      const coordinator = await newUser(['coordinator']);
      const ip = '198.51.100.1';

      const first = await signIn.attempt({
        email: adviser.email.toUpperCase(),
        password: PASSWORD,
        ip,
      });
      expect(first).toMatchObject({
        outcome: 'signed_in',
        user: { id: adviser.id },
        mfaRequired: true,
        mfaEnrolled: false,
      });
      const second = await signIn.attempt({
        email: ` ${coordinator.email} `,
        password: PASSWORD,
        ip,
      });
      expect(second).toMatchObject({ outcome: 'signed_in', mfaRequired: false });
    });

    it('records the completed sign-in on request, with the user as actor', async () => {
      const user = await newUser(['coordinator']);
      await signIn.recordSignedIn(user);
      expect((await userRow(user.id)).last_sign_in_at).toBeInstanceOf(Date);
      expect(await auditRows('auth.sign_in', user.id)).toEqual([
        expect.objectContaining({ outcome: 'success', actor_user_id: user.id }),
      ]);
    });

    it('answers unknown, wrong, inactive and locked alike, after one hash check each', async () => {
      const wrong = await newUser();
      const inactive = await newUser();
      const locked = await newUser();
      await asAdmin(() => users.deactivate(inactive.id));
      await sql(
        `UPDATE staff_users SET locked_until = now() + interval '10 minutes' WHERE id = $1`,
        [locked.id],
      );
      const verify = jest.spyOn(passwords, 'verify');
      const ip = '198.51.100.2';

      const results = [
        await signIn.attempt({ email: 'nobody@ohjaamo.test', password: PASSWORD, ip }),
        await signIn.attempt({ email: wrong.email, password: 'not the password', ip }),
        await signIn.attempt({ email: inactive.email, password: PASSWORD, ip }),
        await signIn.attempt({ email: locked.email, password: PASSWORD, ip }),
      ];
      expect(results).toEqual(Array(4).fill({ outcome: 'failed' }));
      // The unknown address is checked against a dummy hash, so timing tells nothing.
      expect(verify).toHaveBeenCalledTimes(4);
      verify.mockRestore();

      const failed: AuditRow[] = await sql(
        `SELECT action, outcome, actor_user_id, subject_id, ip, details FROM audit_log
          WHERE action = 'auth.sign_in_failed' AND ip = $1 ORDER BY id`,
        [ip],
      );
      expect(failed.map((r) => [r.details.reason, r.subject_id])).toEqual([
        ['unknown_user', null],
        ['bad_password', wrong.id],
        ['inactive', inactive.id],
        ['locked', locked.id],
      ]);
      for (const row of failed) {
        expect(row).toMatchObject({ outcome: 'failure', actor_user_id: null });
        const details = JSON.stringify(row.details);
        for (const secret of ['@', 'ohjaamo.test', PASSWORD, 'not the password']) {
          expect(details).not.toContain(secret);
        }
      }
      const [{ count }] = await sql(
        `SELECT count(*)::int AS count FROM sign_in_failures WHERE ip = $1`,
        [ip],
      );
      expect(count).toBe(4);
    });

    it('locks an account after LOCKOUT_THRESHOLD failures and opens it when the time is up', async () => {
      const user = await newUser();
      const ip = '198.51.100.3';
      for (let i = 0; i < 2; i++) {
        await signIn.attempt({ email: user.email, password: 'wrong password!', ip });
      }
      expect(await userRow(user.id)).toMatchObject({ failed_sign_ins: 2, locked_until: null });

      await signIn.attempt({ email: user.email, password: 'wrong password!', ip });
      const row = await userRow(user.id);
      expect(row.failed_sign_ins).toBe(3);
      const lockedFor = (row.locked_until as Date).getTime() - Date.now();
      expect(lockedFor).toBeGreaterThan(14 * 60_000);
      expect(lockedFor).toBeLessThanOrEqual(15 * 60_000);
      const [lockRow] = await auditRows('auth.sign_in_failed', user.id).then((r) => r.slice(-1));
      expect(lockRow.details).toEqual({ reason: 'bad_password', locked: true });

      // The right password does not help while locked.
      await expect(signIn.attempt({ email: user.email, password: PASSWORD, ip })).resolves.toEqual({
        outcome: 'failed',
      });
      expect((await auditRows('auth.sign_in_failed', user.id)).at(-1)?.details).toEqual({
        reason: 'locked',
      });

      await sql(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
        user.id,
      ]);
      await expect(
        signIn.attempt({ email: user.email, password: PASSWORD, ip }),
      ).resolves.toMatchObject({ outcome: 'signed_in' });
      expect(await userRow(user.id)).toMatchObject({ failed_sign_ins: 0, locked_until: null });
    });

    it('gives a fresh run of attempts after an expired lock', async () => {
      const user = await newUser();
      await sql(
        `UPDATE staff_users SET failed_sign_ins = 3, locked_until = now() - interval '1 minute'
          WHERE id = $1`,
        [user.id],
      );
      await signIn.attempt({ email: user.email, password: 'wrong password!', ip: '198.51.100.4' });
      expect(await userRow(user.id)).toMatchObject({ failed_sign_ins: 1, locked_until: null });
    });

    it('throttles an address after IP_FAILURE_LIMIT failures in 15 minutes, before any check', async () => {
      const user = await newUser();
      const ip = '203.0.113.9';
      for (let i = 0; i < 5; i++) {
        await signIn.attempt({ email: `ghost${i}@ohjaamo.test`, password: 'whatever it is', ip });
      }
      const verify = jest.spyOn(passwords, 'verify');
      const throttled = await signIn.attempt({ email: user.email, password: PASSWORD, ip });
      expect(verify).not.toHaveBeenCalled();
      verify.mockRestore();
      expect(throttled).toMatchObject({ outcome: 'throttled' });
      const retry = (throttled as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(retry).toBeGreaterThan(14 * 60);
      expect(retry).toBeLessThanOrEqual(15 * 60);
      const [row] = await sql(
        `SELECT outcome, ip FROM audit_log WHERE action = 'auth.throttled' ORDER BY id DESC LIMIT 1`,
      );
      expect(row).toEqual({ outcome: 'denied', ip });

      // Other addresses are not affected; old failures stop counting after 15 minutes.
      await expect(
        signIn.attempt({ email: user.email, password: PASSWORD, ip: '203.0.113.10' }),
      ).resolves.toMatchObject({ outcome: 'signed_in' });
      await sql(`UPDATE sign_in_failures SET at = now() - interval '16 minutes' WHERE ip = $1`, [
        ip,
      ]);
      await expect(
        signIn.attempt({ email: user.email, password: PASSWORD, ip }),
      ).resolves.toMatchObject({ outcome: 'signed_in' });
    });

    it('prunes throttle records older than a day', async () => {
      await sql(
        `INSERT INTO sign_in_failures (ip, at) VALUES ('192.0.2.200', now() - interval '25 hours')`,
      );
      await expect(signIn.pruneFailures()).resolves.toBeGreaterThanOrEqual(1);
      const [{ count }] = await sql(
        `SELECT count(*)::int AS count FROM sign_in_failures WHERE ip = '192.0.2.200'`,
      );
      expect(count).toBe(0);
    });
  });

  describe('sessions', () => {
    it('stores only the SHA-256 of the token and resolves it to the session and user', async () => {
      const user = await newUser();
      const { token, session } = await sessions.create(user.id, { mfaPassed: false });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.idHash).toBe(sha256(token));
      expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await sql(`SELECT * FROM sessions WHERE user_id = $1`, [user.id]);
      expect(JSON.stringify(stored)).not.toContain(token);

      const resolved = await sessions.resolve(token);
      expect(resolved?.user.id).toBe(user.id);
      expect(resolved?.session).toMatchObject({ mfaPassed: false, endedAt: null });
      await expect(sessions.resolve('not-a-session')).resolves.toBeNull();
    });

    it('writes lastSeenAt at most once a minute', async () => {
      const user = await newUser();
      const { token, session } = await sessions.create(user.id, { mfaPassed: true });
      const lastSeen = async (): Promise<Date> =>
        (
          await sql<{ last_seen_at: Date }>(
            `SELECT last_seen_at FROM sessions WHERE id_hash = $1`,
            [session.idHash],
          )
        )[0].last_seen_at;

      const recent = minutesAgo(0.5);
      await sql(`UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, [
        recent,
        session.idHash,
      ]);
      await sessions.resolve(token);
      expect((await lastSeen()).getTime()).toBe(recent.getTime());

      await sql(`UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, [
        minutesAgo(5),
        session.idHash,
      ]);
      await sessions.resolve(token);
      expect(Date.now() - (await lastSeen()).getTime()).toBeLessThan(5_000);
    });

    it('ends after SESSION_IDLE_MINUTES without activity', async () => {
      const user = await newUser();
      const { token, session } = await sessions.create(user.id, { mfaPassed: true });
      await sql(`UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, [
        minutesAgo(29),
        session.idHash,
      ]);
      await expect(sessions.resolve(token)).resolves.not.toBeNull();
      await sql(`UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, [
        minutesAgo(31),
        session.idHash,
      ]);
      await expect(sessions.resolve(token)).resolves.toBeNull();
    });

    it('ends at the absolute expiry however active it is', async () => {
      const user = await newUser();
      const { token, session } = await sessions.create(user.id, { mfaPassed: true });
      const hours = (session.expiresAt.getTime() - session.lastSeenAt.getTime()) / 3_600_000;
      expect(hours).toBeCloseTo(12, 5);
      await sql(
        `UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now()
          WHERE id_hash = $1`,
        [session.idHash],
      );
      await expect(sessions.resolve(token)).resolves.toBeNull();
    });

    it('rotates to a new token, ending the old one and keeping the absolute expiry', async () => {
      const user = await newUser();
      const { token, session } = await sessions.create(user.id, { mfaPassed: false });
      const rotated = await sessions.rotate(token);
      expect(rotated).not.toBe(token);
      await expect(sessions.resolve(token)).resolves.toBeNull();
      const next = await sessions.resolve(rotated);
      expect(next?.session).toMatchObject({ mfaPassed: false, userId: user.id });
      expect(next?.session.expiresAt.getTime()).toBe(session.expiresAt.getTime());
      expect(next?.session.csrfToken).not.toBe(session.csrfToken);

      const passed = await sessions.passMfa(rotated);
      await expect(sessions.resolve(rotated)).resolves.toBeNull();
      expect((await sessions.resolve(passed))?.session.mfaPassed).toBe(true);

      await expect(sessions.rotate(token)).rejects.toMatchObject({
        kind: 'unauthorized',
        code: 'session_invalid',
      });
    });

    it('ends one session on sign-out and all of a user on request', async () => {
      const user = await newUser();
      const a = await sessions.create(user.id, { mfaPassed: true });
      const b = await sessions.create(user.id, { mfaPassed: true });
      const c = await sessions.create(user.id, { mfaPassed: true });
      await sessions.end(a.token);
      await expect(sessions.resolve(a.token)).resolves.toBeNull();
      await expect(sessions.resolve(b.token)).resolves.not.toBeNull();
      await expect(sessions.endAllForUser(user.id)).resolves.toBe(2);
      await expect(sessions.resolve(b.token)).resolves.toBeNull();
      await expect(sessions.resolve(c.token)).resolves.toBeNull();
    });

    it('prunes sessions that can no longer be used', async () => {
      const user = await newUser();
      const live = await sessions.create(user.id, { mfaPassed: true });
      const ended = await sessions.create(user.id, { mfaPassed: true });
      const idle = await sessions.create(user.id, { mfaPassed: true });
      await sessions.end(ended.token);
      await sql(`UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, [
        minutesAgo(60),
        idle.session.idHash,
      ]);
      await expect(sessions.pruneExpired()).resolves.toBeGreaterThanOrEqual(2);
      const left = await sql(`SELECT id_hash FROM sessions WHERE user_id = $1`, [user.id]);
      expect(left).toEqual([{ id_hash: live.session.idHash }]);
    });
  });

  describe('access tokens', () => {
    const inDays = (days: number): Date => new Date(Date.now() + days * 86_400_000);

    it('creates an ohj_ token shown once, stored as SHA-256, and audits it', async () => {
      const user = await newUser(['adviser']);
      const { token, record } = await tokens.create(user, {
        name: 'Raportointi',
        scopes: ['sites.read', 'profile.manage'],
        expiresAt: inDays(30),
      });
      expect(token).toMatch(/^ohj_[A-Za-z0-9_-]{43}$/);
      expect(record).not.toHaveProperty('tokenHash');
      expect(record.scopes).toEqual(['profile.manage', 'sites.read']);
      const [row] = await sql(`SELECT token_hash FROM access_tokens WHERE id = $1`, [record.id]);
      expect(row.token_hash).toBe(sha256(token));
      expect(await auditRows('token.created', record.id)).toEqual([
        expect.objectContaining({ actor_user_id: user.id, outcome: 'success' }),
      ]);
    });

    it('refuses scopes beyond the user, bad expiry and a missing name, field by field', async () => {
      const user = await newUser(['adviser']);
      const error = await tokens
        .create(user, { name: '', scopes: ['admin.users', 'no.such'], expiresAt: inDays(400) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fieldErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
        'name:isNotEmpty',
        'scopes.0:scopeNotHeld',
        'scopes.1:scopeUnknown',
        'expiresAt:expiryTooFar',
      ]);
      await expect(
        tokens.create(user, { name: 'x', scopes: ['sites.read'], expiresAt: inDays(-1) }),
      ).rejects.toMatchObject({ fieldErrors: [{ field: 'expiresAt', code: 'expiryInPast' }] });
    });

    it('resolves a live token, notes its use, and refuses expired ones', async () => {
      const user = await newUser();
      const { token, record } = await tokens.create(user, {
        name: 'CLI',
        scopes: ['sites.read'],
        expiresAt: inDays(1),
      });
      const resolved = await tokens.resolve(token);
      expect(resolved?.user.id).toBe(user.id);
      expect(resolved?.token.lastUsedAt).toBeInstanceOf(Date);
      const [used] = await sql(`SELECT last_used_at FROM access_tokens WHERE id = $1`, [record.id]);
      expect(used.last_used_at).toBeInstanceOf(Date);

      await expect(tokens.resolve(`${token.slice(0, -1)}x`)).resolves.toBeNull();
      await expect(tokens.resolve('Bearer nonsense')).resolves.toBeNull();
      await sql(`UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        record.id,
      ]);
      await expect(tokens.resolve(token)).resolves.toBeNull();
    });

    it('lists without hashes and revokes only the owner’s tokens', async () => {
      const owner = await newUser();
      const other = await newUser();
      const { token, record } = await tokens.create(owner, {
        name: 'Skripti',
        scopes: ['sites.read'],
        expiresAt: inDays(7),
      });
      const listed = await tokens.listForUser(owner.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]).not.toHaveProperty('tokenHash');
      expect(listed[0]).toMatchObject({ id: record.id, name: 'Skripti', revokedAt: null });

      await expect(tokens.revoke(other.id, record.id)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(tokens.revoke(owner.id, 'not-a-uuid')).rejects.toMatchObject({
        kind: 'not_found',
      });
      await expect(tokens.resolve(token)).resolves.not.toBeNull();

      await tokens.revoke(owner.id, record.id);
      await expect(tokens.resolve(token)).resolves.toBeNull();
      expect((await tokens.listForUser(owner.id))[0].revokedAt).toBeInstanceOf(Date);
      expect(await auditRows('token.revoked', record.id)).toHaveLength(1);
    });
  });

  describe('deactivation', () => {
    it('ends every session and revokes every token of the user at once', async () => {
      const user = await newUser();
      const a = await sessions.create(user.id, { mfaPassed: true });
      const b = await sessions.create(user.id, { mfaPassed: false });
      const { token } = await tokens.create(user, {
        name: 'x',
        scopes: ['sites.read'],
        expiresAt: new Date(Date.now() + 86_400_000),
      });

      await asAdmin(() => users.deactivate(user.id));

      await expect(sessions.resolve(a.token)).resolves.toBeNull();
      await expect(sessions.resolve(b.token)).resolves.toBeNull();
      await expect(tokens.resolve(token)).resolves.toBeNull();
      const [state] = await sql(
        `SELECT (SELECT count(*)::int FROM sessions WHERE user_id = $1 AND ended_at IS NULL) AS sessions,
                (SELECT count(*)::int FROM access_tokens WHERE user_id = $1 AND revoked_at IS NULL) AS tokens`,
        [user.id],
      );
      expect(state).toEqual({ sessions: 0, tokens: 0 });
      expect(await auditRows('admin.user_deactivated', user.id)).toEqual([
        expect.objectContaining({
          actor_user_id: admin.id,
          details: { sessionsEnded: 2, tokensRevoked: 1 },
        }),
      ]);

      // Reactivation does not bring old sessions or tokens back.
      await asAdmin(() => users.reactivate(user.id));
      await expect(sessions.resolve(a.token)).resolves.toBeNull();
      await expect(tokens.resolve(token)).resolves.toBeNull();
      expect(await auditRows('admin.user_reactivated', user.id)).toHaveLength(1);
    });

    it('refuses to let an admin deactivate themself', async () => {
      await expect(asAdmin(() => users.deactivate(admin.id))).rejects.toMatchObject({
        kind: 'validation',
        fieldErrors: [{ field: 'id', code: 'cannotDeactivateSelf' }],
      });
      expect((await userRow(admin.id)).active).toBe(true);
    });
  });

  describe('two-factor sign-in (TOTP)', () => {
    // Loaded on use, like the service does: otplib's plugins are ES modules, which Jest
    // compiles only when jest.config.js lists them in ESM_PACKAGES.
    const codeAt = async (secret: string, offsetSeconds = 0): Promise<string> =>
      (await import('otplib')).generate({
        secret,
        epoch: Math.floor(Date.now() / 1000) + offsetSeconds,
      });

    const enrol = async (user: StaffUser): Promise<{ secret: string; recovery: string[] }> => {
      const { secret } = await totp.beginEnrolment(user.id);
      const recovery = await totp.confirmEnrolment(user.id, await codeAt(secret));
      return { secret, recovery };
    };

    it('starts enrolment with an encrypted, pending secret and a QR code', async () => {
      const user = await newUser();
      const started = await totp.beginEnrolment(user.id);
      expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Ohjaamo:/);
      expect(started.otpauthUrl).toContain(encodeURIComponent(user.email));
      expect(started.otpauthUrl).toContain('issuer=Ohjaamo');
      expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const row = await userRow(user.id);
      expect(row.totp_enabled_at).toBeNull();
      expect(row.totp_secret).toMatch(/^v1\./);
      expect(row.totp_secret).not.toContain(started.secret);
      await expect(totp.verify(user.id, await codeAt(started.secret))).resolves.toBe(false);
    });

    it('confirms enrolment with a valid code and hands out ten recovery codes once', async () => {
      const user = await newUser();
      const { secret } = await totp.beginEnrolment(user.id);
      await expect(totp.confirmEnrolment(user.id, '000000')).rejects.toMatchObject({
        kind: 'validation',
        fieldErrors: [{ field: 'code', code: 'totpInvalid' }],
      });
      const recovery = await totp.confirmEnrolment(user.id, await codeAt(secret));
      expect(recovery).toHaveLength(10);
      for (const code of recovery) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      expect(new Set(recovery).size).toBe(10);
      expect((await userRow(user.id)).totp_enabled_at).toBeInstanceOf(Date);
      const stored = await sql(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [
        user.id,
      ]);
      expect(stored).toHaveLength(10);
      expect(JSON.stringify(stored)).not.toContain(recovery[0]);
      await expect(totp.remainingRecoveryCodes(user.id)).resolves.toBe(10);
      expect(await auditRows('auth.mfa_enrolled', user.id)).toHaveLength(1);

      await expect(totp.beginEnrolment(user.id)).rejects.toMatchObject({
        code: 'mfa_already_enrolled',
      });
      const signedIn = await signIn.attempt({
        email: user.email,
        password: PASSWORD,
        ip: '198.51.100.20',
      });
      expect(signedIn).toMatchObject({ mfaEnrolled: true, mfaRequired: true });
    });

    it('accepts a code within one step either side, and each code only once', async () => {
      const user = await newUser();
      const { secret } = await enrol(user);
      // The enrolment code itself cannot be used again.
      await expect(totp.verify(user.id, await codeAt(secret))).resolves.toBe(false);
      // Three steps ahead lies outside the window.
      await expect(totp.verify(user.id, await codeAt(secret, 90))).resolves.toBe(false);

      const next = await codeAt(secret, 30);
      await expect(totp.verify(user.id, next.replace(/(\d{3})/, '$1 '))).resolves.toBe(true);
      await expect(totp.verify(user.id, next)).resolves.toBe(false);
      // An older step than the last accepted one is refused too.
      await expect(totp.verify(user.id, await codeAt(secret))).resolves.toBe(false);
    });

    it('counts wrong codes towards the account lockout', async () => {
      const user = await newUser();
      const { secret } = await enrol(user);
      for (let i = 0; i < 3; i++) await expect(totp.verify(user.id, '12345x')).resolves.toBe(false);
      expect((await userRow(user.id)).locked_until).toBeInstanceOf(Date);
      await expect(totp.verify(user.id, await codeAt(secret, 30))).resolves.toBe(false);
      const failures = await auditRows('auth.mfa_failed', user.id);
      expect(failures.map((r) => r.details)).toEqual([
        { method: 'totp' },
        { method: 'totp' },
        { method: 'totp', locked: true },
      ]);
    });

    it('accepts each recovery code once, in any spelling', async () => {
      const user = await newUser();
      const { recovery } = await enrol(user);
      await expect(totp.useRecoveryCode(user.id, recovery[0])).resolves.toBe(true);
      await expect(totp.useRecoveryCode(user.id, recovery[0])).resolves.toBe(false);
      await expect(
        totp.useRecoveryCode(user.id, recovery[1].toUpperCase().replace(/-/g, ' ')),
      ).resolves.toBe(true);
      await expect(totp.useRecoveryCode(user.id, 'aaaa-bbbb-cccc')).resolves.toBe(false);
      await expect(totp.remainingRecoveryCodes(user.id)).resolves.toBe(8);
      const used = await auditRows('auth.recovery_code_used', user.id);
      expect(used.map((r) => r.details)).toEqual([{ remaining: 9 }, { remaining: 8 }]);
    });

    it('is removed by an admin reset, which also signs the user out', async () => {
      const user = await newUser();
      const { secret } = await enrol(user);
      const { token } = await sessions.create(user.id, { mfaPassed: true });
      await asAdmin(() => users.resetMfa(user.id));
      const row = await userRow(user.id);
      expect(row).toMatchObject({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
      await expect(totp.remainingRecoveryCodes(user.id)).resolves.toBe(0);
      await expect(totp.verify(user.id, await codeAt(secret, 30))).resolves.toBe(false);
      await expect(sessions.resolve(token)).resolves.toBeNull();
      expect(await auditRows('admin.mfa_reset', user.id)).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, details: { sessionsEnded: 1 } }),
      ]);
      // And the user can enrol again.
      await expect(totp.beginEnrolment(user.id)).resolves.toHaveProperty('secret');
    });
  });
});

interface AuditRow {
  action: string;
  outcome: string;
  actor_user_id: string | null;
  subject_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
