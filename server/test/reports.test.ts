import type { RequirementCompliance } from '@baken/contracts';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { formatDate, isoDay, pdfText, renderPdf } from '../src/platform/pdf.js';
import { fileSlug } from '../src/platform/xlsx.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

/** Reports (issue 4, point 6): every file is opened and read, the PDFs through a real PDF parser. */
const t = await createTestApp();
let isc: Agent;
let lezer: Agent;
let iscId: string;
let url: string;
let bestuur: { id: string; name: string };
/** A CyFun Basic requirement covered by exactly one measure, set in progress. */
let partial: RequirementCompliance;
/** A requirement all of whose measures the bestuur marked not applicable. */
let excluded: RequirementCompliance;

const today = () => formatDate(new Date(), 'nl');

async function readPdf(raw: Buffer) {
  expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(raw)), { mergePages: false });
  const pages = text as string[];
  // Wrapped cells break lines anywhere: compare with single spaces.
  return { pages: totalPages, perPage: pages, all: pages.join('\n').replace(/\s+/g, ' ') };
}
async function readXlsx(raw: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as never);
  return wb;
}
/** A sheet as rows of cell texts (row 1 first). */
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v)))));
  return out;
};
const cyfunBasic = async () =>
  (await isc.request('GET', `${url}/compliance/cyfun-2023-03-01?level=basic`)).body
    .requirements as RequirementCompliance[];

beforeAll(async () => {
  await syncContent(t.db.app, loadContent());
  bestuur = await createBestuur(t, { name: `Gemeente Zoë-Ruïne Café ${Math.random().toString(36).slice(2, 7)}` });
  url = `/api/besturen/${bestuur.id}`;
  const u = await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']], name: 'Inès Lefèvre' });
  iscId = u.id;
  isc = await sessionFor(t, u.id);
  lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
  expect((await isc.request('POST', `${url}/processes/adopt`, {})).status).toBe(200);

  const reqs = await cyfunBasic();
  const single = reqs.filter((r) => r.contributions.length === 1);
  partial = single.find((r) => r.contributions[0].relationship === 'equal') as RequirementCompliance;
  const code = partial.contributions[0].code;
  expect((await isc.request('PATCH', `${url}/measures/${code}`, { version: 0, status: 'in-uitvoering' })).status).toBe(
    200,
  );
  excluded = single.find((r) => r.contributions[0].code !== code) as RequirementCompliance;
  const naCode = excluded.contributions[0].code;
  const na = await isc.request('PATCH', `${url}/measures/${naCode}`, {
    version: 0,
    status: 'niet-van-toepassing',
    naReason: 'Geen eigen serverlokaal; alles staat bij de centrumstad.',
  });
  expect(na.status).toBe(200);
  const override = await isc.request('PUT', `${url}/compliance/nis2-art21/overrides/21.2.a`, {
    version: 0,
    result: 'compliant',
    reason: 'Vastgesteld door de externe audit van 2026.',
  });
  expect(override.status).toBe(200);
});

describe('the PDF helper', () => {
  it('writes é, ë, ï and € as themselves and gives signs outside the standard font a stand-in', () => {
    expect(pdfText('Café, Zoë, ruïne, € 5')).toBe('Café, Zoë, ruïne, € 5');
    expect(pdfText('score ≥ 2,5 → ok')).toBe('score >= 2,5 -> ok');
    expect(pdfText('Őrség Ωmega')).toBe('Orség ?mega');
  });

  it('numbers the pages, repeats a table header on every page and keeps the Dutch characters', async () => {
    const raw = await renderPdf({
      title: 'Proefverslag',
      subtitle: 'Tabel over meerdere pagina’s',
      bestuur: 'OCMW Ruïne-Zoë',
      lang: 'nl',
      generatedAt: new Date('2026-03-05T10:00:00Z'),
      blocks: [
        {
          type: 'section',
          title: 'Overzicht',
          blocks: [
            { type: 'facts', items: [['Bedrag', '€ 1.250']] },
            {
              type: 'bars',
              max: 5,
              items: [{ label: 'ID.AM', value: 2.5 }],
              threshold: { value: 3, label: 'drempel 3' },
            },
            {
              type: 'table',
              columns: [{ header: 'Kolomkop', width: 80 }, { header: 'Waarde' }],
              rows: Array.from({ length: 150 }, (_, i) => [`rij ${i + 1}`, 'geïmplementeerd, één, café']),
            },
          ],
        },
      ],
    });
    const pdf = await readPdf(raw);
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    pdf.perPage.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
      expect(page).toContain('Kolomkop');
      expect(page).toContain('OCMW Ruïne-Zoë');
    });
    expect(pdf.all).toContain('Opgemaakt op 5 maart 2026');
    expect(pdf.all).toContain('€ 1.250');
    expect(pdf.all).toContain('geïmplementeerd, één, café');
    expect(pdf.all).toContain('rij 150');
  });
});

describe('the statement of applicability', () => {
  it('as a workbook: a cover with the bestuur, framework, level, date and totals, a row per requirement', async () => {
    const res = await isc.request('GET', `${url}/reports/statement-of-applicability/cyfun-2023-03-01/xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="verklaring-van-toepasselijkheid-${fileSlug(bestuur.name)}-cyfun-2023-03-01-basic-${isoDay()}.xlsx"`,
    );
    const wb = await readXlsx(res.raw);
    const cover = Object.fromEntries(rowsOf(wb.getWorksheet('Voorblad') as ExcelJS.Worksheet).map((r) => [r[0], r[1]]));
    expect(cover).toMatchObject({
      Bestuur: bestuur.name,
      Raamwerk: 'CyberFundamentals (editie 2023-03-01)',
      Niveau: 'Basis',
      Datum: today(),
      Vereisten: '34',
      'Niet van toepassing': '1',
      'Gedeeltelijk conform': String((await cyfunBasic()).filter((r) => r.result === 'partially-compliant').length),
    });
    const rows = rowsOf(wb.getWorksheet('Vereisten') as ExcelJS.Worksheet);
    expect(rows[0]).toEqual([
      'Id',
      'Titel',
      'Sleutelmaatregel',
      'Van toepassing',
      'Reden van toepasselijkheid',
      'Resultaat',
      'Reden van het resultaat',
      'Maatregelen en status',
      'Handmatig vastgesteld',
    ]);
    expect(rows).toHaveLength(35);
    const code = partial.contributions[0].code;
    const row = rows.find((r) => r[0] === partial.id) as string[];
    expect(row[1]).toBe(partial.title.nl);
    expect(row[3]).toBe('ja');
    expect(row[4]).toBe(`Vereist op niveau Basis; gedekt door ${code}`);
    expect(row[5]).toBe('Gedeeltelijk conform');
    expect(row[6]).toBe(`gedeeltelijk conform, omdat maatregel ${code} in uitvoering is`);
    expect(row[7]).toBe(`${code} ${partial.contributions[0].title.nl} (in uitvoering)`);
    const out = rows.find((r) => r[0] === excluded.id) as string[];
    expect(out[3]).toBe('nee');
    expect(out[4]).toBe(
      `maatregel ${excluded.contributions[0].code} is niet van toepassing: Geen eigen serverlokaal; alles staat bij de centrumstad.`,
    );
    expect(out[5]).toBe('Niet van toepassing');
  });

  it('shows a result set by hand with its reason; a framework without levels has no level', async () => {
    const res = await lezer.request('GET', `${url}/reports/statement-of-applicability/nis2-art21/xlsx`);
    expect(res.status).toBe(200);
    const wb = await readXlsx(res.raw);
    const cover = rowsOf(wb.getWorksheet('Voorblad') as ExcelJS.Worksheet).map((r) => r[0]);
    expect(cover).not.toContain('Niveau');
    const rows = rowsOf(wb.getWorksheet('Vereisten') as ExcelJS.Worksheet);
    expect(rows[0]).not.toContain('Sleutelmaatregel');
    const row = rows.find((r) => r[0] === '21.2.a') as string[];
    expect(row[4]).toBe('Conform');
    expect(row[5]).toBe('conform (handmatig vastgesteld)');
    expect(row[7]).toBe(`Conform: Vastgesteld door de externe audit van 2026. (Inès Lefèvre, ${today()})`);
  });

  it('as a PDF: title, bestuur, date, every requirement with its result, numbered pages', async () => {
    const res = await isc.request('GET', `${url}/reports/statement-of-applicability/cyfun-2023-03-01/pdf?level=basic`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="verklaring-van-toepasselijkheid-.+-basic-.+\.pdf"/);
    const pdf = await readPdf(res.raw);
    expect(pdf.all).toContain('Verklaring van toepasselijkheid');
    expect(pdf.all).toContain('CyberFundamentals (editie 2023-03-01) - niveau Basis');
    expect(pdf.all).toContain(bestuur.name);
    expect(pdf.all).toContain(`Opgemaakt op ${today()}`);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.perPage[pdf.pages - 1]).toContain(`Pagina ${pdf.pages} van ${pdf.pages}`);
    const code = partial.contributions[0].code;
    // The requirement's row: its id, then its result with the reason.
    expect(pdf.all).toMatch(new RegExp(`${partial.id.replace('.', '\\.')}[\\s\\S]*Gedeeltelijk conform`));
    expect(pdf.all).toContain(`omdat maatregel ${code} in uitvoering is`);
    expect(pdf.all).toContain('Geen eigen serverlokaal; alles staat bij de centrumstad.');
    for (const r of await cyfunBasic()) expect(pdf.all).toContain(r.id);
  });

  it('in English when asked, by lang=en or by Accept-Language', async () => {
    const byQuery = await isc.request('GET', `${url}/reports/statement-of-applicability/cyfun-2023-03-01/pdf?lang=en`);
    const pdf = await readPdf(byQuery.raw);
    expect(pdf.all).toContain('Statement of applicability');
    expect(pdf.all).toContain('Page 1 of');
    expect(byQuery.headers['content-disposition']).toContain('filename="statement-of-applicability-');
    const byHeader = await isc.request('GET', `${url}/reports/statement-of-applicability/nis2-art21/xlsx`, undefined, {
      'accept-language': 'en-GB,en;q=0.9',
    });
    const wb = await readXlsx(byHeader.raw);
    expect(rowsOf(wb.getWorksheet('Requirements') as ExcelJS.Worksheet)[0].slice(0, 4)).toEqual([
      'Id',
      'Title',
      'Applicable',
      'Reason for applicability',
    ]);
  });

  it('answers 404 for a framework that does not exist', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const res = await isc.request('GET', `${url}/reports/statement-of-applicability/iso-99999/${format}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });
});

describe('the risk register', () => {
  beforeAll(async () => {
    const measure = partial.contributions[0].code;
    const reduced = await isc.request('POST', `${url}/risks`, {
      title: 'Fraude met betalingen boven € 10.000',
      threatId: 'ransomware',
      qualities: ['i', 'a'],
      likelihood: 4,
      impact: 4,
      treatment: 'verminderen',
      measureCodes: [measure],
      residualLikelihood: 2,
      residualImpact: 2,
      ownerId: iscId,
      reviewDate: '2027-01-31',
    });
    expect(reduced.status).toBe(201);
    const accepted = await isc.request('POST', `${url}/risks`, {
      title: 'Verlies van papieren dossiers in het archief',
      qualities: ['c'],
      likelihood: 1,
      impact: 2,
      treatment: 'aanvaarden',
      acceptUntil: '2027-06-30',
    });
    expect(accepted.status).toBe(201);
  });

  it('as a workbook: Dutch headers, levels with the labels of the matrix, owner, acceptance, review date', async () => {
    const res = await isc.request('GET', `${url}/reports/risk-register/xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="risicoregister-${fileSlug(bestuur.name)}-${isoDay()}.xlsx"`,
    );
    const wb = await readXlsx(res.raw);
    const cover = Object.fromEntries(rowsOf(wb.getWorksheet('Voorblad') as ExcelJS.Worksheet).map((r) => [r[0], r[1]]));
    expect(cover).toMatchObject({
      Bestuur: bestuur.name,
      Datum: today(),
      'Risico’s': '2',
      'Inherent niveau Kritiek': '1',
    });
    const ws = wb.getWorksheet('Risico’s') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    expect(rows[0].slice(0, 12)).toEqual([
      'Nr.',
      'Risico',
      'Omschrijving',
      'Proces',
      'Informatie-asset',
      'Dreiging',
      'V',
      'I',
      'B',
      'Waarschijnlijkheid',
      'Impact',
      'Inherent niveau',
    ]);
    const fraud = rows.find((r) => r[1] === 'Fraude met betalingen boven € 10.000') as string[];
    expect(fraud[0]).toBe('R-01');
    expect(fraud.slice(6, 9)).toEqual(['', 'x', 'x']);
    expect(fraud[9]).toBe('4 - Bijna zeker');
    expect(fraud[10]).toBe('4 - Zeer ernstig');
    expect(fraud[11]).toBe('Kritiek');
    expect(fraud[12]).toBe('Verminderen');
    expect(fraud[13]).toContain(partial.contributions[0].code);
    expect(fraud[16]).toBe('Laag');
    expect(fraud[17]).toBe('Inès Lefèvre');
    expect(fraud[21]).toBe('31 januari 2027');
    expect(ws.getRow(2).getCell(12).fill).toMatchObject({ fgColor: { argb: 'FFA61E4D' } });
    const paper = rows.find((r) => r[1] === 'Verlies van papieren dossiers in het archief') as string[];
    expect(paper[11]).toBe('Laag');
    expect(paper.slice(18, 21)).toEqual(['Inès Lefèvre', today(), '30 juni 2027']);
  });

  it('as a PDF: the heat map inherent and residual, and every risk with its levels', async () => {
    const res = await isc.request('GET', `${url}/reports/risk-register/pdf`);
    expect(res.status).toBe(200);
    const pdf = await readPdf(res.raw);
    expect(pdf.all).toContain('Risicoregister');
    expect(pdf.all).toContain(bestuur.name);
    expect(pdf.all).toContain(`Opgemaakt op ${today()}`);
    expect(pdf.all).toContain('Inherent risico');
    expect(pdf.all).toContain('Restrisico');
    expect(pdf.all).toContain('4 Bijna zeker');
    expect(pdf.all).toContain('Fraude met betalingen boven € 10.000');
    expect(pdf.all).toContain('Kritiek');
    expect(pdf.all).toContain('tot 30 juni 2027');
    expect(pdf.all).toContain(`Pagina 1 van ${pdf.pages}`);
  });
});

describe('the CyberFundamentals result', () => {
  let assessmentId: string;

  it('while answers are missing: says so and lists them', async () => {
    const created = await isc.request('POST', `${url}/cyfun-assessments`, {
      edition: '2023-03-01',
      level: 'basic',
      title: 'Zelfevaluatie voorjaar',
      prefill: false,
    });
    expect(created.status).toBe(201);
    assessmentId = created.body.id;
    const res = await isc.request('GET', `${url}/reports/cyfun-result/${assessmentId}/pdf`);
    expect(res.status).toBe(200);
    const pdf = await readPdf(res.raw);
    expect(pdf.all).toContain('Nog niet volledig');
    expect(pdf.all).toContain('34 vereisten hebben nog geen antwoord');
    expect(pdf.all).toContain('ID.AM-1.1');
  });

  it('scored: total, pass or fail per criterion with what fails, key measures, a chart per function', async () => {
    const a = (await isc.request('GET', `${url}/cyfun-assessments/${assessmentId}`)).body;
    const key = a.rows.find((r: { keyMeasure: boolean }) => r.keyMeasure).id as string;
    const answers = a.rows.map((r: { id: string }) =>
      r.id === key
        ? { id: r.id, documentation: 1, implementation: 2 }
        : { id: r.id, documentation: 3, implementation: 3 },
    );
    const saved = await isc.request('PATCH', `${url}/cyfun-assessments/${assessmentId}`, {
      version: a.version,
      answers,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.passed).toBe(false);

    const res = await lezer.request('GET', `${url}/reports/cyfun-result/${assessmentId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="cyberfundamentals-resultaat-${fileSlug(bestuur.name)}-2023-03-01-basic-${isoDay()}.pdf"`,
    );
    const pdf = await readPdf(res.raw);
    expect(pdf.all).toContain('Resultaat CyberFundamentals-zelfevaluatie');
    expect(pdf.all).toContain('Zelfevaluatie voorjaar - editie 2023-03-01, niveau Basis');
    expect(pdf.all).toContain(bestuur.name);
    expect(pdf.all).toContain(`Opgemaakt op ${today()}`);
    expect(pdf.all).toContain('Niet geslaagd voor Basis');
    expect(pdf.all).toContain('Elke sleutelmaatregel minstens 2,5');
    expect(pdf.all).toContain(`${key} heeft 1,5`);
    expect(pdf.all).toContain('Niet voldaan');
    expect(pdf.all).toContain('Voldaan');
    expect(pdf.all).toContain('Identificeren');
    expect(pdf.all).toContain('Categorieën');
    expect(pdf.all).toContain('drempel 2,5');
    expect(pdf.all).toContain(
      `Totale maturiteit ${saved.body.total.toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 2 })}`,
    );
    expect(pdf.perPage[0]).toContain(`Pagina 1 van ${pdf.pages}`);
  });

  it('answers 404 for an assessment that does not exist', async () => {
    const res = await isc.request('GET', `${url}/reports/cyfun-result/00000000-0000-4000-8000-000000000000/pdf`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
