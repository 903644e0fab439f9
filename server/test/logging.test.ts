import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { createMailer } from '../src/platform/mail.js';
import { createTestApp } from './support/app.js';
import { PASSWORD, createBestuur, createUser } from './support/factories.js';

const t = await createTestApp();

describe('structured logs', () => {
  it('carry a request id and no password, cookie, token or e-mail address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'development', PUBLIC_URL: 'http://baken.test', LOG_LEVEL: 'info' });
    const logger = createLogger(config, sink);
    const app = await buildApp({ config, db: t.db, mailer: createMailer(config, logger) }, logger, { web: false });
    const bestuur = await createBestuur(t);
    const user = await createUser(t, { memberOf: [[bestuur.id, 'lezer']] });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies[0].value;
    const reset = await app.inject({
      method: 'GET',
      url: `/api/auth/session?token=secret-in-url`,
      headers: { cookie: `baken_session=${cookie}`, authorization: 'Bearer bkn_nope' },
    });
    expect(reset.statusCode).toBe(401);
    await app.close();

    const text = lines.join('\n');
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.req);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const r of requests) expect(r.reqId).toMatch(/^[\w-]+$/);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(cookie);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain('secret-in-url');
    expect(text).not.toContain('bkn_nope');
  });
});
