import { expect, type Page, test } from '@playwright/test';
import { HEIDEBEEK, expectAccessible, signIn } from './support';

interface Asset {
  id: string;
  name: { nl: string };
  class: { c: number; i: number; a: number };
}
interface Process {
  id: string;
  name: { nl: string };
  assets: Asset[];
}

async function openInNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name, exact: true }).click();
}

/** Picks an option of a Mantine (multi)select by typing part of it. */
async function pick(page: Page, field: ReturnType<Page['getByRole']>, text: string, option: string) {
  await field.click();
  if (text) await field.fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a security officer registers a supplier and an application, links two assets and sees the class', async ({
  page,
}) => {
  const stamp = Date.now().toString().slice(-6);
  const supplierName = `Leverancier ${stamp}`;
  const applicationName = `Zaaksysteem ${stamp}`;

  await signIn(page, HEIDEBEEK);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  await page.goto(`/b/${bestuurId}`);

  // The process list is adopted through the API (only what is missing is added).
  const adopt = await page.request.post(`/api/besturen/${bestuurId}/processes/adopt`, { data: {}, headers });
  expect(adopt.status()).toBe(200);
  const processes = (await (await page.request.get(`/api/besturen/${bestuurId}/processes`)).json()).items as Process[];
  // Two assets of two processes, each with a name no other asset has, so the search finds one option.
  const names = processes.flatMap((p) => p.assets.map((a) => a.name.nl));
  const unique = (p: Process) => p.assets.find((a) => names.filter((n) => n === a.name.nl).length === 1);
  const [first, second] = processes.filter(unique).slice(0, 2);
  const assets = [unique(first), unique(second)] as Asset[];
  const max = (d: 'c' | 'i' | 'a') => Math.max(...assets.map((a) => a.class[d]));

  // Suppliers: an invalid enterprise number is refused on its field, then the supplier is saved.
  await openInNav(page, 'Leveranciers');
  await expect(page.getByRole('heading', { level: 1, name: 'Leveranciers' })).toBeVisible();
  await expectAccessible(page, 'the suppliers page');
  await page.getByRole('button', { name: 'Nieuwe leverancier' }).click();
  const supplierDialog = page.getByRole('dialog', { name: 'Nieuwe leverancier' });
  await supplierDialog.getByRole('textbox', { name: 'Naam' }).fill(supplierName);
  await supplierDialog.getByRole('textbox', { name: 'Ondernemingsnummer (KBO)' }).fill('0207.451.228');
  await supplierDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(supplierDialog.getByRole('textbox', { name: 'Ondernemingsnummer (KBO)' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await supplierDialog.getByRole('textbox', { name: 'Ondernemingsnummer (KBO)' }).fill('0207.451.227');
  await pick(page, supplierDialog.getByRole('textbox', { name: 'Verwerkersovereenkomst' }), '', 'Aanwezig');
  await supplierDialog.getByRole('checkbox', { name: 'ISO/IEC 27001' }).check();
  await expectAccessible(page, 'the supplier dialog');
  await supplierDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(supplierDialog).toBeHidden();
  const supplierRow = page.getByRole('row', { name: new RegExp(supplierName) });
  await expect(supplierRow).toContainText('0207.451.227');
  await expect(supplierRow).toContainText('Aanwezig');
  await expect(supplierRow).toContainText('ISO/IEC 27001');

  // Applications: a new one from that supplier, without assets it has no class yet.
  await openInNav(page, 'Toepassingen');
  await expect(page.getByRole('heading', { level: 1, name: 'Toepassingen' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe toepassing' }).click();
  const appDialog = page.getByRole('dialog', { name: 'Nieuwe toepassing' });
  await appDialog.getByRole('textbox', { name: 'Naam' }).fill(applicationName);
  await pick(page, appDialog.getByRole('textbox', { name: 'Leverancier' }), supplierName, supplierName);
  await pick(page, appDialog.getByRole('textbox', { name: 'Hosting' }), '', 'SaaS');
  await pick(page, appDialog.getByRole('textbox', { name: 'Locatie van de gegevens' }), '', 'België');
  await appDialog.getByRole('switch', { name: /ACM\/IDM/ }).check();
  await expectAccessible(page, 'the application dialog');
  await appDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(appDialog).toBeHidden();
  const appRow = page.getByRole('row', { name: new RegExp(applicationName) });
  await expect(appRow).toContainText(supplierName);
  await expect(appRow).toContainText('Geen informatie-assets');

  // Linking two assets of two processes: the dialog previews the class, the table shows it.
  await page.getByRole('button', { name: `Acties voor ${applicationName}` }).click();
  await page.getByRole('menuitem', { name: 'Informatie-elementen koppelen' }).click();
  const links = page.getByRole('dialog', { name: `Informatie-elementen van ${applicationName}` });
  const field = links.getByRole('textbox', { name: 'Informatie-elementen' });
  for (const a of assets) await pick(page, field, a.name.nl, a.name.nl);
  await page.keyboard.press('Escape');
  const expected = [`V${max('c')}`, `I${max('i')}`, `B${max('a')}`];
  for (const badge of expected) await expect(links.getByText(badge, { exact: true })).toBeVisible();
  await expectAccessible(page, 'the asset links dialog');
  await links.getByRole('button', { name: 'Opslaan' }).click();
  await expect(links).toBeHidden();
  for (const badge of expected) await expect(appRow.getByText(badge, { exact: true })).toBeVisible();
  await expect(appRow).toContainText('2 informatie-assets in 2 processen');
  await expect(appRow).toContainText(first.name.nl);
  await expectAccessible(page, 'the applications page');

  // The server agrees, and the asset editor's list shows the application.
  const stored = (await (await page.request.get(`/api/besturen/${bestuurId}/applications`)).json()).items.find(
    (a: { name: string }) => a.name === applicationName,
  );
  expect(stored.class).toEqual({ c: max('c'), i: max('i'), a: max('a') });
  const ofAsset = await (
    await page.request.get(`/api/besturen/${bestuurId}/assets/${assets[0].id}/applications`)
  ).json();
  expect(ofAsset.items.map((a: { name: string }) => a.name)).toContain(applicationName);

  // The supplier now provides an application and cannot be deleted.
  await openInNav(page, 'Leveranciers');
  await page.getByRole('button', { name: `Acties voor ${supplierName}` }).click();
  await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Leverancier verwijderen' });
  await confirm.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(confirm.getByRole('alert')).toContainText('levert nog toepassingen');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('row', { name: new RegExp(supplierName) })).toContainText('1');
});
