import type { AuditListQuery, Lang } from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import * as repo from './audittrail.repository.js';

export const EXPORT_MAX_ROWS = 100_000;

/** The trail of one bestuur (ctx.tenantId) or, for the platform admin, the platform-level trail. */
const scopeOf = (ctx: Ctx | TenantCtx) =>
  'tenantId' in ctx ? tenantScope(ctx) : { userId: ctx.userId, platform: true };
const bestuurOf = (ctx: Ctx | TenantCtx) => ('tenantId' in ctx ? ctx.tenantId : null);

export async function listEvents(db: Kysely<DB>, ctx: Ctx | TenantCtx, query: AuditListQuery) {
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await inScope(db, scopeOf(ctx), (tx) =>
    repo.page(tx, bestuurOf(ctx), filter, pageSize, (page - 1) * pageSize),
  );
  return { items: rows.map(repo.toAuditEvent), total, page, pageSize };
}

const headers: Record<Lang, string[]> = {
  nl: ['Tijdstip', 'Door', 'Actie', 'Soort object', 'Object-id', 'Object', 'Voor', 'Na', 'Verzoek-id'],
  en: ['Time', 'By', 'Action', 'Object type', 'Object id', 'Object', 'Before', 'After', 'Request id'],
};
const actionLabels: Record<Lang, Record<string, string>> = {
  nl: {
    create: 'aangemaakt',
    update: 'gewijzigd',
    delete: 'verwijderd',
    sign_in: 'aangemeld',
    sign_out: 'afgemeld',
    invite: 'uitgenodigd',
    revoke: 'ingetrokken',
  },
  en: {
    create: 'created',
    update: 'updated',
    delete: 'deleted',
    sign_in: 'signed in',
    sign_out: 'signed out',
    invite: 'invited',
    revoke: 'revoked',
  },
};

/** The filtered trail as an xlsx workbook, newest first. */
export async function exportEvents(db: Kysely<DB>, ctx: Ctx | TenantCtx, filter: repo.AuditFilter): Promise<Buffer> {
  const rows = await inScope(db, scopeOf(ctx), (tx) => repo.all(tx, bestuurOf(ctx), filter, EXPORT_MAX_ROWS));
  // Loaded on first export: the library takes half a second to import, which every start paid.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  wb.created = new Date();
  const ws = wb.addWorksheet(ctx.lang === 'nl' ? 'Audittrail' : 'Audit trail', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = headers[ctx.lang].map((header, i) => ({ header, width: [22, 24, 14, 16, 38, 28, 50, 50, 14][i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.occurred_at,
      r.actor_name ?? '',
      actionLabels[ctx.lang][r.action] ?? r.action,
      r.object_type,
      r.object_id,
      r.object_label ?? '',
      r.before ? JSON.stringify(r.before) : '',
      r.after ? JSON.stringify(r.after) : '',
      r.request_id ?? '',
    ]);
  }
  ws.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.autoFilter = { from: 'A1', to: 'I1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
