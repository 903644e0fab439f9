import type { RegisterChange } from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { fileSlug } from '../../platform/xlsx.js';
import { latest } from '../processlist/processlist.service.js';
import { type Changes, save, trackedIn } from './measures.service.js';
import { readRegister, writeRegister } from './register.workbook.js';

/** The measure register as an Excel workbook that round-trips (issue 4, point 6). */

/** The register as a workbook to edit offline. */
export async function exportRegister(db: Kysely<DB>, ctx: TenantCtx, lang: 'nl' | 'en') {
  const [items, emails, bestuur] = await inScope(db, tenantScope(ctx), async (tx) => {
    const items = await trackedIn(tx, ctx.tenantId);
    const ids = [...new Set(items.flatMap((m) => (m.ownerId ? [m.ownerId] : [])))];
    const emails = ids.length
      ? await tx.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute()
      : [];
    const bestuur = await tx
      .selectFrom('besturen')
      .select('name')
      .where('id', '=', ctx.tenantId)
      .executeTakeFirstOrThrow();
    return [items, new Map(emails.map((u) => [u.id, u.email])), bestuur.name] as const;
  });
  const body = await writeRegister(
    items.map((m) => ({ ...m, ownerEmail: m.ownerId ? (emails.get(m.ownerId) ?? null) : null })),
    lang,
  );
  const day = new Date().toISOString().slice(0, 10);
  return { body, fileName: `${lang === 'nl' ? 'maatregelen' : 'measures'}-${fileSlug(bestuur)}-${day}.xlsx` };
}

/**
 * Reads an edited register workbook: the changed cells and the problems per row. With `apply`,
 * and only when there is no problem, saves every change in one transaction.
 */
export async function importRegister(db: Kysely<DB>, ctx: TenantCtx, file: unknown, apply: boolean) {
  const rows = await readRegister(file, ctx.lang);
  const t = (nl: string, en: string) => (ctx.lang === 'nl' ? nl : en);
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = new Map((await trackedIn(tx, ctx.tenantId)).map((m) => [m.code, m]));
    const codes = new Set((await latest(tx)).snapshot.measures.map((m) => m.code));
    const emails = [...new Set(rows.flatMap((r) => (r.owner ? [r.owner.toLowerCase()] : [])))];
    const members = emails.length
      ? await tx
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['u.id', 'u.email'])
          .where('m.bestuur_id', '=', ctx.tenantId)
          .where('m.active', '=', true)
          .where('u.email', 'in', emails)
          .execute()
      : [];
    const memberId = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
    const changes: z.infer<typeof RegisterChange>[] = [];
    const errors: { row: number; column: string; message: string }[] = [];
    const plan: { code: string; version: number; input: Changes }[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const problem = (column: string, message: string) => errors.push({ row: r.row, column, message });
      for (const e of r.errors) problem(e.column, e.message);
      const m = current.get(r.code);
      if (!codes.has(r.code) || !m) {
        problem('code', t('Onbekende maatregel voor dit bestuur.', 'Unknown measure for this organisation.'));
        continue;
      }
      if (seen.has(r.code)) problem('code', t('Staat twee keer in het blad.', 'Appears twice in the sheet.'));
      seen.add(r.code);
      if (r.version !== m.version)
        problem(
          'version',
          t('Gewijzigd sinds de export: exporteer opnieuw.', 'Changed since the export: export again.'),
        );
      const ownerId = r.owner ? memberId.get(r.owner.toLowerCase()) : null;
      if (r.owner && !ownerId)
        problem('owner', t('Geen actief lid van dit bestuur.', 'Not an active member of this organisation.'));
      const input: Changes = {};
      const note = (
        field: z.infer<typeof RegisterChange>['field'],
        before: string | number | null,
        after: string | number | null,
      ) => before !== after && changes.push({ row: r.row, code: r.code, field, before, after });
      if (r.status && r.status !== m.status) {
        input.status = r.status;
        note('status', m.status, r.status);
      }
      if ((ownerId ?? null) !== m.ownerId && ownerId !== undefined) {
        input.ownerId = ownerId ?? null;
        note('owner', m.ownerName, r.owner);
      }
      for (const f of ['dueDate', 'documentation', 'implementation', 'reviewDate'] as const)
        if (r[f] !== undefined && r[f] !== m[f]) {
          (input as Record<string, unknown>)[f] = r[f];
          note(f, m[f], r[f]);
        }
      const status = input.status ?? m.status;
      if (status === 'niet-van-toepassing') {
        if (!r.naReason && !m.naReason)
          problem(
            'naReason',
            t(
              'Geef een reden waarom deze maatregel niet van toepassing is.',
              'Give a reason why this measure does not apply.',
            ),
          );
        if (r.naReason && r.naReason !== m.naReason) {
          input.naReason = r.naReason;
          note('naReason', m.naReason, r.naReason);
        }
        if ((input.status || input.naReason) && !ctx.permissions.has('risks.accept'))
          problem(
            'status',
            t(
              'Alleen wie risico’s mag aanvaarden, keurt "niet van toepassing" goed.',
              'Only someone who may accept risks approves "not applicable".',
            ),
          );
      }
      if (Object.keys(input).length) plan.push({ code: r.code, version: m.version, input });
    }
    if (!apply || errors.length) {
      if (apply) throw new AppError('IMPORT_HAS_ERRORS', { errors });
      return { changes, errors, applied: false };
    }
    for (const p of plan) {
      const { stale } = await save(tx, ctx, p.code, p.version, p.input);
      if (stale) throw conflict({ code: p.code, version: stale.version });
    }
    return { changes, errors, applied: true };
  });
}
