import type TestAgent from 'supertest/lib/agent';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';

/** Reads the hidden CSRF token out of a rendered form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1];
}

/**
 * A cookie-keeping client that behaves like a browser: it loads the sign-in form, posts
 * it with the form's CSRF token and follows the session from there.
 */
export async function signedInAgent(
  app: INestApplication,
  email: string,
  password: string,
): Promise<TestAgent> {
  const agent = request.agent(app.getHttpServer());
  const form = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ email, password, _csrf: csrfFrom(form.text) })
    .expect(303);
  return agent;
}

/** The CSRF token of the signed-in session, read from any page's sign-out form. */
export async function sessionCsrf(agent: TestAgent): Promise<string> {
  const page = await agent.get('/').expect(200);
  return csrfFrom(page.text);
}
