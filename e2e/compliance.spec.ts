import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, HEIDEBEEK, signIn } from './support';

type Counts = Record<string, number>;
interface Summary {
  framework: string;
  name: { nl: string };
  counts: Counts;
}
interface Requirement {
  id: string;
  result: string;
  explanation: { nl: string };
  contributions: { code: string; relationship: string }[];
}

const CYFUN = 'cyfun-2023-03-01';
const RESULTS: [string, string][] = [
  ['compliant', 'Conform'],
  ['partially-compliant', 'Gedeeltelijk conform'],
  ['non-compliant', 'Niet conform'],
  ['not-assessed', 'Niet beoordeeld'],
  ['not-applicable', 'Niet van toepassing'],
];
const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectSettledAccessible(page: Page, what: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expectAccessible(page, what);
}

/** Picks an option of a Mantine select. */
async function pick(page: Page, field: ReturnType<Page['getByRole']>, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the security officer sees compliance per framework, sets a result by hand and sees a measure count', async ({
  page,
}) => {
  await signIn(page, HEIDEBEEK);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const api = `/api/besturen/${bestuurId}`;
  // The process list is adopted through the API, so the bestuur has its required measures.
  expect((await page.request.post(`${api}/processes/adopt`, { data: {}, headers })).status()).toBe(200);
  const overview = async (level: string) =>
    ((await (await page.request.get(`${api}/compliance?level=${level}`)).json()).items as Summary[]).find(
      (f) => f.framework === CYFUN,
    ) as Summary;
  const basic = await overview('basic');
  expect(total(basic.counts)).toBe(34);

  // The overview: one card per framework, CyFun 2023 at Basic with its 34 requirements in words and numbers.
  await page.goto(`/b/${bestuurId}`);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Conformiteit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conformiteit' })).toBeVisible();
  const card = page.getByRole('article', { name: basic.name.nl });
  await expect(card).toContainText('34 vereisten');
  await expect(card).toContainText('Niveau Basis');
  for (const [key, label] of RESULTS) await expect(card).toContainText(`${label}: ${basic.counts[key]}`);
  await expect(page.getByRole('article')).toHaveCount(6);
  await expectSettledAccessible(page, 'the compliance overview');

  // The level is kept in the URL; Important has more requirements.
  const important = await overview('important');
  await page.getByRole('radiogroup', { name: 'CyFun-niveau' }).getByText('Belangrijk').click();
  await expect(page).toHaveURL(/level=important/);
  await expect(card).toContainText(`${total(important.counts)} vereisten`);
  await expect(card).toContainText('Niveau Belangrijk');
  await page.getByRole('radiogroup', { name: 'CyFun-niveau' }).getByText('Basis').click();
  await expect(page).not.toHaveURL(/level=/);
  await expect(card).toContainText('34 vereisten');

  // A requirement that one measure covers fully, not yet compliant.
  const detail = async () =>
    (await (await page.request.get(`${api}/compliance/${CYFUN}`)).json()).requirements as Requirement[];
  const target = (await detail()).find(
    (r) =>
      r.result === 'non-compliant' &&
      r.contributions.length === 1 &&
      ['equal', 'superset'].includes(r.contributions[0].relationship),
  ) as Requirement;
  expect(target).toBeDefined();
  const code = target.contributions[0].code;

  await card.getByRole('link', { name: basic.name.nl }).click();
  await expect(page.getByRole('heading', { level: 1, name: basic.name.nl })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Vereisten met hun resultaat' })).toBeVisible();
  await expect(page.getByText('34 resultaten')).toBeVisible();
  await expectSettledAccessible(page, 'the requirements of CyFun 2023');

  await page.getByRole('searchbox', { name: 'Zoeken op vereiste, titel of maatregel' }).fill(target.id);
  await expect(page).toHaveURL(new RegExp(`q=${escapeRegExp(encodeURIComponent(target.id))}`));
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(target.id)) }).first();
  await expect(row).toContainText('Niet conform');
  await expect(row).toContainText(target.explanation.nl);
  await row.getByRole('button', { name: `Details van ${target.id}` }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`^${escapeRegExp(target.id)} · `) });
  await expect(drawer.getByRole('link', { name: code })).toBeVisible();
  await expect(drawer).toContainText('Niet gestart');
  await expect(drawer).toContainText(target.contributions[0].relationship === 'equal' ? 'gelijk' : 'omvat');
  await expect(drawer).toContainText('Geen handmatige beoordeling');

  // Without a reason nothing is saved.
  await pick(page, drawer.getByRole('textbox', { name: 'Resultaat' }), 'Conform');
  await drawer.getByRole('button', { name: 'Handmatig resultaat opslaan' }).click();
  await expect(drawer.getByRole('textbox', { name: 'Reden' })).toHaveAttribute('aria-invalid', 'true');
  await expect(drawer).toContainText('Dit veld is verplicht.');
  expect((await detail()).find((r) => r.id === target.id)?.result).toBe('non-compliant');

  // Set by hand with a reason: the result counts, the derived one stays beside it.
  const reason = 'Geregeld via de centrale dienstverlening van de provincie.';
  await drawer.getByRole('textbox', { name: 'Reden' }).fill(reason);
  await drawer.getByRole('button', { name: 'Handmatig resultaat opslaan' }).click();
  const current = drawer.getByRole('alert').filter({ hasText: 'Handmatig vastgesteld' });
  await expect(current).toContainText(`Reden: ${reason}`);
  await expect(current).toContainText('Door ');
  await expect(drawer).toContainText('Afgeleid uit de maatregelen: Niet conform');
  await expect(row).toContainText('handmatig');
  await expect(row).toContainText('conform (handmatig vastgesteld)');
  await expectSettledAccessible(page, 'the requirement drawer with an override');

  // Someone else changes it meanwhile: the save is refused and the current values load.
  const put = await page.request.put(`${api}/compliance/${CYFUN}/overrides/${encodeURIComponent(target.id)}`, {
    data: { version: 1, result: 'partially-compliant', reason: 'Door een collega bijgesteld.' },
    headers,
  });
  expect(put.status()).toBe(200);
  await drawer.getByRole('textbox', { name: 'Reden' }).fill(`${reason} Bevestigd.`);
  await drawer.getByRole('button', { name: 'Handmatig resultaat opslaan' }).click();
  const conflict = drawer.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
  await expect(conflict).toBeVisible();
  await expectSettledAccessible(page, 'a conflict in the requirement drawer');
  await conflict.getByRole('button', { name: 'Huidige waarden laden' }).click();
  await expect(conflict).toBeHidden();
  await expect(current).toContainText('Reden: Door een collega bijgesteld.');
  await expect(drawer.getByRole('textbox', { name: 'Reden' })).toHaveValue('Door een collega bijgesteld.');
  await expect(row).toContainText('Gedeeltelijk conform');

  // Removed again: the derived result counts.
  await drawer.getByRole('button', { name: 'Handmatige beoordeling verwijderen' }).click();
  await expect(drawer).toContainText('Geen handmatige beoordeling');
  await expect(row).toContainText('Niet conform');
  await expect(row).not.toContainText('handmatig');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The measure is implemented: after a reload the requirement is compliant, and says why.
  const measure = await (await page.request.get(`${api}/measures/${encodeURIComponent(code)}`)).json();
  const patch = await page.request.patch(`${api}/measures/${encodeURIComponent(code)}`, {
    data: { version: measure.version, status: 'geimplementeerd' },
    headers,
  });
  expect(patch.status()).toBe(200);
  await page.reload();
  const now = (await detail()).find((r) => r.id === target.id) as Requirement;
  expect(now.result).toBe('compliant');
  await expect(row).toContainText('Conform');
  await expect(row).not.toContainText('Niet conform');
  await expect(row).toContainText(now.explanation.nl);
  await expect(row).toContainText(code);
});
