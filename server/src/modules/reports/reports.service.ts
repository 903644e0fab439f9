import type { Lang } from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { isoDay } from '../../platform/pdf.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { fileSlug } from '../../platform/xlsx.js';
import { frameworkDetail } from '../compliance/compliance.service.js';
import { frameworkOfEdition, getAssessment } from '../cyfun/assessments.service.js';
import { listTracked } from '../measures/measures.service.js';
import { shippedContent } from '../processlist/processlist.service.js';
import { heatMap } from '../risks/matrix.service.js';
import { listRisks } from '../risks/risks.service.js';
import { applicabilityPdf, applicabilityWorkbook } from './applicability.js';
import { cyfunPdf } from './cyfun-result.js';
import { fileWord } from './labels.js';
import * as repo from './reports.repository.js';
import { riskPdf, riskWorkbook } from './risk-register.js';

/** Reports gather what the other modules computed and write it down; they compute nothing themselves. */

export type Format = 'xlsx' | 'pdf';
type Level = 'basic' | 'important' | 'essential';
export interface Report {
  body: Buffer;
  fileName: string;
}

const bestuurOf = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), (tx) => repo.bestuurName(tx, ctx.tenantId));
const fileName = (parts: (string | null)[], at: Date, format: Format) =>
  `${parts.filter(Boolean).join('-')}-${isoDay(at)}.${format}`;

/** The statement of applicability of a framework (CyFun at a level, Basic by default). */
export async function applicability(
  db: Kysely<DB>,
  ctx: TenantCtx,
  frameworkId: string,
  level: Level | undefined,
  lang: Lang,
  format: Format,
): Promise<Report> {
  const framework = await frameworkDetail(db, ctx, frameworkId, level ?? 'basic');
  const bestuur = await bestuurOf(db, ctx);
  const measures = await listTracked(db, ctx);
  const generatedAt = new Date();
  const input = {
    bestuur,
    lang,
    generatedAt,
    framework,
    naReasons: new Map(measures.map((m) => [m.code, m.naReason])),
  };
  return {
    body: format === 'xlsx' ? await applicabilityWorkbook(input) : await applicabilityPdf(input),
    fileName: fileName(
      [fileWord.applicability[lang], fileSlug(bestuur), frameworkId, framework.level],
      generatedAt,
      format,
    ),
  };
}

/** The risk register with the levels on the bestuur's matrix. */
export async function riskRegister(db: Kysely<DB>, ctx: TenantCtx, lang: Lang, format: Format): Promise<Report> {
  const bestuur = await bestuurOf(db, ctx);
  const risks = await listRisks(db, ctx);
  const heat = await heatMap(db, ctx);
  const generatedAt = new Date();
  const input = { bestuur, lang, generatedAt, risks, ...heat };
  return {
    body: format === 'xlsx' ? await riskWorkbook(input) : await riskPdf(input),
    fileName: fileName([fileWord.risks[lang], fileSlug(bestuur)], generatedAt, format),
  };
}

/** The result of a CyberFundamentals self-assessment. */
export async function cyfunResult(db: Kysely<DB>, ctx: TenantCtx, assessmentId: string, lang: Lang): Promise<Report> {
  const assessment = await getAssessment(db, ctx, assessmentId);
  const bestuur = await bestuurOf(db, ctx);
  const nodes = shippedContent().frameworks.find((f) => f.id === frameworkOfEdition[assessment.edition])?.nodes ?? [];
  const functions = new Map(
    nodes.filter((n) => n.parent === null).map((n) => [n.id, { nl: n.title?.nl ?? n.id, en: n.title?.en ?? n.id }]),
  );
  const generatedAt = new Date();
  return {
    body: await cyfunPdf({ bestuur, lang, generatedAt, assessment, functions }),
    fileName: fileName(
      [fileWord.cyfun[lang], fileSlug(bestuur), assessment.edition, assessment.level],
      generatedAt,
      'pdf',
    ),
  };
}
