import { Health } from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { audittrailRoutes } from './modules/audittrail/audittrail.routes.js';
import { besturenRoutes } from './modules/besturen/besturen.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { authRoutes } from './modules/identity/auth.routes.js';
import { meRoutes } from './modules/identity/me.routes.js';
import { oidcRoutes } from './modules/identity/oidc.routes.js';
import { continuityRoutes } from './modules/continuity/continuity.routes.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';
import { cyfunRoutes } from './modules/cyfun/cyfun.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.js';
import { risksRoutes } from './modules/risks/risks.routes.js';
import { measuresRoutes } from './modules/measures/measures.routes.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { processesRoutes } from './modules/processes/processes.routes.js';
import { processListRoutes } from './modules/processlist/processlist.routes.js';
import { transferRoutes } from './modules/processes/transfer.routes.js';
import { productsRoutes } from './modules/products/products.routes.js';
import { registersRoutes } from './modules/registers/registers.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { createHttp, serveWeb } from './platform/http.js';
import type { Deps } from './platform/types.js';

/** The whole application: platform plumbing, every module's routes, and the web app. */
export async function buildApp(deps: Deps, logger: Logger, options: { web?: boolean } = {}): Promise<FastifyInstance> {
  const app = await createHttp(deps, logger);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Liveness and database kind', security: [], response: { 200: Health } } },
    async () => {
      await sql`SELECT 1`.execute(deps.db.app);
      return { status: 'ok' as const, database: deps.db.kind };
    },
  );

  if (!deps.config.production) {
    r.get(
      '/api/dev/mail',
      {
        schema: {
          tags: ['platform'],
          summary: 'Mails captured without SMTP (development and tests only)',
          security: [],
          response: {
            200: z.object({
              items: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })),
            }),
          },
        },
      },
      async () => ({ items: [...deps.mailer.outbox].reverse() }),
    );
  }

  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(meRoutes);
  await app.register(besturenRoutes);
  await app.register(membersRoutes);
  await app.register(audittrailRoutes);
  await app.register(catalogRoutes);
  await app.register(processesRoutes);
  await app.register(processListRoutes);
  await app.register(measuresRoutes);
  await app.register(complianceRoutes);
  await app.register(cyfunRoutes);
  await app.register(risksRoutes);
  await app.register(dashboardRoutes);
  await app.register(monitoringRoutes);
  await app.register(productsRoutes);
  await app.register(transferRoutes);
  await app.register(registersRoutes);
  await app.register(continuityRoutes);
  await app.register(reportsRoutes);
  if (options.web !== false) await serveWeb(app, deps.config.WEB_DIST);
  return app;
}
