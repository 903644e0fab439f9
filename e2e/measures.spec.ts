import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Locator, type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { SCHELDEMONDE, expectAccessible, signIn } from './support';

interface Tracked {
  code: string;
  title: { nl: string };
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  documentation: number | null;
  implementation: number | null;
  reviewDate: string | null;
  version: number;
  evidenceCount: number;
  commentCount: number;
}

const OWNER = 'Pieter De Smet';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** Picks an option of a Mantine select. */
async function pick(page: Page, field: Locator, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a security officer tracks measures: status, owner, maturity, comments, evidence, bulk, workbook and a conflict', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, SCHELDEMONDE);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Stad Scheldemonde')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const register = async () =>
    (await (await page.request.get(`/api/besturen/${bestuurId}/measures`)).json()).items as Tracked[];
  const one = async (code: string) => (await register()).find((m) => m.code === code) as Tracked;

  const before = await register();
  const planned = before.find((m) => m.status === 'gepland') as Tracked;
  const untouched = before.filter((m) => m.status === 'niet-gestart' && m.version === 0);
  expect(planned, 'the demo has a planned measure').toBeTruthy();
  expect(untouched.length).toBeGreaterThanOrEqual(3);
  const [bulkA, bulkB, raced] = untouched;

  // The register, reached through the navigation.
  await page.goto(`/b/${bestuurId}`);
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Maatregelen', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Maatregelen (${before.length})` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Maatregelenregister' });
  await expect(table.getByRole('row')).toHaveCount(Math.min(before.length, 50) + 1);
  await expectAccessible(page, 'the measure register');

  // The status filter goes to the URL.
  await pick(page, page.getByRole('textbox', { name: 'Status', exact: true }), 'Gepland');
  await expect(page).toHaveURL(/status=gepland/);
  await expect(table.getByRole('button', { name: `Details van ${planned.code}` })).toBeVisible();
  for (const m of before.filter((x) => x.status !== 'gepland').slice(0, 3))
    await expect(table.getByRole('button', { name: `Details van ${m.code}` })).toHaveCount(0);

  // One measure: status, owner and maturity with the scale's definitions beside the choice.
  await table.getByRole('button', { name: `Details van ${planned.code}` }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`^${planned.code} · `) });
  const form = drawer.getByRole('form', { name: `Opvolging van ${planned.code}` });
  await pick(page, form.getByRole('textbox', { name: 'Status', exact: true }), 'In uitvoering');
  await pick(page, form.getByRole('textbox', { name: 'Eigenaar', exact: true }), OWNER);
  const documentation = form.getByRole('radiogroup', { name: 'Volwassenheid documentatie' });
  await expect(documentation.getByText('Vastgelegd, goedgekeurd en bekend')).toBeVisible();
  await documentation.getByRole('radio', { name: '3. Gedefinieerd' }).check();
  await form
    .getByRole('radiogroup', { name: 'Volwassenheid implementatie' })
    .getByRole('radio', { name: '2. Herhaalbaar' })
    .check();
  await form.getByRole('button', { name: 'Opvolging bewaren' }).click();
  await expect(page.getByText(`${planned.code} is bewaard.`)).toBeVisible();
  const saved = await one(planned.code);
  expect(saved).toMatchObject({ status: 'in-uitvoering', ownerName: OWNER, documentation: 3, implementation: 2 });
  // Why it is required stays in the drawer.
  await expect(drawer.getByRole('region', { name: 'Waarom vereist' })).toBeVisible();

  // A comment.
  const comments = drawer.getByRole('region', { name: /^Opmerkingen/ });
  await comments.getByRole('textbox', { name: 'Nieuwe opmerking' }).fill('Offerte aangevraagd bij de leverancier.');
  await comments.getByRole('button', { name: 'Opmerking toevoegen' }).click();
  await expect(
    comments.getByRole('listitem').filter({ hasText: 'Offerte aangevraagd bij de leverancier.' }),
  ).toBeVisible();
  await expect(comments.getByRole('listitem').first()).toContainText(OWNER);

  // Evidence: a small PDF, listed and downloadable; the limits are stated.
  const evidence = drawer.getByRole('region', { name: /^Bewijsstukken/ });
  await expect(evidence.getByText(/Hoogstens 10 MB\. Toegelaten: PDF/)).toBeVisible();
  await evidence
    .locator('input[type="file"]')
    .setInputFiles({ name: 'beleid.pdf', mimeType: 'application/pdf', buffer: PDF });
  await evidence.getByRole('button', { name: 'Opladen' }).click();
  const files = evidence.getByRole('table', { name: `Bewijsstukken van ${planned.code}` });
  await expect(files.getByRole('rowheader', { name: 'beleid.pdf' })).toBeVisible();
  await expect(files).toContainText('Bestand beleid.pdf');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    files.getByRole('link', { name: 'beleid.pdf' }).click(),
  ]);
  expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await one(planned.code)).toMatchObject({ evidenceCount: 1, commentCount: 1 });

  // The history of the measure from the audit trail.
  const history = drawer.getByRole('table', { name: `Wijzigingen aan ${planned.code}` });
  await expect(history.getByRole('row').filter({ hasText: 'Gewijzigd' }).first()).toBeVisible();
  await expectAccessible(page, 'the measure drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Bulk: two measures to "gepland" with a review date.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page).not.toHaveURL(/status=/);
  const bulkSelect = async () => {
    for (const m of [bulkA, bulkB]) await table.getByRole('checkbox', { name: `${m.code} selecteren` }).check();
    await expect(page.getByText('2 maatregelen geselecteerd')).toBeVisible();
    await page.getByRole('button', { name: 'Samen wijzigen' }).click();
    return page.getByRole('dialog', { name: '2 maatregelen samen wijzigen' });
  };
  let bulk = await bulkSelect();
  await pick(page, bulk.getByRole('textbox', { name: 'Status', exact: true }), 'Gepland');
  await bulk.getByLabel('Reviewdatum').fill('2027-03-31');
  await expectAccessible(page, 'the bulk dialog');
  await bulk.getByRole('button', { name: '2 maatregelen wijzigen' }).click();
  await expect(page.getByText('2 maatregelen gewijzigd.')).toBeVisible();
  for (const code of [bulkA.code, bulkB.code])
    expect(await one(code)).toMatchObject({ status: 'gepland', reviewDate: '2027-03-31' });

  // Bulk again while someone else changed one of them: nothing is saved and the stale code is named.
  bulk = await bulkSelect();
  const b = await one(bulkB.code);
  expect(
    (
      await page.request.patch(`/api/besturen/${bestuurId}/measures/${bulkB.code}`, {
        headers,
        data: { version: b.version, dueDate: '2027-12-31' },
      })
    ).status(),
  ).toBe(200);
  await pick(page, bulk.getByRole('textbox', { name: 'Status', exact: true }), 'In uitvoering');
  await bulk.getByRole('button', { name: '2 maatregelen wijzigen' }).click();
  await expect(bulk.getByRole('alert')).toContainText(`Intussen gewijzigd door iemand anders: ${bulkB.code}.`);
  expect((await one(bulkA.code)).status).toBe('gepland');
  await bulk.getByRole('button', { name: 'Annuleren' }).click();
  await page.getByRole('button', { name: 'Selectie wissen' }).click();

  // Export: an xlsx with the register's sheet.
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporteren naar Excel' }).click(),
  ]);
  expect(exported.suggestedFilename()).toMatch(/^maatregelen-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await exported.path());
  const sheet = workbook.getWorksheet('Maatregelen');
  expect(sheet, 'the sheet Maatregelen').toBeTruthy();
  if (!sheet) return;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['Code', 'Status', 'Eigenaar (e-mail)', 'Documentatie', 'Versie']));
  const col = (name: string) => header.indexOf(name) + 1;
  const rowOf = (code: string) => {
    let found = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(col('Code')).value === code) found = n;
    });
    return sheet.getRow(found);
  };
  const plannedRow = rowOf(planned.code);
  expect(plannedRow.getCell(col('Status')).value).toBe('in uitvoering');
  expect(plannedRow.getCell(col('Eigenaar (e-mail)')).value).toBe(SCHELDEMONDE);
  expect(plannedRow.getCell(col('Documentatie')).value).toBe(3);

  // Import the edited workbook: a preview of the changed cells, then all applied.
  const edited = rowOf(bulkA.code);
  edited.getCell(col('Status')).value = 'in uitvoering';
  edited.getCell(col('Documentatie')).value = 2;
  const file = path.join(os.tmpdir(), `measures-${Date.now()}.xlsx`);
  await workbook.xlsx.writeFile(file);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Importeren uit Excel' }).click(),
  ]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Maatregelenregister importeren' });
  await expect(dialog.getByText('Wijzigingen: 2 in 1 maatregelen. Fouten: 0.', { exact: false })).toBeVisible({
    timeout: 30_000,
  });
  const changes = dialog.getByRole('table').filter({ hasText: bulkA.code });
  await expect(changes.getByRole('row')).toHaveCount(3);
  await expect(changes).toContainText('In uitvoering');
  await expectAccessible(page, 'the import preview');
  await dialog.getByRole('button', { name: 'Alles toepassen' }).click();
  // Applying checks the whole workbook again: a loaded machine needs more than the default wait.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  expect(await one(bulkA.code)).toMatchObject({ status: 'in-uitvoering', documentation: 2 });

  // A conflict: a colleague saves the same measure while the drawer is open; compare, then keep mine.
  await page.getByRole('searchbox', { name: 'Zoeken op code of titel' }).fill(raced.code);
  await table.getByRole('button', { name: `Details van ${raced.code}` }).click();
  const racedDrawer = page.getByRole('dialog', { name: new RegExp(`^${raced.code} · `) });
  const racedForm = racedDrawer.getByRole('form', { name: `Opvolging van ${raced.code}` });
  await expect(racedForm).toBeVisible();
  const current = await one(raced.code);
  expect(
    (
      await page.request.patch(`/api/besturen/${bestuurId}/measures/${raced.code}`, {
        headers,
        data: { version: current.version, status: 'gepland', reviewDate: '2026-12-31' },
      })
    ).status(),
  ).toBe(200);
  await racedForm
    .getByRole('radiogroup', { name: 'Volwassenheid implementatie' })
    .getByRole('radio', { name: '2. Herhaalbaar' })
    .check();
  await racedForm.getByRole('button', { name: 'Opvolging bewaren' }).click();
  const conflict = page.getByRole('dialog', { name: 'Intussen gewijzigd' });
  await expect(conflict.getByRole('button', { name: 'Herladen' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Vergelijken' }).click();
  const compare = conflict.getByRole('table', { name: 'Uw versie naast de huidige' });
  await expect(compare.getByRole('row', { name: /^Status Niet gestart Gepland verschilt$/ })).toBeVisible();
  await expect(
    compare.getByRole('row', { name: /^Volwassenheid implementatie 2\. Herhaalbaar Nog niet beoordeeld verschilt$/ }),
  ).toBeVisible();
  await expect(compare.getByRole('row', { name: /^Eigenaar — — gelijk$/ })).toBeVisible();
  await expectAccessible(page, 'the conflict dialog');
  // Escape closes the dialog, not the drawer with the form under it; the form's alert opens it again.
  await page.keyboard.press('Escape');
  await expect(conflict).toBeHidden();
  await expect(racedForm).toBeVisible();
  await racedForm.getByRole('button', { name: 'Conflict bekijken' }).click();
  await expect(conflict.getByRole('table', { name: 'Uw versie naast de huidige' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Mijn versie behouden' }).click();
  await expect(page.getByText(`${raced.code} is bewaard.`)).toBeVisible();
  await expect(conflict).toBeHidden();
  expect(await one(raced.code)).toMatchObject({
    status: 'niet-gestart',
    implementation: 2,
    reviewDate: null,
    version: current.version + 2,
  });
});
