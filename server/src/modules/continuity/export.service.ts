import type { Kysely } from 'kysely';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { loadAll } from './bia.service.js';
import { bc } from './continuity.tables.js';
import { planDocx } from './plan.docx.js';
import { planPdf } from './plan.pdf.js';
import { composePlan } from './plan.service.js';

/** What the plan documents are made from, read in one transaction. */
export async function planDocumentData(db: Kysely<DB>, ctx: TenantCtx) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const bestuur = await tx
      .selectFrom('besturen')
      .select('name')
      .where('id', '=', ctx.tenantId)
      .executeTakeFirstOrThrow();
    const all = await loadAll(tx, ctx.tenantId);
    const plan = await composePlan(tx, ctx.tenantId, all);
    return { bestuurName: bestuur.name, plan, bias: all.bias, generatedOn: new Date().toISOString().slice(0, 10) };
  });
}

export const fileNameOf = (bestuurName: string, ext: string) =>
  `bedrijfscontinuiteitsplan-${bestuurName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.${ext}`;

export async function exportDocx(db: Kysely<DB>, ctx: TenantCtx) {
  const data = await planDocumentData(db, ctx);
  return { body: await planDocx(data), fileName: fileNameOf(data.bestuurName, 'docx') };
}

export async function exportPdf(db: Kysely<DB>, ctx: TenantCtx) {
  const data = await planDocumentData(db, ctx);
  return { body: await planPdf(data), fileName: fileNameOf(data.bestuurName, 'pdf') };
}
