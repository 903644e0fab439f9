import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { bestuurId, DEMO_PASSWORD, expectAccessible, HEIDEBEEK, signIn } from './support';

const BEHEERDER = 'beheerder@heidebeek.example';
// The security officer works in OCMW Heidebeek (she is the officer of Gemeente Heidebeek too):
// other browser tests adopt Gemeente Heidebeek's list through the API, and this one adopts in the UI.
const OCMW = 'OCMW Heidebeek';
// A process of the generic list with an asset of confidentiality class 1, and a measure that
// applies from confidentiality class 4 only (content/processes/vrije-tijd.yaml, content/measures/cryptography.yaml).
const PROCESS = 'Bibliotheekwerking';
const ASSET = 'Catalogus';
const MEASURE = 'CR-05';

/** Axe on a page whose parts have all loaded (sections of other modules load on their own). */
async function expectSettledAccessible(page: Page, what: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expectAccessible(page, what);
}

/** Signs the security officer in and opens the OCMW's process list. */
async function openOcmwProcesses(page: Page, request: APIRequestContext) {
  const id = await bestuurId(request, HEIDEBEEK, OCMW);
  await signIn(page, HEIDEBEEK);
  await page.goto(`/b/${id}/processen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();
}

async function openInNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name, exact: true }).click();
}

/** The reasons of one required measure as its drawer lists them, and how many there are in all. */
async function measureReasons(page: Page, code: string, expected?: string) {
  await page.getByRole('searchbox', { name: 'Zoeken op code of titel' }).fill(code);
  const table = page.getByRole('table', { name: 'Maatregelenregister' });
  await expect(table.getByRole('button', { name: /^Details van / })).toHaveCount(1);
  await table.getByRole('button', { name: `Details van ${code}` }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`^${code} · `) });
  const why = drawer.getByRole('region', { name: 'Waarom vereist' });
  await expect(why.getByRole('listitem').first()).toBeVisible();
  // The drawer may first show what it had before and then refresh: wait for the reason expected.
  if (expected) await expect(why.getByRole('listitem').filter({ hasText: expected })).toBeVisible();
  const summary = await why.getByText(/redenen? voor \d+ informatie-assets?/).textContent();
  const count = Number(/^(\d+)/.exec(summary ?? '')?.[1]);
  const items = await why.getByRole('listitem').allTextContents();
  expect(items).toHaveLength(count);
  return { drawer, items, count };
}

test('a security officer adopts the process list, raises a class with a reason and sees the required measures change', async ({
  page,
  request,
}) => {
  // A long journey through several pages: on a busy machine it needs more than the default minute.
  test.slow();
  await openOcmwProcesses(page, request);
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nog geen proceslijst' })).toBeVisible();
  await expectSettledAccessible(page, 'the empty process list');

  // Choosing no domain is refused; then the whole list is adopted.
  await page.getByRole('button', { name: 'Gekozen domeinen overnemen' }).click();
  await expect(page.getByText('Kies minstens één domein.')).toBeVisible();
  await page.getByRole('button', { name: 'Volledige lijst overnemen' }).click();
  const added = page.getByRole('status').filter({ hasText: /^Overgenomen: / });
  // Adopting the whole list writes some 500 rows: give a busy machine time.
  await expect(added).toBeVisible({ timeout: 30_000 });
  const [, processes, assets] =
    /(\d+) processen en (\d+) informatie-assets/.exec((await added.textContent()) ?? '') ?? [];
  expect(Number(processes)).toBeGreaterThan(0);
  expect(Number(assets)).toBeGreaterThan(Number(processes));
  await expect(page.getByText(`${processes} resultaten`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nog domeinen overnemen' })).toHaveCount(0);
  await expectSettledAccessible(page, 'the process list');

  // Search on an asset's name finds its process, and the filters go to the URL.
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill(ASSET);
  await expect(page).toHaveURL(/q=Catalogus/);
  const table = page.getByRole('table', { name: 'Processen' });
  await expect(table.getByRole('rowheader', { name: PROCESS })).toBeVisible();

  // The measure's reasons before the change.
  await openInNav(page, 'Maatregelen');
  await expect(page.getByRole('heading', { level: 1, name: /^Maatregelen \(\d+\)$/ })).toBeVisible();
  const before = await measureReasons(page, MEASURE);
  expect(before.items.some((r) => r.startsWith(`${ASSET} — `))).toBe(false);
  await expectSettledAccessible(page, 'a required measure');
  await page.keyboard.press('Escape');
  await expectSettledAccessible(page, 'the required measures');

  // Raise the catalogue's confidentiality from 1 to 4: a reason is demanded first.
  await openInNav(page, 'Processen');
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill(ASSET);
  await table.getByRole('link', { name: PROCESS }).click();
  await expect(page.getByRole('heading', { level: 1, name: PROCESS })).toBeVisible();
  const asset = page.getByRole('region', { name: ASSET, exact: true });
  await expect(asset.getByText(/^Generieke lijst: V1 /)).toBeVisible();
  await asset.getByLabel('Vertrouwelijkheid (V)').selectOption('4');
  await expect(asset.getByText(/De klasse wijkt af van de generieke lijst/)).toBeVisible();
  await asset.getByRole('button', { name: 'Asset bewaren' }).click();
  await expect(asset.getByText('Geef een reden: de klasse wijkt af van de generieke lijst.')).toBeVisible();
  await expectSettledAccessible(page, 'the asset editor');
  await asset.getByLabel('Reden van de afwijking').fill('Onze catalogus bevat ook de uitleengegevens van de leners.');
  await asset.getByRole('button', { name: 'Asset bewaren' }).click();
  await expect(page.getByText(`${ASSET} is bewaard.`)).toBeVisible();
  await expect(asset.getByLabel('Vertrouwelijkheid (V)')).toHaveValue('4');
  await expect(asset.getByRole('button', { name: 'Asset bewaren' })).toBeDisabled();

  // The required measure now names the asset, with one reason more.
  await openInNav(page, 'Maatregelen');
  const after = await measureReasons(page, MEASURE, `${ASSET} — V4 ≥ V4`);
  expect(after.count).toBe(before.count + 1);
  expect(after.items).toContain(`${ASSET} — V4 ≥ V4 · ${PROCESS}`);
  await after.drawer.getByRole('link', { name: PROCESS }).click();
  await expect(page.getByRole('heading', { level: 1, name: PROCESS })).toBeVisible();
});

test('an administrator without ISMS rights sees the process list read-only', async ({ page, request }) => {
  // The security officer adopts Gemeente Heidebeek's list through the API (only what is missing is added).
  const login = await request.post('/api/auth/login', { data: { email: HEIDEBEEK, password: DEMO_PASSWORD } });
  const session = await login.json();
  const gemeente = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek');
  const adopt = await request.post(`/api/besturen/${gemeente.bestuurId}/processes/adopt`, {
    data: {},
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(adopt.status()).toBe(200);

  await signIn(page, BEHEERDER);
  await openInNav(page, 'Processen');
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Processen' });
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Eigen proces toevoegen' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill(PROCESS);
  await table.getByRole('link', { name: PROCESS }).click();
  await expect(page.getByText('U kunt dit proces bekijken maar niet wijzigen.')).toBeVisible();
  const asset = page.getByRole('region', { name: ASSET, exact: true });
  await expect(asset.getByText(/^Generieke lijst: V1 I3 B3\. /)).toBeVisible();
  await expect(asset.getByText(/^Bevat: |^Geen persoonsgegevens/)).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /bewaren|toevoegen|markeren|verwijderen/ })).toHaveCount(0);
  await expectSettledAccessible(page, 'a process, read-only');
});

test('a security officer marks a process not applicable with a reason and keeps an own process with an own asset', async ({
  page,
  request,
}) => {
  // A long journey through several pages: on a busy machine it needs more than the default minute.
  test.slow();
  await openOcmwProcesses(page, request);
  const table = page.getByRole('table', { name: 'Processen' });
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill('Zwembad');
  await table.getByRole('link', { name: 'Zwembad en sportcentrum' }).click();

  // Not applicable needs a reason; the list then filters on it and shows the reason.
  await page.getByRole('button', { name: 'Niet van toepassing markeren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Niet van toepassing markeren' });
  await dialog.getByRole('button', { name: 'Niet van toepassing markeren' }).click();
  await expect(dialog.getByText('Geef een reden waarom dit proces niet van toepassing is.')).toBeVisible();
  await expectSettledAccessible(page, 'marking a process not applicable');
  await dialog
    .getByLabel('Reden')
    .fill('Heidebeek heeft geen eigen zwembad; het intergemeentelijke zwembad valt erbuiten.');
  await dialog.getByRole('button', { name: 'Niet van toepassing markeren' }).click();
  await expect(page.getByRole('button', { name: 'Toch van toepassing' })).toBeVisible();
  await page.getByRole('link', { name: /Terug naar de processen/ }).click();
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Niet van toepassing' }).click();
  await expect(page).toHaveURL(/status=notApplicable/);
  await expect(table.getByRole('rowheader')).toHaveText(['Zwembad en sportcentrum']);
  await expect(table.getByText(/geen eigen zwembad/)).toBeVisible();

  // An own process: the form demands a domain and a name, then opens the new process.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByRole('button', { name: 'Eigen proces toevoegen' }).click();
  const form = page.getByRole('dialog', { name: 'Eigen proces toevoegen' });
  await form.getByRole('button', { name: 'Proces toevoegen' }).click();
  await expect(form.getByText('Dit veld is verplicht.')).toHaveCount(2);
  await form.getByRole('textbox', { name: 'Domein' }).click();
  await page.getByRole('option', { name: 'Vrije tijd' }).click();
  await form.getByLabel('Naam (Nederlands)').fill('Schaakclub in het park');
  await form.getByRole('button', { name: 'Proces toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schaakclub in het park' })).toBeVisible();
  await expect(page.getByText('Dit proces heeft nog geen informatie-assets.')).toBeVisible();

  await page.getByRole('button', { name: 'Eigen asset toevoegen' }).click();
  const assetForm = page.getByRole('dialog', { name: 'Eigen informatie-asset toevoegen' });
  await assetForm.getByLabel('Naam (Nederlands)').fill('Inschrijvingen kinderen');
  await assetForm.getByLabel('Vertrouwelijkheid (V)').selectOption('3');
  await assetForm.getByRole('checkbox', { name: 'Persoonsgegevens' }).check();
  await assetForm.getByRole('button', { name: 'Asset toevoegen' }).click();
  const asset = page.getByRole('region', { name: 'Inschrijvingen kinderen' });
  await expect(asset.getByLabel('Vertrouwelijkheid (V)')).toHaveValue('3');
  await expect(asset.getByRole('checkbox', { name: 'Persoonsgegevens' })).toBeChecked();
  // An own asset has no default, so no reason is asked.
  await expect(asset.getByLabel('Reden van de afwijking')).toHaveCount(0);
  await expectSettledAccessible(page, 'an own process');

  await page.getByRole('button', { name: 'Proces verwijderen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Proces verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill('Schaakclub');
  await expect(page.getByText('Geen processen gevonden. Pas de zoekterm of de filters aan.')).toBeVisible();
});

test('a classification changed by someone else in the meantime is reported, and the current values can be loaded', async ({
  page,
  request,
}) => {
  await openOcmwProcesses(page, request);
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill(PROCESS);
  await page.getByRole('table', { name: 'Processen' }).getByRole('link', { name: PROCESS }).click();
  const asset = page.getByRole('region', { name: 'Ledenbestand', exact: true });
  await expect(asset.getByRole('checkbox', { name: 'Gevoelige gegevens' })).not.toBeChecked();

  // A colleague marks the asset as holding sensitive data while this page is open.
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = /\/b\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
  const list = await (await page.request.get(`/api/besturen/${bestuurId}/processes`)).json();
  const other = list.items
    .flatMap((p: { assets: unknown[] }) => p.assets)
    .find((a: { name: { nl: string } }) => a.name.nl === 'Ledenbestand') as {
    id: string;
    version: number;
    class: { c: number; i: number; a: number };
  };
  const changed = await page.request.patch(`/api/besturen/${bestuurId}/assets/${other.id}`, {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { version: other.version, ...other.class, sensitiveData: true },
  });
  expect(changed.status()).toBe(200);

  await asset.getByLabel('Beschikbaarheid (B)').selectOption('4');
  await asset.getByLabel('Reden van de afwijking').fill('Zonder ledenbestand kan de balie niet uitlenen.');
  await asset.getByRole('button', { name: 'Asset bewaren' }).click();
  const conflict = asset.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
  await expect(conflict).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Intussen gewijzigd' });
  await expect(dialog.getByRole('button', { name: 'Vergelijken' })).toBeVisible();
  await expectSettledAccessible(page, 'a conflict in the asset editor');
  await dialog.getByRole('button', { name: 'Herladen' }).click();
  await expect(conflict).toBeHidden();
  await expect(asset.getByRole('checkbox', { name: 'Gevoelige gegevens' })).toBeChecked();
  await expect(asset.getByLabel('Beschikbaarheid (B)')).toHaveValue(String(other.class.a));

  await asset.getByLabel('Beschikbaarheid (B)').selectOption('4');
  await asset.getByLabel('Reden van de afwijking').fill('Zonder ledenbestand kan de balie niet uitlenen.');
  await asset.getByRole('button', { name: 'Asset bewaren' }).click();
  await expect(page.getByText('Ledenbestand is bewaard.')).toBeVisible();
  await expect(asset.getByLabel('Beschikbaarheid (B)')).toHaveValue('4');
  await expect(asset.getByRole('checkbox', { name: 'Gevoelige gegevens' })).toBeChecked();
});
