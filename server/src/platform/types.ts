import type { Config } from './config.js';
import type { Principal } from './context.js';
import type { Database } from './db/index.js';
import type { Mailer } from './mail.js';

export interface Deps {
  config: Config;
  db: Database;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
