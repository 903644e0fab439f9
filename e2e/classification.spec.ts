import os from 'node:os';
import path from 'node:path';
import type { ClassificationSheet } from '@baken/contracts';
import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { HEIDEBEEK, expectAccessible, signIn } from './support';

/** Gemeente Heidebeek's id and its classification sheet, adopting the generic list if it has none. */
async function heidebeek(page: Page) {
  const session = await (await page.request.get('/api/auth/session')).json();
  const { bestuurId } = session.memberships.find(
    (m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek',
  );
  const url = `/api/besturen/${bestuurId}`;
  const sheet = async () => (await (await page.request.get(`${url}/classification`)).json()) as ClassificationSheet;
  if ((await sheet()).rows.length === 0) {
    const res = await page.request.post(`${url}/processes/adopt`, {
      data: {},
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(res.status()).toBe(200);
  }
  return { bestuurId: bestuurId as string, sheet };
}

test('a security officer classifies in the table, exports the list and previews an edited workbook', async ({
  page,
}) => {
  // Three axe passes over a table of fifty rows with five inputs each take their time on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, HEIDEBEEK);
  const { bestuurId, sheet } = await heidebeek(page);
  const rows = (await sheet()).rows.filter((r) => r.asset.defaultClass && r.asset.class.c < 5 && r.asset.class.i < 5);
  const [first, second] = [rows[0].asset, rows[1].asset];

  await page.goto(`/b/${bestuurId}/classificatie`);
  // The first page of the whole list: fifty rows to render.
  const table = page.getByRole('table', { name: 'Informatie-assets' });
  await expect(table.getByRole('row')).toHaveCount(51, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Classificatie' })).toBeVisible();
  await expectAccessible(page, 'the classification table');

  // Raise V of one asset: the reason becomes required, and saving waits for it.
  await page.getByRole('textbox', { name: 'Zoeken op proces of asset' }).fill(first.name.nl);
  await page
    .getByRole('combobox', { name: `Klasse vertrouwelijkheid van ${first.name.nl} (${rows[0].processName.nl})` })
    .selectOption(String(first.class.c + 1));
  await expect(page.getByText('1 gewijzigde rij, nog niet opgeslagen.')).toBeVisible();
  const reason = page.getByRole('textbox', { name: `Reden voor ${first.name.nl} (${rows[0].processName.nl})` });
  await expect(page.getByText('Geef een reden: de klasse wijkt af van de standaard.')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Bij 1 rij ontbreekt een reden.')).toBeVisible();
  await reason.fill('Bevat ook gegevens van kwetsbare personen.');
  await expectAccessible(page, 'the table with a changed row');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('1 informatie-asset opgeslagen.')).toBeVisible();
  await expect(page.getByText('0 gewijzigde rijen, nog niet opgeslagen.')).toBeVisible();
  const saved = (await sheet()).rows.find((r) => r.asset.id === first.id)?.asset;
  expect(saved).toMatchObject({
    class: { ...first.class, c: first.class.c + 1 },
    reason: 'Bevat ook gegevens van kwetsbare personen.',
  });

  // The export is a real workbook with the saved class.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteren naar Excel' }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Proceslijst') as ExcelJS.Worksheet;
  expect((ws.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
    'Domein',
    'Proces',
    'Van toepassing',
    'Sleutel',
    'Informatie-asset',
    'V',
    'I',
    'B',
  ]);
  const rowOf = (id: string) => {
    for (let n = 2; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(4).value === id) return ws.getRow(n);
    throw new Error(`no row for ${id}`);
  };
  expect(rowOf(first.id).getCell(6).value).toBe(first.class.c + 1);

  // Edit another asset in the workbook and upload it: the preview shows the change, nothing is saved yet.
  rowOf(second.id).getCell(7).value = second.class.i + 1;
  rowOf(second.id).getCell(12).value = 'Fouten hebben financiële gevolgen.';
  const edited = path.join(os.tmpdir(), `proceslijst-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(edited);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importeren uit Excel' }).click();
  await (await chooser).setFiles(edited);
  const dialog = page.getByRole('dialog', { name: 'Proceslijst importeren' });
  await expect(dialog.getByText(/^2 wijzigingen, 0 fouten/)).toBeVisible();
  const changes = dialog.getByRole('table').filter({ hasText: second.name.nl });
  await expect(changes.getByRole('row')).toHaveCount(3);
  await expect(changes.getByRole('row').nth(1)).toContainText(String(second.class.i + 1));
  await expectAccessible(page, 'the import preview');
  expect((await sheet()).rows.find((r) => r.asset.id === second.id)?.asset.class.i).toBe(second.class.i);

  await dialog.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page.getByText('1 informatie-asset gewijzigd.')).toBeVisible();
  expect((await sheet()).rows.find((r) => r.asset.id === second.id)?.asset).toMatchObject({
    class: { ...second.class, i: second.class.i + 1 },
    reason: 'Fouten hebben financiële gevolgen.',
  });
});

test("saving over a colleague's change names the asset and reloads its current classes", async ({ page }) => {
  await signIn(page, HEIDEBEEK);
  const { bestuurId, sheet } = await heidebeek(page);
  const row = (await sheet()).rows.filter((r) => r.asset.defaultClass && r.asset.class.c < 5).at(-1);
  if (!row) throw new Error('no asset to classify');
  const { asset } = row;
  const label = (what: string) => `${what} ${asset.name.nl} (${row.processName.nl})`;

  await page.goto(`/b/${bestuurId}/classificatie`);
  await page.getByRole('textbox', { name: 'Zoeken op proces of asset' }).fill(asset.name.nl);
  await page
    .getByRole('combobox', { name: label('Klasse beschikbaarheid van') })
    .selectOption(String(asset.class.a === 1 ? 2 : 1));
  await page.getByRole('textbox', { name: label('Reden voor') }).fill('Mijn inschatting.');

  // A colleague raises V in the meantime.
  const session = await (await page.request.get('/api/auth/session')).json();
  const patched = await page.request.patch(`/api/besturen/${bestuurId}/assets/${asset.id}`, {
    data: { version: asset.version, ...asset.class, c: asset.class.c + 1, reason: 'Inschatting van een collega.' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(patched.status()).toBe(200);

  await page.getByRole('button', { name: 'Opslaan' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
  await expect(alert).toContainText(asset.name.nl);
  await expect(page.getByText('intussen gewijzigd', { exact: true })).toBeVisible();
  await expectAccessible(page, 'the table after a conflict');
  await alert.getByRole('button', { name: 'Huidige klassen laden' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('combobox', { name: label('Klasse vertrouwelijkheid van') })).toHaveValue(
    String(asset.class.c + 1),
  );
  await expect(page.getByRole('combobox', { name: label('Klasse beschikbaarheid van') })).toHaveValue(
    String(asset.class.a),
  );
  await expect(page.getByText('0 gewijzigde rijen, nog niet opgeslagen.')).toBeVisible();
});
