import { QueueBackend, Queues } from '@ohjaamo/platform';
import { waitForAllJobs } from '../helpers/jobs';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness without touching dependencies', async () => {
    const res = await t.http.get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports readiness of the database and the queue backend', async () => {
    const res = await t.http.get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'ok' }, queue: { status: 'ok' } },
    });
  });

  it('echoes a request id on every response', async () => {
    const res = await t.http.get('/health/live').set('X-Request-Id', 'req-12345678');
    expect(res.headers['x-request-id']).toBe('req-12345678');
    const generated = await t.http.get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics with the request latency histogram and queue depths', async () => {
    await t.http.get('/health/live');
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/queue_jobs\{queue="notifications",state="waiting"\} \d+/);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBe('Ohjaamo API');
  });

  it('answers an unknown route with a translated 404', async () => {
    const res = await t.http
      .get('/api/v1/no-such-thing')
      .set('Accept-Language', 'sv-FI,sv;q=0.9')
      .expect(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      message: 'Sidan eller uppgiften hittades inte.',
    });
  });
});

describe('the wait-for-all-jobs helper', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns once a queue is drained, and times out while work is pending', async () => {
    const queue = t.app.get(Queues).get('maintenance');
    await queue.add('test.noop', { id: 'x' }, { jobId: 'wait-helper-test' });
    await expect(waitForAllJobs(t.app, { timeoutMs: 300 })).rejects.toThrow(/pending/);
    const worker = t.app
      .get(QueueBackend)
      .createWorker('maintenance', () => Promise.resolve('done'));
    try {
      await waitForAllJobs(t.app, { timeoutMs: 10_000 });
      expect(await queue.getJobCounts('waiting', 'active')).toEqual({ waiting: 0, active: 0 });
    } finally {
      await worker.close();
    }
  });
});
