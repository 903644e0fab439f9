import { readFile } from 'node:fs/promises';
import { type Download, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { bestuurId as idOf, expectAccessible, SCHELDEMONDE, signIn } from './support';

/** Clicks a download button and reads what arrives. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  const path = await (file as Download).path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

async function expectPdf(file: { name: string; body: Buffer }, start: string) {
  expect(file.name).toMatch(new RegExp(`^${start}-stad-scheldemonde-.*\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  expect(file.body.length).toBeGreaterThan(1000);
  expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
}

async function expectWorkbook(file: { name: string; body: Buffer }, start: string, sheet: string, cell: string) {
  expect(file.name).toMatch(new RegExp(`^${start}-stad-scheldemonde-.*\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.body as never);
  const cover = wb.getWorksheet('Voorblad') as ExcelJS.Worksheet;
  expect(cover.getCell('B3').value).toBe('Stad Scheldemonde');
  expect((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell('A1').value).toBe(cell);
}

async function settled(page: Page, what: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expectAccessible(page, what);
}

test('the security officer downloads the statement of applicability, the risk register and a CyFun result', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const bestuurId = await idOf(request, SCHELDEMONDE, 'Stad Scheldemonde');
  await signIn(page, SCHELDEMONDE);

  // The statement of applicability of CyFun Basic, from the framework page.
  await page.goto(`/b/${bestuurId}/conformiteit/cyfun-2023-03-01?level=basic`);
  await expect(page.getByRole('link', { name: 'Verklaring van toepasselijkheid (xlsx)' })).toBeVisible();
  await settled(page, 'the framework page with its reports');
  await expectWorkbook(
    await download(page, 'Verklaring van toepasselijkheid (xlsx)'),
    'verklaring-van-toepasselijkheid',
    'Vereisten',
    'Id',
  );
  await expectPdf(await download(page, 'Verklaring van toepasselijkheid (pdf)'), 'verklaring-van-toepasselijkheid');

  // The risk register, from the risks page.
  await page.goto(`/b/${bestuurId}/risicos`);
  await expect(page.getByRole('link', { name: 'Risicoregister (xlsx)' })).toBeVisible();
  await settled(page, 'the risks page with its reports');
  await expectWorkbook(await download(page, 'Risicoregister (xlsx)'), 'risicoregister', 'Risico’s', 'Nr.');
  await expectPdf(await download(page, 'Risicoregister (pdf)'), 'risicoregister');

  // A self-assessment's result, from its page.
  const session = await (await page.request.get('/api/auth/session')).json();
  const created = await page.request.post(`/api/besturen/${bestuurId}/cyfun-assessments`, {
    data: { edition: '2023-03-01', level: 'basic', title: `Rapport e2e ${Date.now().toString().slice(-6)}` },
    headers: { 'x-csrf-token': session.csrfToken as string },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/b/${bestuurId}/cyberfundamentals/${(await created.json()).id}`);
  await expect(page.getByRole('link', { name: 'Resultaat (pdf)' })).toBeVisible();
  await settled(page, 'the self-assessment page with its report');
  await expectPdf(await download(page, 'Resultaat (pdf)'), 'cyberfundamentals-resultaat');
});
