import {
  type IpdcConceptListQuery,
  type IpdcImportResult,
  type IpdcProductType,
  type IpdcTheme,
  type Lang,
  type ProcessProducts,
  ipdcImportMessages,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { published, shippedContent } from '../processlist/processlist.service.js';
import { type ConceptRow, type CsvProblem, readIpdcCsv } from './ipdc-csv.js';
import * as repo from './products.repository.js';

/** At most this many row errors travel back; the count says how many there were. */
const ERRORS_SHOWN = 200;
const SUGGESTIONS = 20;

const localised = (p: CsvProblem, lang: Lang) => ({ ...p, message: ipdcImportMessages[p.code][lang] });

function invalidFile(problems: CsvProblem[], lang: Lang): AppError {
  return new AppError('IPDC_IMPORT_INVALID', {
    errorCount: problems.length,
    errors: problems.slice(0, ERRORS_SHOWN).map((p) => localised(p, lang)),
  });
}

const same = (a: ConceptRow, b: ConceptRow) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports a CSV of IPDC concepts, all or nothing: any bad row refuses the whole file with
 * every problem located. Only new and changed concepts are written, so the same file again
 * changes nothing; concepts the file does not mention stay as they are. A dry run counts.
 */
export async function importConcepts(
  db: Kysely<DB>,
  actor: Actor | null,
  lang: Lang,
  bytes: Buffer,
  options: { dryRun: boolean; fileName?: string },
): Promise<IpdcImportResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidFile([{ row: 1, column: null, code: 'file_encoding' }], lang);
  }
  const file = readIpdcCsv(text);
  if (!file.ok) throw invalidFile(file.problems, lang);

  return inScope(db, { userId: actor?.userId }, async (tx) => {
    const stored = new Map(
      (
        await repo.conceptsByIds(
          tx,
          file.rows.map((r) => r.id),
        )
      ).map((r) => [r.id, repo.asRow(r)]),
    );
    const changed = file.rows.filter((r) => !stored.has(r.id) || !same(stored.get(r.id) as ConceptRow, r));
    const added = changed.filter((r) => !stored.has(r.id)).length;
    const result: IpdcImportResult = {
      dryRun: options.dryRun,
      rows: file.rows.length,
      added,
      updated: changed.length - added,
      unchanged: file.rows.length - changed.length,
      ignoredColumns: file.ignoredColumns,
    };
    if (options.dryRun || changed.length === 0) return result;
    await repo.upsertConcepts(tx, changed, options.fileName ?? null);
    await recordAudit(tx, actor, {
      action: 'update',
      objectType: 'ipdc_concepts',
      objectId: 'ipdc',
      objectLabel: options.fileName ?? 'IPDC',
      after: { fileName: options.fileName ?? null, rows: result.rows, added, updated: result.updated },
      bestuurId: null,
    });
    return result;
  });
}

/** The shared catalogue: every signed-in user reads it. */
export async function listConcepts(db: Kysely<DB>, _ctx: Ctx, query: IpdcConceptListQuery) {
  const { items, total } = await repo.listConcepts(db, {
    q: query.q,
    type: query.type,
    theme: query.theme,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const NO_CODES = { themes: [] as IpdcTheme[], types: [] as IpdcProductType[] };

/**
 * The IPDC codes the generic list gives a process, as published in the version the bestuur
 * follows; none for a process of the bestuur's own.
 */
async function ipdcOf(tx: Tx, process: { template_id: string | null; template_version: number | null }) {
  if (!process.template_id) return NO_CODES;
  const template = process.template_version
    ? (await published(tx, process.template_version)).processes.get(process.template_id)
    : shippedContent().processes.find((p) => p.id === process.template_id);
  return { themes: template?.ipdc?.themes ?? [], types: template?.ipdc?.types ?? [] };
}

type ProcessRow = NonNullable<Awaited<ReturnType<typeof repo.findProcess>>>;

async function productsOf(tx: Tx, ctx: TenantCtx, process: ProcessRow) {
  const ipdc = await ipdcOf(tx, process);
  const items = await repo.linkedConcepts(tx, ctx.tenantId, process.id);
  const suggestions = await repo.suggestConcepts(
    tx,
    ipdc.themes,
    ipdc.types,
    items.map((i) => i.id),
    SUGGESTIONS,
  );
  return { processId: process.id, ipdc, items, suggestions };
}

/** The concepts linked to a process, and concepts that match its IPDC codes as suggestions. */
export async function getProcessProducts(db: Kysely<DB>, ctx: TenantCtx, processId: string): Promise<ProcessProducts> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const process = await repo.findProcess(tx, ctx.tenantId, processId);
    if (!process) throw notFound();
    return productsOf(tx, ctx, process);
  });
}

/** Replaces the set of concepts linked to a process; every id must be in the catalogue. */
export async function setProcessProducts(
  db: Kysely<DB>,
  ctx: TenantCtx,
  processId: string,
  conceptIds: string[],
): Promise<ProcessProducts> {
  const wanted = [...new Set(conceptIds)].sort();
  return inScope(db, tenantScope(ctx), async (tx) => {
    const process = await repo.findProcess(tx, ctx.tenantId, processId);
    if (!process) throw notFound();
    const known = new Set((await repo.conceptsByIds(tx, wanted)).map((c) => c.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError('IPDC_CONCEPT_UNKNOWN', { unknown });

    const current = (await repo.linkedConcepts(tx, ctx.tenantId, processId)).map((c) => c.id).sort();
    const removed = current.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !current.includes(id));
    if (removed.length + added.length > 0) {
      await repo.unlink(tx, ctx.tenantId, processId, removed);
      await repo.link(tx, ctx.tenantId, processId, added, ctx.userId);
      await recordAudit(tx, ctx, {
        action: 'update',
        objectType: 'process_products',
        objectId: processId,
        objectLabel: (process.name as { nl?: string } | null)?.nl ?? null,
        before: { conceptIds: current },
        after: { conceptIds: wanted },
        bestuurId: ctx.tenantId,
      });
    }
    return productsOf(tx, ctx, process);
  });
}
