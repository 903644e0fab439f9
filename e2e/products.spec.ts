import path from 'node:path';
import { expect, test } from '@playwright/test';
import { COACH, HEIDEBEEK, expectAccessible, signIn } from './support';

const FIXTURES = path.resolve(import.meta.dirname, '../server/test/fixtures/products');

// The second test links a concept the first one imports.
test.describe.configure({ mode: 'serial' });

test('the Vo-CRT coach previews an IPDC CSV, imports it and browses the concepts', async ({ page }) => {
  await signIn(page, COACH);
  await page.getByRole('list', { name: 'Regionaal' }).getByRole('link', { name: 'IPDC-producten' }).click();
  await expect(page).toHaveURL(/\/regio\/ipdc$/);
  await expect(page.getByRole('heading', { level: 1, name: 'IPDC-producten' })).toBeVisible();
  await expect(page.getByText('Er zijn nog geen IPDC-concepten ingelezen.')).toBeVisible();
  await expectAccessible(page, 'the empty IPDC page');

  const fileInput = page.locator('input[type="file"]');
  // A file with bad rows: refused, each row named.
  await fileInput.setInputFiles(path.join(FIXTURES, 'ipdc-fouten.csv'));
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const errors = page.getByRole('table', { name: '6 fouten in het bestand' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row').filter({ hasText: 'Geen geldige concept-id' })).toContainText('3');
  await expect(page.getByRole('button', { name: 'Inlezen', exact: true })).toBeDisabled();
  await expectAccessible(page, 'the IPDC import with errors');

  // The real file: first a preview that changes nothing, then the import.
  await fileInput.setInputFiles(path.join(FIXTURES, 'ipdc-concepten.csv'));
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const preview = page.getByRole('status').filter({ hasText: 'Voorbeeld' });
  await expect(preview).toContainText('6 rijen: 6 nieuw, 0 gewijzigd, 0 ongewijzigd.');
  await expect(preview).toContainText('Deze kolommen worden niet gelezen: opmerking.');
  await expect(page.getByText('Er zijn nog geen IPDC-concepten ingelezen.')).toBeVisible();
  const before = await (await page.request.get('/api/catalog/ipdc-concepts')).json();
  expect(before.total).toBe(0);

  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ingelezen' })).toContainText('6 nieuw');
  const table = page.getByRole('table', { name: 'IPDC-concepten' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(page.getByText('6 resultaten')).toBeVisible();
  await expectAccessible(page, 'the IPDC page with concepts');

  await page.getByRole('searchbox', { name: 'Zoeken op naam of trefwoord' }).fill('isolatie');
  await expect(page).toHaveURL(/q=isolatie/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Premie voor energiezuinig renoveren');
  await expect(table).toContainText('Financieel voordeel');
  await page.getByRole('searchbox', { name: 'Zoeken op naam of trefwoord' }).fill('');
  await page.getByRole('textbox', { name: 'Thema' }).click();
  await page.getByRole('option', { name: 'Bouwen en wonen' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Voorbeeld' })).toContainText(
    '0 nieuw, 0 gewijzigd, 6 ongewijzigd',
  );
});

test('a security officer links an IPDC product to a process and sees its BPMN diagram drawn', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await signIn(page, HEIDEBEEK);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  expect((await page.request.post(`/api/besturen/${bestuurId}/processes/adopt`, { data: {}, headers })).status()).toBe(
    200,
  );
  const processes = (await (await page.request.get(`/api/besturen/${bestuurId}/processes`)).json()).items as {
    id: string;
    templateId: string | null;
  }[];
  const process = processes.find((p) => p.templateId === 'bz-identiteitskaarten');
  expect(process).toBeTruthy();
  await page.goto(`/b/${bestuurId}/processen/${process?.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Elektronische identiteitskaarten' })).toBeVisible();

  // IPDC products: the suggestions match the process's theme; one is linked.
  const products = page.getByRole('region', { name: 'IPDC-producten' });
  await expect(products).toContainText('Er zijn nog geen producten aan dit proces gekoppeld.');
  await products.getByRole('textbox', { name: 'Product koppelen' }).click();
  await expect(page.getByRole('option', { name: 'Omgevingsvergunning voor het bouwen van een woning' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Elektronische identiteitskaart aanvragen' }).click();
  const linked = products.getByRole('table', { name: 'Gekoppelde IPDC-producten' });
  await expect(linked.getByRole('row').filter({ hasText: 'Elektronische identiteitskaart aanvragen' })).toBeVisible();
  await expect(linked).toContainText('Bewijs');

  // The BPMN file is attached and drawn.
  const diagram = page.getByRole('region', { name: 'Procesdiagram (BPMN)' });
  await expect(diagram).toContainText('Dit proces heeft nog geen diagram.');
  const chooser = page.waitForEvent('filechooser');
  await diagram.getByRole('button', { name: 'BPMN-bestand opladen' }).click();
  await (await chooser).setFiles(path.join(FIXTURES, 'identiteitskaart.bpmn'));
  const figure = page.getByRole('figure', { name: 'Procesdiagram van Elektronische identiteitskaarten' });
  const task = figure.locator('svg g.djs-element[data-element-id="Task_controle"]');
  await expect(task).toBeVisible();
  await expect(task.locator('rect').first()).toBeVisible();
  await expect(figure.locator('svg[data-element-id="Process_eid"]')).toContainText(
    'Identiteit controleren en kaart afgeven',
  );
  await expect(figure.locator('g[data-element-id="Start_aanvraag"]')).toBeVisible();
  await expect(diagram).toContainText('identiteitskaart.bpmn');
  await expect(diagram.getByRole('button', { name: 'Vervangen' })).toBeVisible();
  await expectAccessible(page, 'a process with its products and diagram');

  // After a reload the diagram is still there, read back from the server.
  await page.reload();
  await expect(page.locator('g[data-element-id="Task_controle"]')).toBeVisible();
  expect(cspErrors).toEqual([]);
});
