import {
  AccessTokenService,
  permissionsOf,
  SitesService,
  type Organisation,
  type Site,
  type StaffUser,
} from '@ohjaamo/identity';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

interface BoardEvent {
  waiting: { id: string; label: string; waitingSeconds: number }[];
  withProfessional: { id: string; label: string }[];
  agenciesPresent: { organisationName: string }[];
}

/** A raw server-sent events client: reads `board` events and waits for one that matches. */
class EventStream {
  private buffer = '';
  private readonly events: BoardEvent[] = [];
  private readonly waiters: {
    match: (e: BoardEvent) => boolean;
    resolve: (e: BoardEvent) => void;
  }[] = [];
  ended = false;

  constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    response.on('end', () => (this.ended = true));
  }

  /** The first not yet consumed board event that matches, or a rejection after `timeoutMs`. */
  next(match: (e: BoardEvent) => boolean = () => true, timeoutMs = 5000): Promise<BoardEvent> {
    const index = this.events.findIndex(match);
    if (index >= 0) return Promise.resolve(this.events.splice(0, index + 1)[index]);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (event: BoardEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error('no matching board event in time'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split('\n');
      if (!lines.includes('event: board')) continue;
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      const event = JSON.parse(data) as BoardEvent;
      const waiter = this.waiters.find((w) => w.match(event));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.events.length = 0;
        waiter.resolve(event);
      } else {
        this.events.push(event);
      }
    }
  }
}

describe('desk queue', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let youth: Organisation;
  let kela: Organisation;
  let site: Site;
  let otherSite: Site;
  let desk: StaffUser;
  let kelaAdviser: StaffUser;
  let deskToken: string;
  let adviserToken: string;
  let port: number;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenFor = async (user: StaffUser): Promise<string> =>
    (
      await t.app.get(AccessTokenService).create(user, {
        name: `test ${randomUUID()}`,
        scopes: [...permissionsOf(user.roles)],
        expiresAt: new Date(Date.now() + 86_400_000),
      })
    ).token;
  const arrive = (body: Record<string, unknown> = {}, token = deskToken, siteId = site.id) =>
    t.http.post(`/api/v1/sites/${siteId}/desk/arrivals`).set(bearer(token)).send(body);
  const act = (
    id: string,
    step: 'wait' | 'call' | 'finish' | 'left',
    body: Record<string, unknown> = {},
    token = deskToken,
  ) => t.http.post(`/api/v1/desk/entries/${id}/${step}`).set(bearer(token)).send(body);
  const openStream = (siteId: string, token: string): Promise<EventStream> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/sites/${siteId}/desk/events`,
          headers: { ...bearer(token), Accept: 'text/event-stream' },
        },
        (res) => resolve(new EventStream(res)),
      );
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    fixtures = new Fixtures(t.app);
    youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    kela = await fixtures.organisation('kela', 'Kela');
    site = await fixtures.site('Ohjaamo Helsinki');
    otherSite = await fixtures.site('Ohjaamo Porvoo');
    // Kela is on the calendar every day, so "present today" holds whenever the test runs.
    await t.app.get(SitesService).setCalendar(
      site.id,
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ organisationId: kela.id, weekday })),
    );
    desk = await fixtures.user({ roles: ['front_desk'], organisation: youth, sites: [site] });
    kelaAdviser = await fixtures.user({ roles: ['adviser'], organisation: kela, sites: [site] });
    [deskToken, adviserToken] = await Promise.all([tokenFor(desk), tokenFor(kelaAdviser)]);
  });
  let closed = false;
  afterAll(async () => {
    if (!closed) await t.close();
  });

  it('numbers arrivals per site and day', async () => {
    const first = await arrive().expect(201);
    const second = await arrive().expect(201);
    const number = (label: string) => Number(label.slice(2));
    expect(first.body).toMatchObject({ siteId: site.id, status: 'arrived', waitSeconds: null });
    expect(first.body.label).toMatch(/^A-\d{3}$/);
    expect(number(second.body.label)).toBe(number(first.body.label) + 1);
    // Another site starts from one.
    const porvooDesk = await fixtures.user({
      roles: ['front_desk'],
      organisation: youth,
      sites: [otherSite],
    });
    const porvoo = await arrive({}, await tokenFor(porvooDesk), otherSite.id).expect(201);
    expect(porvoo.body.label).toBe('A-001');
  });

  it('gives distinct numbers to simultaneous arrivals', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => arrive().expect(201)));
    const labels = new Set(results.map((r) => (r.body as { label: string }).label));
    expect(labels.size).toBe(8);
  });

  it('moves a visitor through the queue and stores the waiting time', async () => {
    const entry = (await arrive({ requestedOrganisationId: kela.id }).expect(201)).body;
    await act(entry.id, 'wait').expect(200);
    await act(entry.id, 'wait').expect(409);
    // Five minutes of waiting, made by moving the arrival back.
    await t.dataSource.query(
      `UPDATE desk_queue_entries SET arrived_at = now() - interval '300 seconds' WHERE id = $1`,
      [entry.id],
    );
    const called = await act(entry.id, 'call', {}, adviserToken).expect(200);
    expect(called.body).toMatchObject({
      status: 'with_professional',
      organisationId: kela.id,
      staffUserId: kelaAdviser.id,
    });
    expect(called.body.waitSeconds).toBeGreaterThanOrEqual(300);
    expect(called.body.waitSeconds).toBeLessThan(330);
    const again = await act(entry.id, 'call').expect(409);
    expect(again.body.error).toBe('queue_transition_invalid');
    await act(entry.id, 'left').expect(409);
    const done = await act(entry.id, 'finish').expect(200);
    expect(done.body.status).toBe('done');
    expect(done.body.doneAt).not.toBeNull();
    await act(entry.id, 'finish').expect(409);
    const [row] = await t.dataSource.query(
      `SELECT status, wait_seconds, arrived_at IS NOT NULL AS a, waiting_at IS NOT NULL AS w,
              called_at IS NOT NULL AS c, done_at IS NOT NULL AS d, left_at IS NULL AS l
         FROM desk_queue_entries WHERE id = $1`,
      [entry.id],
    );
    expect(row).toEqual({
      status: 'done',
      wait_seconds: called.body.waitSeconds,
      a: true,
      w: true,
      c: true,
      d: true,
      l: true,
    });
  });

  it('records a visitor who left unserved, with the time they waited', async () => {
    const entry = (await arrive().expect(201)).body;
    await t.dataSource.query(
      `UPDATE desk_queue_entries SET arrived_at = now() - interval '10 minutes' WHERE id = $1`,
      [entry.id],
    );
    const left = await act(entry.id, 'left').expect(200);
    expect(left.body.status).toBe('left_unserved');
    expect(left.body.waitSeconds).toBeGreaterThanOrEqual(600);
    await act(entry.id, 'call').expect(409);
  });

  it('lets the desk hand a visitor to another agency, and checks who is named', async () => {
    const entry = (await arrive().expect(201)).body;
    const wrong = await act(entry.id, 'call', {
      organisationId: youth.id,
      staffUserId: kelaAdviser.id,
    }).expect(422);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'staffUserId', code: 'staffUserNotInOrganisation' }),
    ]);
    const unknown = await act(entry.id, 'call', { organisationId: randomUUID() }).expect(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'organisationNotFound' }),
    ]);
    const called = await act(entry.id, 'call', { organisationId: kela.id }).expect(200);
    expect(called.body).toMatchObject({ organisationId: kela.id, staffUserId: null });
  });

  it('refuses arrivals with unknown references field by field', async () => {
    const res = await arrive({
      visitId: randomUUID(),
      clientId: randomUUID(),
      requestedOrganisationId: randomUUID(),
    }).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'visitId',
      'clientId',
      'requestedOrganisationId',
    ]);
  });

  it('links an arrival to the visit logged for it', async () => {
    const visit = await t.http
      .post('/api/v1/visits')
      .set(bearer(deskToken))
      .send({ siteId: site.id })
      .expect(201);
    const entry = await arrive({ visitId: visit.body.id }).expect(201);
    expect(entry.body.visitId).toBe(visit.body.id);
  });

  it('shows the board: who waits and for how long, who is with whom, agencies present today', async () => {
    const waiting = (await arrive().expect(201)).body;
    const served = (await arrive().expect(201)).body;
    await act(served.id, 'call', {}, adviserToken).expect(200);
    const board = await t.http
      .get(`/api/v1/sites/${site.id}/desk`)
      .set(bearer(deskToken))
      .expect(200);
    expect(board.body.siteId).toBe(site.id);
    expect(board.body.waiting).toContainEqual(
      expect.objectContaining({
        id: waiting.id,
        label: waiting.label,
        status: 'arrived',
        waitingSeconds: expect.any(Number),
      }),
    );
    expect(board.body.withProfessional).toContainEqual(
      expect.objectContaining({
        id: served.id,
        organisationName: 'Kela',
        staffDisplayName: kelaAdviser.displayName,
      }),
    );
    expect(board.body.agenciesPresent).toEqual([
      expect.objectContaining({ organisationId: kela.id, organisationName: 'Kela' }),
    ]);
    expect(board.body.today.arrived).toBeGreaterThan(0);
  });

  it('never puts client names on the board', async () => {
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'clients'`,
    );
    const keys = columns.some((c) => c.column_name === 'first_name_key');
    const [client] = await t.dataSource.query(
      keys
        ? `INSERT INTO clients (first_name, last_name, first_name_key, last_name_key, created_by_organisation_id, version)
           VALUES ('Venla', 'Hämäläinen', 'venla', 'hämäläinen', $1, 1) RETURNING id`
        : `INSERT INTO clients (first_name, last_name, created_by_organisation_id, version)
           VALUES ('Venla', 'Hämäläinen', $1, 1) RETURNING id`,
      [youth.id],
    );
    await arrive({ clientId: client.id }).expect(201);
    const board = await t.http
      .get(`/api/v1/sites/${site.id}/desk`)
      .set(bearer(deskToken))
      .expect(200);
    expect(JSON.stringify(board.body)).not.toMatch(/Venla|Hämäläinen/);
    expect(JSON.stringify(board.body)).not.toContain(client.id);
  });

  it('hides the queue of a site the user does not work at', async () => {
    await t.http.get(`/api/v1/sites/${otherSite.id}/desk`).set(bearer(deskToken)).expect(404);
    await arrive({}, deskToken, otherSite.id).expect(404);
    await t.http
      .get(`/api/v1/sites/${otherSite.id}/desk/events`)
      .set(bearer(deskToken))
      .expect(404);
    const porvooDesk = await fixtures.user({
      roles: ['front_desk'],
      organisation: youth,
      sites: [otherSite],
    });
    const theirs = (await arrive({}, await tokenFor(porvooDesk), otherSite.id).expect(201)).body;
    await act(theirs.id, 'call').expect(404);
  });

  it('refuses the queue to a coordinator', async () => {
    const coordinator = await fixtures.user({
      roles: ['coordinator'],
      organisation: youth,
      sites: [site],
    });
    const token = await tokenFor(coordinator);
    await arrive({}, token).expect(403);
    await t.http.get(`/api/v1/sites/${site.id}/desk/events`).set(bearer(token)).expect(403);
  });

  describe('live board (server-sent events)', () => {
    it('sends the board on connect and again after an arrival made in another request', async () => {
      const stream = await openStream(site.id, deskToken);
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
      await stream.next();
      const entry = (await arrive().expect(201)).body;
      const updated = await stream.next((board) => board.waiting.some((w) => w.id === entry.id));
      expect(updated.waiting.find((w) => w.id === entry.id)?.label).toBe(entry.label);
      await act(entry.id, 'call', {}, adviserToken).expect(200);
      await stream.next((board) => board.withProfessional.some((w) => w.id === entry.id));
      stream.response.destroy();
    });

    it('hears changes made by another api process through PostgreSQL NOTIFY', async () => {
      const stream = await openStream(site.id, deskToken);
      await stream.next();
      // Another process: its own connection inserts an arrival and notifies, nothing else.
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      try {
        const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
          new Date(),
        );
        const [row] = (
          await other.query(
            `INSERT INTO desk_queue_entries (site_id, queue_day, queue_number, status, arrived_by_user_id, version)
             VALUES ($1, $2, 900, 'arrived', $3, 1) RETURNING id`,
            [site.id, day, desk.id],
          )
        ).rows;
        await other.query(`SELECT pg_notify('desk_queue', $1)`, [site.id]);
        const updated = await stream.next((board) => board.waiting.some((w) => w.id === row.id));
        expect(updated.waiting.find((w) => w.id === row.id)?.label).toBe('A-900');
      } finally {
        await other.end();
        stream.response.destroy();
      }
    });

    it('stops sending to a closed connection and keeps serving others', async () => {
      const first = await openStream(site.id, deskToken);
      await first.next();
      first.response.destroy();
      const second = await openStream(site.id, deskToken);
      await second.next();
      const entry = (await arrive().expect(201)).body;
      await second.next((board) => board.waiting.some((w) => w.id === entry.id));
      second.response.destroy();
    });

    // Runs last: it shuts the app down.
    it('ends open streams when the application shuts down, so it can stop', async () => {
      const stream = await openStream(site.id, deskToken);
      await stream.next();
      const ended = new Promise<void>((resolve) => stream.response.on('end', resolve));
      closed = true;
      await t.close();
      await ended;
      expect(stream.ended).toBe(true);
    });
  });
});
