import { ConsentsService } from '@ohjaamo/consent';
import type { Organisation } from '@ohjaamo/identity';
import { helsinkiDayRange } from '@ohjaamo/platform';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import {
  bearerFor,
  consentBody,
  dayOffset,
  newClient,
  newEntry,
  today,
  type Headers,
} from './consent-fixtures';

// A consent from given to withdrawn, replaced or expired, and what each does to a Kela
// adviser's view of a youth-services benefits entry.

describe('consent: lifecycle', () => {
  let t: TestApp;
  let youth: Headers;
  let kela: Headers;
  let kelaOrg: Organisation;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const youthOrg = await fixtures.organisation('youth_services');
    kelaOrg = await fixtures.organisation('kela');
    youth = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: youthOrg, sites: [site] }),
    );
    kela = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: kelaOrg, sites: [site] }),
    );
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  async function subject(scope: Record<string, unknown> = {}) {
    const clientId = await newClient(t, youth);
    const entryId = await newEntry(t, youth, clientId);
    const consent = await t.http
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(youth)
      .send(consentBody({ organisationIds: [kelaOrg.id], ...scope }))
      .expect(201);
    const entryUrl = `/api/v1/clients/${clientId}/record/entries/${entryId}`;
    return { clientId, entryId, consentId: consent.body.id as string, entryUrl };
  }

  it('records a given consent with its scope and first history step', async () => {
    const { consentId, clientId } = await subject();
    const res = await t.http.get(`/api/v1/consents/${consentId}`).set(youth).expect(200);
    expect(res.body).toMatchObject({
      clientId,
      status: 'given',
      active: true,
      organisationIds: [kelaOrg.id],
      sections: ['benefits'],
      formLanguage: 'fi',
      method: 'signed_paper',
    });
    expect(res.body.history).toEqual([expect.objectContaining({ from: null, to: 'given' })]);
    const list = await t.http.get(`/api/v1/clients/${clientId}/consents`).set(youth).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([consentId]);
  });

  it('stops showing the entry on the very next request after a withdrawal', async () => {
    const { consentId, entryUrl } = await subject();
    await t.http.get(entryUrl).set(kela).expect(200);
    await t.http
      .post(`/api/v1/consents/${consentId}/withdraw`)
      .set(youth)
      .send({ reason: 'Client asked' })
      .expect(200);
    await t.http.get(entryUrl).set(kela).expect(404);
    const res = await t.http.get(`/api/v1/consents/${consentId}`).set(youth).expect(200);
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.history.map((h: { to: string }) => h.to)).toEqual(['given', 'withdrawn']);
  });

  it('lets exactly one of two simultaneous withdrawals through', async () => {
    const { consentId } = await subject();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        t.http.post(`/api/v1/consents/${consentId}/withdraw`).set(youth).send({}),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM consent_status_history
        WHERE consent_id = $1 AND to_status = 'withdrawn'`,
      [consentId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('replaces a consent with a corrected one, never editing the old', async () => {
    const { consentId, entryUrl, clientId } = await subject();
    const res = await t.http
      .post(`/api/v1/consents/${consentId}/replace`)
      .set(youth)
      .send(consentBody({ organisationIds: [kelaOrg.id], sections: ['health_social'] }))
      .expect(201);
    expect(res.body).toMatchObject({ replacesConsentId: consentId, status: 'given' });
    const old = await t.http.get(`/api/v1/consents/${consentId}`).set(youth).expect(200);
    expect(old.body).toMatchObject({ status: 'replaced', sections: ['benefits'] });
    // The new scope no longer covers benefits.
    await t.http.get(entryUrl).set(kela).expect(404);
    await t.http
      .post(`/api/v1/consents/${consentId}/replace`)
      .set(youth)
      .send(consentBody({ organisationIds: [kelaOrg.id] }))
      .expect(409);
    const list = await t.http.get(`/api/v1/clients/${clientId}/consents`).set(youth).expect(200);
    expect(list.body.items).toHaveLength(2);
  });

  it('holds until the end of its last day in Helsinki, then expires', async () => {
    const { consentId, entryUrl } = await subject({
      validFrom: dayOffset(-10),
      validUntil: today(),
    });
    const { to: endOfToday } = helsinkiDayRange(today());
    // Only Date is faked: timers, I/O and the database keep real time.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      jest.setSystemTime(new Date(endOfToday.getTime() - 1000));
      await t.http.get(entryUrl).set(kela).expect(200);
      jest.setSystemTime(endOfToday);
      await t.http.get(entryUrl).set(kela).expect(404);
      const res = await t.http.get(`/api/v1/consents/${consentId}`).set(youth).expect(200);
      expect(res.body).toMatchObject({ status: 'expired', active: false });
      await t.http.post(`/api/v1/consents/${consentId}/withdraw`).set(youth).send({}).expect(409);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stores the expiry of consents past their last day, once', async () => {
    const { consentId } = await subject();
    await t.dataSource.query(
      `UPDATE consents SET valid_from = $2, valid_until = $3 WHERE id = $1`,
      [consentId, dayOffset(-20), dayOffset(-1)],
    );
    const consents = t.app.get(ConsentsService);
    expect(await consents.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await consents.expireDue()).toBe(0);
    const res = await t.http.get(`/api/v1/consents/${consentId}`).set(youth).expect(200);
    expect(res.body.status).toBe('expired');
    expect(res.body.history.map((h: { to: string }) => h.to)).toEqual(['given', 'expired']);
  });

  it('does not apply before its first day', async () => {
    const { entryUrl } = await subject({ validFrom: dayOffset(1), validUntil: dayOffset(10) });
    await t.http.get(entryUrl).set(kela).expect(404);
  });

  it('writes an audit row for every read, with the legal basis and consent id', async () => {
    const { clientId, consentId, entryUrl } = await subject();
    const before = await auditCount(clientId);
    await t.http.get(entryUrl).set(kela).expect(200);
    await t.http.get(`/api/v1/clients/${clientId}/record/entries`).set(kela).expect(200);
    await t.http.get(`/api/v1/clients/${clientId}/record/entries`).set(youth).expect(200);
    const rows: {
      action: string;
      legal_basis: string;
      consent_id: string | null;
      sections: string[];
    }[] = await t.dataSource.query(
      `SELECT action, legal_basis, consent_id, sections FROM audit_log
          WHERE client_id = $1 ORDER BY id OFFSET $2`,
      [clientId, before],
    );
    expect(rows).toEqual([
      {
        action: 'record.read',
        legal_basis: 'consent',
        consent_id: consentId,
        sections: ['benefits'],
      },
      {
        action: 'record.listed',
        legal_basis: 'consent',
        consent_id: consentId,
        sections: ['benefits'],
      },
      {
        action: 'record.listed',
        legal_basis: 'own_record',
        consent_id: null,
        sections: ['benefits'],
      },
    ]);
  });

  it('audits reading a consent and printing its form, with the consent id', async () => {
    const { clientId, consentId } = await subject();
    const before = await auditCount(clientId);
    await t.http.get(`/api/v1/consents/${consentId}`).set(kela).expect(200);
    await t.http.get(`/api/v1/consents/${consentId}/form`).set(youth).expect(200);
    const rows: unknown[] = await t.dataSource.query(
      `SELECT action, legal_basis, consent_id FROM audit_log
        WHERE client_id = $1 ORDER BY id OFFSET $2`,
      [clientId, before],
    );
    expect(rows).toEqual([
      { action: 'consent.read', legal_basis: 'statutory', consent_id: consentId },
      { action: 'consent.form_printed', legal_basis: 'own_record', consent_id: consentId },
    ]);
  });

  async function auditCount(clientId: string): Promise<number> {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1`,
      [clientId],
    );
    return rows[0].n;
  }
});
