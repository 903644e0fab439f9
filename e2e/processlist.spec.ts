import type { BestuurProcess } from '@baken/contracts';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { COACH, DEMO_PASSWORD, HEIDEBEEK, expectAccessible, signIn } from './support';

// A process of the generic list in burgerzaken (content/processes/burgerzaken.yaml) with two assets:
// one the bestuur leaves at the default (it follows the new default), one it classified itself (kept).
const PROCESS = 'Huwelijk en wettelijke samenwoning';
const TEMPLATE = 'bz-huwelijk-en-samenwoning';
const FOLLOWS = { id: `${TEMPLATE}.planning`, name: 'Planning van plechtigheden' }; // V2 I2 B2
const KEPT = { id: `${TEMPLATE}.aangifte`, name: 'Huwelijksaangifte en bijlagen' }; // V3 I4 B2
const OWN_REASON = 'Bij ons bevatten de bijlagen ook medische attesten.';

/**
 * As the security officer of Gemeente Heidebeek, through the API: adopt the generic list when it
 * has not been adopted yet, and classify one asset off the default (V4 instead of V3).
 */
async function prepareHeidebeek(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { email: HEIDEBEEK, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const session = await login.json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const url = `/api/besturen/${bestuurId}`;
  const adopt = await request.post(`${url}/processes/adopt`, { data: {}, headers });
  expect(adopt.status()).toBe(200);
  const asset = await findAsset(request, bestuurId, KEPT.id);
  expect(asset.class).toEqual({ c: 3, i: 4, a: 2 });
  const classify = await request.patch(`${url}/assets/${asset.id}`, {
    data: { version: asset.version, c: 4, i: 4, a: 2, reason: OWN_REASON },
    headers,
  });
  expect(classify.status()).toBe(200);
  return bestuurId;
}

async function findAsset(request: APIRequestContext, bestuurId: string, templateId: string) {
  const res = await request.get(`/api/besturen/${bestuurId}/processes`);
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as BestuurProcess[];
  const asset = items.flatMap((p) => p.assets).find((a) => a.templateId === templateId);
  expect(asset, `asset ${templateId}`).toBeTruthy();
  return asset as BestuurProcess['assets'][number];
}

/** As the coach, through the API: save one process of the draft unchanged, so the draft gets a new version. */
async function touchDraft(page: Page) {
  const session = await (await page.request.get('/api/auth/session')).json();
  const draft = await (await page.request.get('/api/process-list/draft')).json();
  const process = draft.snapshot.processes.find((p: { id: string }) => p.id === 'bz-reispassen');
  const res = await page.request.put('/api/process-list/draft/processes/bz-reispassen', {
    data: { draftVersion: draft.version, process },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.status()).toBe(200);
}

async function openInNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name, exact: true }).click();
}

test('the coach publishes a changed default class; a bestuur takes it over and keeps its own class', async ({
  page,
  request,
}) => {
  // The whole journey (two users, a publication) takes longer than one screen's test.
  test.setTimeout(180_000);
  const bestuurId = await prepareHeidebeek(request);

  // The coach sees the published versions.
  await signIn(page, COACH);
  await openInNav(page, 'Generieke proceslijst');
  await expect(page.getByRole('heading', { level: 1, name: 'Generieke proceslijst' })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Gepubliceerde versies' });
  await expect(versions.getByRole('rowheader', { name: 'Versie 1' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inhoud van versie 1' })).toBeVisible();
  await expectAccessible(page, 'the versions');

  // A draft starts as a copy of version 1.
  await page.getByRole('link', { name: 'Concept bewerken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Concept van de generieke proceslijst' })).toBeVisible();
  await page.getByRole('button', { name: 'Concept starten' }).click();
  await expect(page.getByText(/^Gebaseerd op versie 1 · /)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('searchbox', { name: 'Zoeken op proces of asset' }).fill('huwelijk');
  const processes = page.getByRole('table', { name: /^Processen in het concept/ });
  await expect(processes.getByRole('rowheader', { name: new RegExp(`^${PROCESS}`) })).toBeVisible();
  await expectAccessible(page, 'the draft editor');

  // Edit two default classes; an emptied reason is refused before anything is sent.
  await page.getByRole('button', { name: `Acties voor ${PROCESS}` }).click();
  await page.getByRole('menuitem', { name: 'Bewerken' }).click();
  const dialog = page.getByRole('dialog', { name: `${PROCESS} bewerken` });

  // Someone else saves the draft meanwhile: saving is refused, the current values can be loaded.
  await touchDraft(page);
  await dialog.getByRole('button', { name: 'Proces bewaren' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Huidige waarden laden' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // The server checks the whole list: an asset id used twice is shown beside the form.
  await dialog.getByRole('button', { name: 'Asset toevoegen' }).click();
  const extra = dialog.getByRole('group', { name: 'Asset 4' });
  await extra.getByLabel('Id', { exact: true }).fill(KEPT.id);
  await extra.getByLabel('Naam (Engels)').fill('Duplicate');
  await extra.getByLabel('Reden van de standaardklasse (Nederlands)').fill('Test');
  await extra.getByLabel('Reden van de standaardklasse (Engels)').fill('Test');
  // The Dutch name last: it becomes the group's name.
  await extra.getByLabel('Naam (Nederlands)').fill('Dubbel');
  await dialog.getByRole('button', { name: 'Proces bewaren' }).click();
  const issues = dialog.getByRole('alert').filter({ hasText: 'De lijst klopt zo niet' });
  await expect(issues).toContainText(`${KEPT.id}: dit asset-id komt twee keer voor in de lijst`);
  await dialog.getByRole('group', { name: 'Dubbel' }).getByRole('button', { name: 'Dubbel weghalen' }).click();

  const follows = dialog.getByRole('group', { name: FOLLOWS.name });
  await follows.getByLabel('Vertrouwelijkheid (V)').selectOption('3');
  await follows.getByLabel('Reden van de standaardklasse (Nederlands)').fill('');
  await dialog.getByRole('button', { name: 'Proces bewaren' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Controleer 1 veld(en)' })).toBeVisible();
  await follows
    .getByLabel('Reden van de standaardklasse (Nederlands)')
    .fill('De planning toont wie wanneer trouwt: gegevens die niet voor iedereen bestemd zijn.');
  await dialog.getByRole('group', { name: KEPT.name }).getByLabel('Vertrouwelijkheid (V)').selectOption('2');
  await expectAccessible(page, 'the process editor');
  await dialog.getByRole('button', { name: 'Proces bewaren' }).click();
  await expect(page.getByText(`${PROCESS} is bewaard in het concept.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The changes against version 1, before publishing.
  await page.getByRole('link', { name: 'Wijzigingen bekijken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verschil tussen versies' })).toBeVisible();
  await expect(page.getByText('Van versie 1 naar het concept')).toBeVisible();
  const draftChange = page.getByRole('article', { name: PROCESS });
  await expect(draftChange.getByText('V2 → V3')).toBeVisible();
  await expect(draftChange.getByText('V3 → V2')).toBeVisible();
  await expectAccessible(page, 'the diff against the draft');

  // Publish: release notes are required.
  await page.goBack();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  const publish = page.getByRole('dialog', { name: 'Concept publiceren' });
  await expect(
    publish.getByText('Wijzigingen: 1 proces, 2 informatie-assets (2 klassewijzigingen), 0 maatregelen.'),
  ).toBeVisible();
  await publish.getByRole('button', { name: 'Publiceren' }).click();
  await expect(publish.getByText('Dit veld is verplicht.')).toBeVisible();
  await publish.getByLabel("Releasenota's (Nederlands)").fill('Klassen van de huwelijksdossiers herzien.');
  await publish.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByText('Versie 2 is gepubliceerd.')).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/regio\/proceslijst\?versie=2$/);
  const v2 = versions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Versie 2' }) });
  await expect(v2).toContainText('Klassen van de huwelijksdossiers herzien.');
  await expect(v2).toContainText('Lotte Maes');

  // The difference between version 1 and 2.
  await v2.getByRole('link', { name: 'Verschil tussen versie 1 en versie 2' }).click();
  await expect(page.getByText('Van versie 1 naar versie 2')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Samenvatting' })).toBeVisible();
  await expect(page.getByText('Klassewijzigingen van assets: 2')).toBeVisible();
  const change = page.getByRole('article', { name: PROCESS });
  await expect(change.getByRole('listitem').filter({ hasText: FOLLOWS.name })).toContainText('Klasse: V2 → V3');
  await expect(change.getByRole('listitem').filter({ hasText: KEPT.name })).toContainText('Klasse: V3 → V2');
  await expectAccessible(page, 'the diff between versions');

  // The security officer sees the update against its own copy.
  await page.context().clearCookies();
  await signIn(page, HEIDEBEEK);
  await page.goto(`/b/${bestuurId}/proceslijst-updates`);
  await expect(page.getByRole('heading', { level: 1, name: 'Updates van de generieke lijst' })).toBeVisible();
  await expect(page.getByText('U volgt versie 1; versie 2 is beschikbaar.')).toBeVisible();
  const notes = page.getByRole('region', { name: "Releasenota's" });
  await expect(notes).toContainText('Klassen van de huwelijksdossiers herzien.');
  await expect(notes.getByRole('link', { name: 'Alle verschillen van versie 1 naar versie 2 bekijken' })).toBeVisible();
  const item = page.getByRole('article', { name: PROCESS });
  await expect(item.getByRole('listitem').filter({ hasText: FOLLOWS.name })).toContainText('Klasse: V2 → V3');
  await expect(item.getByText(`Uw keuze blijft: V4 I4 B2 (reden: ${OWN_REASON})`)).toBeVisible();
  await expectAccessible(page, 'the updates');

  // Take it over: the untouched asset follows the new default, the own class stays.
  await expect(page.getByRole('button', { name: 'Geselecteerde overnemen (0)' })).toBeDisabled();
  await item.getByRole('checkbox', { name: `${PROCESS} selecteren` }).check();
  await page.getByRole('button', { name: 'Geselecteerde overnemen (1)' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Overgenomen: 1 proces en 2 informatie-assets bijgewerkt.' }),
  ).toBeVisible();
  await expect(page.getByText('Uw proceslijst is bij met versie 2.')).toBeVisible();
  await expectAccessible(page, 'the updates, up to date');

  const followed = await findAsset(page.request, bestuurId, FOLLOWS.id);
  expect(followed).toMatchObject({ class: { c: 3, i: 2, a: 2 }, defaultClass: { c: 3, i: 2, a: 2 } });
  const kept = await findAsset(page.request, bestuurId, KEPT.id);
  expect(kept).toMatchObject({ class: { c: 4, i: 4, a: 2 }, defaultClass: { c: 2, i: 4, a: 2 }, reason: OWN_REASON });
});
