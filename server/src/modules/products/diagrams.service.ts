import { createHash } from 'node:crypto';
import { type DiagramInfo, bpmnReasonMessages } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { checkBpmn } from './bpmn-check.js';
import * as repo from './products.repository.js';

async function requireProcess(tx: Tx, ctx: TenantCtx, processId: string) {
  const process = await repo.findProcess(tx, ctx.tenantId, processId);
  if (!process) throw notFound();
  return process;
}

/** What the audit trail keeps of a diagram: the file, not its content. */
const audited = (d: DiagramInfo) => ({ fileName: d.fileName, size: d.size, sha256: d.sha256 });

export async function diagramInfo(db: Kysely<DB>, ctx: TenantCtx, processId: string) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await requireProcess(tx, ctx, processId);
    const row = await repo.findDiagram(tx, ctx.tenantId, processId);
    return { diagram: row ? repo.toDiagram(row) : null };
  });
}

export async function diagramFile(db: Kysely<DB>, ctx: TenantCtx, processId: string) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await requireProcess(tx, ctx, processId);
    const file = await repo.diagramXml(tx, ctx.tenantId, processId);
    if (!file) throw notFound();
    return { xml: file.xml, fileName: file.file_name };
  });
}

/**
 * Attaches a BPMN file to a process, or replaces the one it has (then `version` must be the
 * current one). The file is checked first; a refused file changes nothing. The same file
 * again changes nothing either.
 */
export async function putDiagram(
  db: Kysely<DB>,
  ctx: TenantCtx,
  processId: string,
  bytes: Buffer,
  options: { fileName?: string; version?: number },
): Promise<DiagramInfo> {
  const checked = checkBpmn(bytes);
  if (!checked.ok) {
    const { ok: _, ...details } = checked;
    throw new AppError('BPMN_INVALID', details, { reason: bpmnReasonMessages[checked.reason][ctx.lang] });
  }
  const file = {
    fileName: options.fileName ?? 'diagram.bpmn',
    xml: checked.xml,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  return inScope(db, tenantScope(ctx), async (tx) => {
    const process = await requireProcess(tx, ctx, processId);
    const label = (process.name as { nl?: string } | null)?.nl ?? null;
    const row = await repo.findDiagram(tx, ctx.tenantId, processId);
    const current = row ? repo.toDiagram(row) : null;
    if (options.version !== current?.version) throw conflict(current);
    if (current && current.sha256 === file.sha256 && current.fileName === file.fileName) return current;

    const written = current
      ? await repo.replaceDiagram(tx, ctx.tenantId, processId, current.version, file, ctx.userId)
      : await repo.insertDiagram(tx, ctx.tenantId, processId, file, ctx.userId);
    const after = await repo.findDiagram(tx, ctx.tenantId, processId);
    if (!written || !after) throw conflict(after ? repo.toDiagram(after) : null);
    const stored = repo.toDiagram(after);
    await recordAudit(tx, ctx, {
      action: current ? 'update' : 'create',
      objectType: 'process_diagram',
      objectId: stored.id,
      objectLabel: label,
      ...(current ? diff(audited(current), audited(stored)) : { after: { processId, ...audited(stored) } }),
      bestuurId: ctx.tenantId,
    });
    return stored;
  });
}

export async function deleteDiagram(db: Kysely<DB>, ctx: TenantCtx, processId: string, version: number) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const process = await requireProcess(tx, ctx, processId);
    const row = await repo.findDiagram(tx, ctx.tenantId, processId);
    if (!row) throw notFound();
    const current = repo.toDiagram(row);
    if (current.version !== version || !(await repo.deleteDiagram(tx, ctx.tenantId, processId, version))) {
      throw conflict(current);
    }
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'process_diagram',
      objectId: current.id,
      objectLabel: (process.name as { nl?: string } | null)?.nl ?? null,
      before: { processId, ...audited(current) },
      bestuurId: ctx.tenantId,
    });
  });
}
