import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { continuityContent } from '../src/modules/continuity/content.js';
import { matrixOf } from '../src/modules/risks/matrix.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { sessionFor, snapshot, tokenAgent } from './support/fixtures.js';

/**
 * The outsider test (ENGINEERING.md, practice 8): whoever is not an active member of
 * bestuur A gets 404 on every route of A, and nothing of A changes.
 */
const t = await createTestApp();

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface World {
  a: string;
  /** A lezer of A: the target of a role change. */
  aMemberId: string;
  inviteEmail: string;
  /** An adopted information asset of A. */
  aAssetId: string;
  /** An adopted process of A with a linked IPDC concept and a BPMN diagram. */
  aProcessId: string;
  /** A process of A's own, with an own asset (what may be deleted). */
  aOwnProcessId: string;
  aOwnAssetId: string;
  /** Evidence (a link) on A's baseline measure BL-01. */
  aEvidenceId: string;
  /** A CyberFundamentals self-assessment of A. */
  aAssessmentId: string;
  /** A risk of A. */
  aRiskId: string;
  /** A supplier of A that no application uses (so deleting it would succeed). */
  aSupplierId: string;
  /** An application of A linked to aAssetId. */
  aApplicationId: string;
  /** Continuity of A: a self-evaluation, an exercise and a submitted plan (aProcessId has a BIA). */
  aEvaluationId: string;
  aExerciseId: string;
  aReviewId: string;
}

const memberVersion = async (id: string) =>
  (await t.raw('SELECT version FROM memberships WHERE id = $1', [id]))[0].version as number;
const asset = async (id: string) =>
  (await t.raw('SELECT version, c, i, a FROM bestuur_assets WHERE id = $1', [id]))[0] as Record<string, number>;
const registerVersion = async (table: 'bestuur_suppliers' | 'bestuur_applications', id: string) =>
  (await t.raw(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version as number;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A valid register sheet that would mark BL-01 implemented. */
async function registerWorkbook(version: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Maatregelen');
  ws.addRow(['Code', 'Status', 'Versie']);
  ws.addRow(['BL-01', 'geïmplementeerd', version]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** A valid self-assessment sheet that would set every score of ID.AM-1.1 to 5. */
async function cyfunWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Zelfevaluatie');
  ws.addRow(['ID', 'Documentatie', 'Implementatie']);
  ws.addRow(['ID.AM-1.1', 5, 5]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const measureVersion = async (bestuurId: string, code: string) =>
  ((
    await t.raw('SELECT version FROM bestuur_measures WHERE bestuur_id = $1 AND measure_code = $2', [bestuurId, code])
  )[0]?.version as number | undefined) ?? 0;
const rowVersion = async (table: 'bestuur_processes' | 'bestuur_assets', id: string) =>
  (await t.raw(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version as number;
const bestuurVersion = async (id: string) =>
  (await t.raw('SELECT version FROM besturen WHERE id = $1', [id]))[0].version as number;
/** A process list workbook that raises a class of A's asset: valid for A's own members. */
async function editedWorkbook(assetId: string): Promise<Buffer> {
  const { version, c, i, a } = await asset(assetId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Proceslijst');
  ws.addRow(['Sleutel', 'V', 'I', 'B', 'Reden', 'Versie']);
  ws.addRow([assetId, c === 5 ? 4 : c + 1, i, a, 'Overgenomen door een buitenstaander', version]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const bcVersion = async (table: string, where: string, params: unknown[]) =>
  ((await t.raw(`SELECT version FROM ${table} WHERE ${where}`, params))[0]?.version as number | undefined) ?? 0;
const allAnswers = () =>
  continuityContent().questions.map((q) => ({ questionId: q.id, answer: 'ja', note: 'Door een buitenstaander' }));
const zeroImpacts = Object.fromEntries(
  ['dienstverlening', 'financieel', 'juridisch', 'reputatie', 'veiligheid', 'persoonsgegevens'].map((a) => [
    a,
    [0, 0, 0, 0, 0, 0],
  ]),
);

type Case = (w: World) => Promise<{ url: string; body?: unknown; headers?: Record<string, string> }>;

/** A valid BPMN file (the body of the diagram cases). */
const outsiderBpmn = Buffer.from(
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="https://baken.example">' +
    '<bpmn:process id="P"><bpmn:task id="T" name="Overgenomen"/></bpmn:process></bpmn:definitions>',
);

/**
 * One case per route of a bestuur, keyed like the OpenAPI document. Bodies are valid and
 * carry the current version, so only the access check can stop them.
 */
const cases: Record<string, Case> = {
  'GET /api/besturen/{bestuurId}': async (w) => ({ url: `/api/besturen/${w.a}` }),
  'PATCH /api/besturen/{bestuurId}': async (w) => ({
    url: `/api/besturen/${w.a}`,
    body: { version: await bestuurVersion(w.a), name: 'Overgenomen door een buitenstaander' },
  }),
  'GET /api/besturen/{bestuurId}/members': async (w) => ({ url: `/api/besturen/${w.a}/members` }),
  'POST /api/besturen/{bestuurId}/members': async (w) => ({
    url: `/api/besturen/${w.a}/members`,
    body: { email: w.inviteEmail, displayName: 'Binnengesmokkeld', role: 'beheerder' },
  }),
  'POST /api/besturen/{bestuurId}/administrators': async (w) => ({
    url: `/api/besturen/${w.a}/administrators`,
    body: { email: w.inviteEmail, displayName: 'Binnengesmokkeld' },
  }),
  'PATCH /api/besturen/{bestuurId}/members/{memberId}': async (w) => ({
    url: `/api/besturen/${w.a}/members/${w.aMemberId}`,
    body: { version: await memberVersion(w.aMemberId), role: 'beheerder' },
  }),
  'GET /api/besturen/{bestuurId}/audit-events': async (w) => ({ url: `/api/besturen/${w.a}/audit-events` }),
  'GET /api/besturen/{bestuurId}/audit-events/export': async (w) => ({
    url: `/api/besturen/${w.a}/audit-events/export`,
  }),
  'POST /api/besturen/{bestuurId}/processes/adopt': async (w) => ({
    url: `/api/besturen/${w.a}/processes/adopt`,
    body: {},
  }),
  'GET /api/besturen/{bestuurId}/processes': async (w) => ({ url: `/api/besturen/${w.a}/processes` }),
  'GET /api/besturen/{bestuurId}/measures': async (w) => ({ url: `/api/besturen/${w.a}/measures` }),
  'GET /api/besturen/{bestuurId}/measures/export': async (w) => ({ url: `/api/besturen/${w.a}/measures/export` }),
  'POST /api/besturen/{bestuurId}/measures/import/preview': async (w) => ({
    url: `/api/besturen/${w.a}/measures/import/preview`,
    body: await registerWorkbook(await measureVersion(w.a, 'BL-01')),
    headers: { 'content-type': XLSX_TYPE },
  }),
  'POST /api/besturen/{bestuurId}/measures/import/apply': async (w) => ({
    url: `/api/besturen/${w.a}/measures/import/apply`,
    body: await registerWorkbook(await measureVersion(w.a, 'BL-01')),
    headers: { 'content-type': XLSX_TYPE },
  }),
  'GET /api/besturen/{bestuurId}/measures/{code}': async (w) => ({ url: `/api/besturen/${w.a}/measures/BL-01` }),
  'PATCH /api/besturen/{bestuurId}/measures/{code}': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01`,
    body: { version: await measureVersion(w.a, 'BL-01'), status: 'geimplementeerd' },
  }),
  'POST /api/besturen/{bestuurId}/measures/bulk': async (w) => ({
    url: `/api/besturen/${w.a}/measures/bulk`,
    body: { items: [{ code: 'BL-01', version: await measureVersion(w.a, 'BL-01') }], changes: { status: 'gepland' } },
  }),
  'POST /api/besturen/{bestuurId}/measures/{code}/comments': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01/comments`,
    body: { body: 'Binnengesmokkeld' },
  }),
  'POST /api/besturen/{bestuurId}/measures/{code}/evidence': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01/evidence`,
    body: Buffer.from('Binnengesmokkeld bewijs'),
    headers: { 'content-type': 'text/plain', 'x-file-name': 'bewijs.txt' },
  }),
  'POST /api/besturen/{bestuurId}/measures/{code}/evidence-links': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01/evidence-links`,
    body: { title: 'Binnengesmokkeld', url: 'https://example.org/' },
  }),
  'GET /api/besturen/{bestuurId}/measures/{code}/evidence/{evidenceId}': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01/evidence/${w.aEvidenceId}`,
  }),
  'DELETE /api/besturen/{bestuurId}/measures/{code}/evidence/{evidenceId}': async (w) => ({
    url: `/api/besturen/${w.a}/measures/BL-01/evidence/${w.aEvidenceId}`,
  }),
  'GET /api/besturen/{bestuurId}/cyfun-assessments': async (w) => ({ url: `/api/besturen/${w.a}/cyfun-assessments` }),
  'POST /api/besturen/{bestuurId}/cyfun-assessments': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments`,
    body: { edition: '2023-03-01', level: 'basic' },
  }),
  'GET /api/besturen/{bestuurId}/cyfun-assessments/{assessmentId}': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments/${w.aAssessmentId}`,
  }),
  'PATCH /api/besturen/{bestuurId}/cyfun-assessments/{assessmentId}': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments/${w.aAssessmentId}`,
    body: { version: 1, answers: [{ id: 'ID.AM-1.1', documentation: 5, implementation: 5 }] },
  }),
  'GET /api/besturen/{bestuurId}/cyfun-assessments/{assessmentId}/export': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments/${w.aAssessmentId}/export`,
  }),
  'POST /api/besturen/{bestuurId}/cyfun-assessments/{assessmentId}/import': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments/${w.aAssessmentId}/import?version=1`,
    body: await cyfunWorkbook(),
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  }),
  'DELETE /api/besturen/{bestuurId}/cyfun-assessments/{assessmentId}': async (w) => ({
    url: `/api/besturen/${w.a}/cyfun-assessments/${w.aAssessmentId}?version=1`,
  }),
  'GET /api/besturen/{bestuurId}/dashboard': async (w) => ({ url: `/api/besturen/${w.a}/dashboard` }),
  'GET /api/besturen/{bestuurId}/monitoring': async (w) => ({ url: `/api/besturen/${w.a}/monitoring` }),
  'PUT /api/besturen/{bestuurId}/monitoring/sharing': async (w) => ({
    url: `/api/besturen/${w.a}/monitoring/sharing`,
    body: { shareWithCoach: true },
  }),
  'GET /api/besturen/{bestuurId}/risk-matrix': async (w) => ({ url: `/api/besturen/${w.a}/risk-matrix` }),
  'PUT /api/besturen/{bestuurId}/risk-matrix': async (w) => ({
    url: `/api/besturen/${w.a}/risk-matrix`,
    body: { version: 0, matrix: matrixOf(3, 3) },
  }),
  'GET /api/besturen/{bestuurId}/risks': async (w) => ({ url: `/api/besturen/${w.a}/risks` }),
  'GET /api/besturen/{bestuurId}/risks/heatmap': async (w) => ({ url: `/api/besturen/${w.a}/risks/heatmap` }),
  'GET /api/besturen/{bestuurId}/risks/proposals': async (w) => ({ url: `/api/besturen/${w.a}/risks/proposals` }),
  'POST /api/besturen/{bestuurId}/risks': async (w) => ({
    url: `/api/besturen/${w.a}/risks`,
    body: { title: 'Binnengesmokkeld', qualities: ['c'], likelihood: 1, impact: 1 },
  }),
  'GET /api/besturen/{bestuurId}/risks/{riskId}': async (w) => ({ url: `/api/besturen/${w.a}/risks/${w.aRiskId}` }),
  'PATCH /api/besturen/{bestuurId}/risks/{riskId}': async (w) => ({
    url: `/api/besturen/${w.a}/risks/${w.aRiskId}`,
    body: { version: 1, likelihood: 1 },
  }),
  'DELETE /api/besturen/{bestuurId}/risks/{riskId}': async (w) => ({
    url: `/api/besturen/${w.a}/risks/${w.aRiskId}?version=1`,
  }),
  'GET /api/besturen/{bestuurId}/reports/statement-of-applicability/{frameworkId}/xlsx': async (w) => ({
    url: `/api/besturen/${w.a}/reports/statement-of-applicability/cyfun-2023-03-01/xlsx`,
  }),
  'GET /api/besturen/{bestuurId}/reports/statement-of-applicability/{frameworkId}/pdf': async (w) => ({
    url: `/api/besturen/${w.a}/reports/statement-of-applicability/nis2-art21/pdf`,
  }),
  'GET /api/besturen/{bestuurId}/reports/risk-register/xlsx': async (w) => ({
    url: `/api/besturen/${w.a}/reports/risk-register/xlsx`,
  }),
  'GET /api/besturen/{bestuurId}/reports/risk-register/pdf': async (w) => ({
    url: `/api/besturen/${w.a}/reports/risk-register/pdf`,
  }),
  'GET /api/besturen/{bestuurId}/reports/cyfun-result/{assessmentId}/pdf': async (w) => ({
    url: `/api/besturen/${w.a}/reports/cyfun-result/${w.aAssessmentId}/pdf`,
  }),
  'GET /api/besturen/{bestuurId}/compliance': async (w) => ({ url: `/api/besturen/${w.a}/compliance` }),
  'GET /api/besturen/{bestuurId}/compliance/{frameworkId}': async (w) => ({
    url: `/api/besturen/${w.a}/compliance/nis2-art21`,
  }),
  'PUT /api/besturen/{bestuurId}/compliance/{frameworkId}/overrides/{requirementId}': async (w) => ({
    url: `/api/besturen/${w.a}/compliance/nis2-art21/overrides/21.2.a`,
    body: { version: 1, result: 'non-compliant', reason: 'Overgenomen door een buitenstaander' },
  }),
  'DELETE /api/besturen/{bestuurId}/compliance/{frameworkId}/overrides/{requirementId}': async (w) => ({
    url: `/api/besturen/${w.a}/compliance/nis2-art21/overrides/21.2.a?version=1`,
  }),
  'GET /api/besturen/{bestuurId}/process-updates': async (w) => ({ url: `/api/besturen/${w.a}/process-updates` }),
  'POST /api/besturen/{bestuurId}/process-updates/apply': async (w) => ({
    url: `/api/besturen/${w.a}/process-updates/apply`,
    body: { all: true, toVersion: 1 },
  }),
  'POST /api/besturen/{bestuurId}/processes': async (w) => ({
    url: `/api/besturen/${w.a}/processes`,
    body: { domain: loadContent().processDomains[0].id, name: { nl: 'Binnengesmokkeld proces' } },
  }),
  'PATCH /api/besturen/{bestuurId}/processes/{processId}': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aOwnProcessId}`,
    body: { version: await rowVersion('bestuur_processes', w.aOwnProcessId), name: { nl: 'Overgenomen' } },
  }),
  'DELETE /api/besturen/{bestuurId}/processes/{processId}': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aOwnProcessId}?version=${await rowVersion('bestuur_processes', w.aOwnProcessId)}`,
  }),
  'POST /api/besturen/{bestuurId}/processes/{processId}/assets': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aOwnProcessId}/assets`,
    body: { name: { nl: 'Binnengesmokkeld' }, c: 1, i: 1, a: 1 },
  }),
  'DELETE /api/besturen/{bestuurId}/assets/{assetId}': async (w) => ({
    url: `/api/besturen/${w.a}/assets/${w.aOwnAssetId}?version=${await rowVersion('bestuur_assets', w.aOwnAssetId)}`,
  }),
  'PATCH /api/besturen/{bestuurId}/assets/{assetId}': async (w) => {
    const { version, c, i, a } = await asset(w.aAssetId);
    return {
      url: `/api/besturen/${w.a}/assets/${w.aAssetId}`,
      body: { version, c: c === 5 ? 4 : c + 1, i, a, reason: 'Overgenomen door een buitenstaander' },
    };
  },
  'GET /api/besturen/{bestuurId}/classification': async (w) => ({ url: `/api/besturen/${w.a}/classification` }),
  'POST /api/besturen/{bestuurId}/assets/classify': async (w) => {
    const { version, c, i, a } = await asset(w.aAssetId);
    const item = { id: w.aAssetId, version, c: c === 5 ? 4 : c + 1, i, a, reason: 'Overgenomen' };
    return { url: `/api/besturen/${w.a}/assets/classify`, body: { items: [item] } };
  },
  'GET /api/besturen/{bestuurId}/processes/export': async (w) => ({ url: `/api/besturen/${w.a}/processes/export` }),
  'POST /api/besturen/{bestuurId}/processes/import/preview': async (w) => ({
    url: `/api/besturen/${w.a}/processes/import/preview`,
    body: await editedWorkbook(w.aAssetId),
  }),
  'POST /api/besturen/{bestuurId}/processes/import/apply': async (w) => ({
    url: `/api/besturen/${w.a}/processes/import/apply`,
    body: await editedWorkbook(w.aAssetId),
  }),
  'GET /api/besturen/{bestuurId}/suppliers': async (w) => ({ url: `/api/besturen/${w.a}/suppliers` }),
  'POST /api/besturen/{bestuurId}/suppliers': async (w) => ({
    url: `/api/besturen/${w.a}/suppliers`,
    body: { name: 'Binnengesmokkelde leverancier' },
  }),
  'GET /api/besturen/{bestuurId}/suppliers/{supplierId}': async (w) => ({
    url: `/api/besturen/${w.a}/suppliers/${w.aSupplierId}`,
  }),
  'PATCH /api/besturen/{bestuurId}/suppliers/{supplierId}': async (w) => ({
    url: `/api/besturen/${w.a}/suppliers/${w.aSupplierId}`,
    body: { version: await registerVersion('bestuur_suppliers', w.aSupplierId), name: 'Overgenomen' },
  }),
  'DELETE /api/besturen/{bestuurId}/suppliers/{supplierId}': async (w) => ({
    url: `/api/besturen/${w.a}/suppliers/${w.aSupplierId}`,
  }),
  'GET /api/besturen/{bestuurId}/applications': async (w) => ({ url: `/api/besturen/${w.a}/applications` }),
  'GET /api/besturen/{bestuurId}/applications/proposals': async (w) => ({
    url: `/api/besturen/${w.a}/applications/proposals`,
  }),
  'POST /api/besturen/{bestuurId}/applications': async (w) => ({
    url: `/api/besturen/${w.a}/applications`,
    body: { name: 'Binnengesmokkelde toepassing', hosting: 'saas' },
  }),
  'GET /api/besturen/{bestuurId}/applications/{applicationId}': async (w) => ({
    url: `/api/besturen/${w.a}/applications/${w.aApplicationId}`,
  }),
  'PATCH /api/besturen/{bestuurId}/applications/{applicationId}': async (w) => ({
    url: `/api/besturen/${w.a}/applications/${w.aApplicationId}`,
    body: { version: await registerVersion('bestuur_applications', w.aApplicationId), hosting: 'cloud' },
  }),
  'DELETE /api/besturen/{bestuurId}/applications/{applicationId}': async (w) => ({
    url: `/api/besturen/${w.a}/applications/${w.aApplicationId}`,
  }),
  'PUT /api/besturen/{bestuurId}/applications/{applicationId}/assets': async (w) => ({
    url: `/api/besturen/${w.a}/applications/${w.aApplicationId}/assets`,
    body: { version: await registerVersion('bestuur_applications', w.aApplicationId), assetIds: [] },
  }),
  'GET /api/besturen/{bestuurId}/assets/{assetId}/applications': async (w) => ({
    url: `/api/besturen/${w.a}/assets/${w.aAssetId}/applications`,
  }),
  'GET /api/besturen/{bestuurId}/processes/{processId}/products': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/products`,
  }),
  'PUT /api/besturen/{bestuurId}/processes/{processId}/products': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/products`,
    body: { conceptIds: [] },
  }),
  'GET /api/besturen/{bestuurId}/processes/{processId}/diagram/info': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/diagram/info`,
  }),
  'GET /api/besturen/{bestuurId}/processes/{processId}/diagram': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/diagram`,
  }),
  'PUT /api/besturen/{bestuurId}/processes/{processId}/diagram': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/diagram?version=1&fileName=overgenomen.bpmn`,
    body: outsiderBpmn,
    headers: { 'content-type': 'application/xml' },
  }),
  'DELETE /api/besturen/{bestuurId}/processes/{processId}/diagram': async (w) => ({
    url: `/api/besturen/${w.a}/processes/${w.aProcessId}/diagram?version=1`,
  }),
  'GET /api/besturen/{bestuurId}/required-measures': async (w) => ({
    url: `/api/besturen/${w.a}/required-measures`,
  }),
  // A baseline measure: required for every bestuur that adopted the list, so A has it.
  'GET /api/besturen/{bestuurId}/required-measures/{code}': async (w) => ({
    url: `/api/besturen/${w.a}/required-measures/BL-01`,
  }),
  'GET /api/besturen/{bestuurId}/continuity/self-evaluations': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/self-evaluations`,
  }),
  'POST /api/besturen/{bestuurId}/continuity/self-evaluations': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/self-evaluations`,
    body: { answers: allAnswers() },
  }),
  'GET /api/besturen/{bestuurId}/continuity/self-evaluations/{evaluationId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/self-evaluations/${w.aEvaluationId}`,
  }),
  'GET /api/besturen/{bestuurId}/continuity/bia-framework': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/bia-framework`,
  }),
  'PUT /api/besturen/{bestuurId}/continuity/settings': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/settings`,
    body: {
      version: await bcVersion('bestuur_bc_settings', 'bestuur_id = $1', [w.a]),
      unacceptableLevel: 1,
      criticalThreshold: '1m',
    },
  }),
  'GET /api/besturen/{bestuurId}/continuity/bia': async (w) => ({ url: `/api/besturen/${w.a}/continuity/bia` }),
  'GET /api/besturen/{bestuurId}/continuity/bia/{processId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/bia/${w.aProcessId}`,
  }),
  'PUT /api/besturen/{bestuurId}/continuity/bia/{processId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/bia/${w.aProcessId}`,
    body: {
      version: await bcVersion('bestuur_bia', 'process_id = $1', [w.aProcessId]),
      impacts: zeroImpacts,
      rtoHours: 720,
      rpoHours: 0,
      minimumServiceLevel: null,
      peakPeriods: null,
      keyRoles: ['Buitenstaander'],
      locations: [],
      applicationIds: [],
      supplierIds: [],
      processIds: [],
      notes: null,
    },
  }),
  'GET /api/besturen/{bestuurId}/continuity/applications': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/applications`,
  }),
  'PUT /api/besturen/{bestuurId}/continuity/applications/{applicationId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/applications/${w.aApplicationId}`,
    body: {
      version: await bcVersion('bestuur_application_recovery', 'application_id = $1', [w.aApplicationId]),
      recoveryTimeHours: 1,
      procedure: 'Door een buitenstaander',
    },
  }),
  'GET /api/besturen/{bestuurId}/continuity/checks': async (w) => ({ url: `/api/besturen/${w.a}/continuity/checks` }),
  'GET /api/besturen/{bestuurId}/continuity/plan': async (w) => ({ url: `/api/besturen/${w.a}/continuity/plan` }),
  'PATCH /api/besturen/{bestuurId}/continuity/plan': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/plan`,
    body: { version: await bcVersion('bestuur_bc_plans', 'bestuur_id = $1', [w.a]), scope: 'Overgenomen' },
  }),
  'PUT /api/besturen/{bestuurId}/continuity/plan/strategies/{processId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/plan/strategies/${w.aProcessId}`,
    body: {
      version: await bcVersion('bestuur_bc_strategies', 'process_id = $1', [w.aProcessId]),
      strategy: 'uitval-aanvaarden',
      description: null,
      procedure: null,
    },
  }),
  'GET /api/besturen/{bestuurId}/continuity/plan/docx': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/plan/docx`,
  }),
  'GET /api/besturen/{bestuurId}/continuity/plan/pdf': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/plan/pdf`,
  }),
  'GET /api/besturen/{bestuurId}/continuity/exercises': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/exercises`,
  }),
  'POST /api/besturen/{bestuurId}/continuity/exercises': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/exercises`,
    body: { title: 'Oefening van een buitenstaander', kind: 'tafeloefening' },
  }),
  'PATCH /api/besturen/{bestuurId}/continuity/exercises/{exerciseId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/exercises/${w.aExerciseId}`,
    body: { version: await bcVersion('bestuur_bc_exercises', 'id = $1', [w.aExerciseId]), findings: 'Overgenomen' },
  }),
  'DELETE /api/besturen/{bestuurId}/continuity/exercises/{exerciseId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/exercises/${w.aExerciseId}?version=${await bcVersion('bestuur_bc_exercises', 'id = $1', [w.aExerciseId])}`,
  }),
  'GET /api/besturen/{bestuurId}/continuity/reviews': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/reviews`,
  }),
  // A has an open plan submission, not a BIA one: submitting the BIA would succeed.
  'POST /api/besturen/{bestuurId}/continuity/reviews': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/reviews`,
    body: { subject: 'bia' },
  }),
  'GET /api/besturen/{bestuurId}/continuity/reviews/{reviewId}': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/reviews/${w.aReviewId}`,
  }),
  'POST /api/besturen/{bestuurId}/continuity/reviews/{reviewId}/comments': async (w) => ({
    url: `/api/besturen/${w.a}/continuity/reviews/${w.aReviewId}/comments`,
    body: { section: null, body: 'Van een buitenstaander' },
  }),
};

/** Every route of a bestuur, as the running app documents it. */
function bestuurRoutes(): string[] {
  const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths)
    .filter(([path]) => path === '/api/besturen/{bestuurId}' || path.startsWith('/api/besturen/{bestuurId}/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

const world = {} as World;
const callers: Record<string, Agent> = {};

beforeAll(async () => {
  // The catalogue, as at start: compliance routes read frameworks and requirements.
  await syncContent(t.db.app, loadContent());
  const a = await createBestuur(t);
  const b = await createBestuur(t);
  const aAdmin = await createUser(t, { memberOf: [[a.id, 'beheerder']] });
  const aLezer = await createUser(t, { memberOf: [[a.id, 'lezer']] });
  const deactivated = await createUser(t, { memberOf: [[a.id, 'beheerder']] });
  const expired = await createUser(t, { memberOf: [[a.id, 'informatieveiligheidsconsulent']] });
  const bAdmin = await createUser(t, { memberOf: [[b.id, 'beheerder']] });
  const bIsc = await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] });
  Object.assign(world, { a: a.id, aMemberId: aLezer.memberships[a.id] });

  // A has some history, so a leaking list or export would show something.
  const own = await sessionFor(t, aAdmin.id);
  const renamed = await own.request('PATCH', `/api/besturen/${a.id}`, { version: 1, population: 12_345 });
  expect(renamed.status).toBe(200);
  // Only part of the list, so that adopting the rest would change something.
  const domain = loadContent().processDomains[0].id;
  const aIsc = await createUser(t, { memberOf: [[a.id, 'informatieveiligheidsconsulent']] });
  expect(
    (
      await (
        await sessionFor(t, aIsc.id)
      ).request('POST', `/api/besturen/${a.id}/processes/adopt`, { domains: [domain] })
    ).status,
  ).toBe(200);
  const [firstAsset] = await t.raw('SELECT id FROM bestuur_assets WHERE bestuur_id = $1 ORDER BY id LIMIT 1', [a.id]);
  world.aAssetId = firstAsset.id as string;
  // A's process has a product and a diagram, so a leaking read or change would show.
  const [aProcess] = await t.raw(
    'SELECT id FROM bestuur_processes WHERE bestuur_id = $1 AND template_id IS NOT NULL ORDER BY id LIMIT 1',
    [a.id],
  );
  world.aProcessId = aProcess.id as string;
  const concept = `https://ipdc.vlaanderen.be/id/concept/${randomUUID()}`;
  await t.raw("INSERT INTO ipdc_concepts (id, name_nl) VALUES ($1, 'Product van A')", [concept]);
  const aProducts = `/api/besturen/${a.id}/processes/${world.aProcessId}`;
  const iscOfA = await sessionFor(t, aIsc.id);
  expect((await iscOfA.request('PUT', `${aProducts}/products`, { conceptIds: [concept] })).status).toBe(200);
  expect(
    (await iscOfA.request('PUT', `${aProducts}/diagram`, outsiderBpmn, { 'content-type': 'application/xml' })).status,
  ).toBe(200);
  const ownProcess = await (await sessionFor(t, aIsc.id)).request('POST', `/api/besturen/${a.id}/processes`, {
    domain,
    name: { nl: 'Eigen proces van A' },
  });
  expect(ownProcess.status).toBe(201);
  world.aOwnProcessId = ownProcess.body.id as string;
  const ownAsset = await (await sessionFor(t, aIsc.id)).request(
    'POST',
    `/api/besturen/${a.id}/processes/${world.aOwnProcessId}/assets`,
    { name: { nl: 'Eigen gegevens van A' }, c: 3, i: 2, a: 2 },
  );
  expect(ownAsset.status).toBe(201);
  world.aOwnAssetId = ownAsset.body.id as string;
  const evidence = await (await sessionFor(t, aIsc.id)).request(
    'POST',
    `/api/besturen/${a.id}/measures/BL-01/evidence`,
    Buffer.from('Verslag van de back-uptest'),
    { 'content-type': 'text/plain', 'x-file-name': 'verslag.txt' },
  );
  expect(evidence.status).toBe(201);
  world.aEvidenceId = evidence.body.id as string;
  const override = await (await sessionFor(t, aIsc.id)).request(
    'PUT',
    `/api/besturen/${a.id}/compliance/nis2-art21/overrides/21.2.a`,
    { version: 0, result: 'compliant', reason: 'Vastgesteld door de audit van 2026.' },
  );
  expect(override.status).toBe(200);
  const assessment = await (await sessionFor(t, aIsc.id)).request('POST', `/api/besturen/${a.id}/cyfun-assessments`, {
    edition: '2023-03-01',
    level: 'basic',
  });
  expect(assessment.status).toBe(201);
  world.aAssessmentId = assessment.body.id as string;
  const risk = await (await sessionFor(t, aIsc.id)).request('POST', `/api/besturen/${a.id}/risks`, {
    title: 'Ransomware legt het loket plat',
    threatId: 'ransomware',
    qualities: ['a'],
    likelihood: 3,
    impact: 4,
  });
  expect(risk.status).toBe(201);
  world.aRiskId = risk.body.id as string;
  // A's registers: a supplier, and an application holding the asset.
  const iscAgent = await sessionFor(t, aIsc.id);
  const supplier = await iscAgent.request('POST', `/api/besturen/${a.id}/suppliers`, { name: 'Leverancier van A' });
  expect(supplier.status).toBe(201);
  world.aSupplierId = supplier.body.id as string;
  const application = await iscAgent.request('POST', `/api/besturen/${a.id}/applications`, {
    name: 'Toepassing van A',
    hosting: 'on-premises',
  });
  world.aApplicationId = application.body.id as string;
  const linked = await iscAgent.request('PUT', `/api/besturen/${a.id}/applications/${world.aApplicationId}/assets`, {
    version: 1,
    assetIds: [world.aAssetId],
  });
  expect(linked.status).toBe(200);
  // A's continuity work: a self-evaluation, a BIA, a plan, an exercise and a submission to the coach.
  const bc = `/api/besturen/${a.id}/continuity`;
  const evaluation = await iscAgent.request('POST', `${bc}/self-evaluations`, { answers: allAnswers() });
  expect(evaluation.status).toBe(201);
  world.aEvaluationId = evaluation.body.id as string;
  const bia = await iscAgent.request('PUT', `${bc}/bia/${world.aProcessId}`, {
    version: 0,
    impacts: zeroImpacts,
    rtoHours: 24,
    rpoHours: 4,
    minimumServiceLevel: null,
    peakPeriods: null,
    keyRoles: [],
    locations: [],
    applicationIds: [world.aApplicationId],
    supplierIds: [world.aSupplierId],
    processIds: [],
    notes: null,
  });
  expect(bia.status).toBe(200);
  expect((await iscAgent.request('PATCH', `${bc}/plan`, { version: 0, scope: 'Heel A' })).status).toBe(200);
  const exercise = await iscAgent.request('POST', `${bc}/exercises`, {
    title: 'Oefening van A',
    kind: 'tafeloefening',
  });
  expect(exercise.status).toBe(201);
  world.aExerciseId = exercise.body.id as string;
  const review = await iscAgent.request('POST', `${bc}/reviews`, { subject: 'plan' });
  expect(review.status).toBe(201);
  world.aReviewId = review.body.id as string;

  const bAdminAgent = await sessionFor(t, bAdmin.id);
  callers['beheerder of B'] = bAdminAgent;
  callers['informatieveiligheidsconsulent of B'] = await sessionFor(t, bIsc.id);
  callers['API token of B'] = await tokenAgent(t, bAdminAgent, b.id);

  // Tokens made while the membership was valid must die with it.
  const deactivatedAgent = await sessionFor(t, deactivated.id);
  const deactivatedToken = await tokenAgent(t, deactivatedAgent, a.id);
  const expiredAgent = await sessionFor(t, expired.id);
  const expiredToken = await tokenAgent(t, expiredAgent, a.id);
  await t.raw('UPDATE memberships SET active = false WHERE id = $1', [deactivated.memberships[a.id]]);
  await t.raw('UPDATE memberships SET ends_at = current_date - 1 WHERE id = $1', [expired.memberships[a.id]]);
  callers['deactivated beheerder of A'] = deactivatedAgent;
  callers['API token of a deactivated member of A'] = deactivatedToken;
  callers['member of A whose end date has passed'] = expiredAgent;
  callers['API token of a member of A whose end date has passed'] = expiredToken;
});

describe('outsiders', () => {
  it('has a case for every route of a bestuur the app serves, and no case for a route it lacks', () => {
    const routes = bestuurRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(7);
    expect(routes.filter((r) => !cases[r])).toEqual([]);
    expect(Object.keys(cases).filter((c) => !routes.includes(c))).toEqual([]);
  });

  const matrix = Object.keys(cases).flatMap((route) =>
    [
      'beheerder of B',
      'informatieveiligheidsconsulent of B',
      'API token of B',
      'deactivated beheerder of A',
      'API token of a deactivated member of A',
      'member of A whose end date has passed',
      'API token of a member of A whose end date has passed',
    ].map((caller) => [route, caller] as const),
  );

  it.each(matrix)('%s by the %s: 404 and A unchanged', async (route, caller) => {
    world.inviteEmail = `outsider-${randomUUID().slice(0, 8)}@test.example`;
    const { url, body, headers } = await cases[route](world);
    const method = route.split(' ')[0] as Method;
    const before = await snapshot(t, world.a);
    const mails = t.outbox.length;

    const res = await callers[caller].request(method, url, body, headers);

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: 'Niet gevonden.' });
    expect(await snapshot(t, world.a)).toEqual(before);
    expect(await t.raw('SELECT id FROM users WHERE email = $1', [world.inviteEmail])).toEqual([]);
    expect(t.outbox.length).toBe(mails);
  });

  it('cannot reach a member of A through its own bestuur', async () => {
    const before = await snapshot(t, world.a);
    const b = callers['beheerder of B'];
    const session = await b.request('GET', '/api/auth/session');
    const bId = session.body.memberships[0].bestuurId as string;
    const res = await b.request('PATCH', `/api/besturen/${bId}/members/${world.aMemberId}`, {
      version: await memberVersion(world.aMemberId),
      active: false,
    });
    expect(res.status).toBe(404);
    expect(await snapshot(t, world.a)).toEqual(before);
  });
});

describe('API tokens of someone else', () => {
  it('cannot be revoked by a user of another bestuur, nor by a colleague: 404, token intact', async () => {
    const a = await createBestuur(t);
    const owner = await createUser(t, { memberOf: [[a.id, 'beheerder']] });
    const colleague = await createUser(t, { memberOf: [[a.id, 'beheerder']] });
    const stranger = await createUser(t, { memberOf: [[(await createBestuur(t)).id, 'beheerder']] });
    const token = await tokenAgent(t, await sessionFor(t, owner.id), a.id);
    const before = await snapshot(t, a.id);

    for (const other of [stranger, colleague]) {
      const res = await (await sessionFor(t, other.id)).request('DELETE', `/api/me/tokens/${token.tokenId}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }

    expect(await snapshot(t, a.id)).toEqual(before);
    expect((await token.request('GET', `/api/besturen/${a.id}`)).status).toBe(200);
  });
});
