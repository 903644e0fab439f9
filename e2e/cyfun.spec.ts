import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, HEIDEBEEK, signIn } from './support';

interface Row {
  id: string;
  category: string;
  keyMeasure: boolean;
}
interface Assessment {
  id: string;
  version: number;
  answered: number;
  requirements: number;
  total: number | null;
  passed: boolean | null;
  naRules: Record<string, { max: number; score: number }>;
  rows: Row[];
  result: { failures: { criterion: string; id?: string; value?: number }[] };
}

async function expectSettledAccessible(page: Page, what: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expectAccessible(page, what);
}

/** Opens a category of the editor (its accordion control starts with the category id). */
async function openCategory(page: Page, category: string) {
  const control = page.getByRole('button', { name: new RegExp(`^${category.replace('.', '\\.')}\\b`) });
  if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
}

async function score(page: Page, id: string, documentation: string, implementation: string) {
  await page.getByLabel(`Documentatie van ${id}`, { exact: true }).selectOption({ label: documentation });
  await page.getByLabel(`Implementatie van ${id}`, { exact: true }).selectOption({ label: implementation });
}

test('the security officer scores a Basic self-assessment, passes, and fails once a key measure drops', async ({
  page,
}) => {
  // Three axe runs over a page of 34 rows with their selects, on a shared machine.
  test.setTimeout(180_000);
  const stamp = Date.now().toString().slice(-6);
  const title = `Zelfevaluatie e2e ${stamp}`;
  await signIn(page, HEIDEBEEK);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const api = `/api/besturen/${bestuurId}/cyfun-assessments`;

  // The list, reached through the navigation, with the thresholds.
  await page.goto(`/b/${bestuurId}`);
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'CyberFundamentals' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'CyberFundamentals' })).toBeVisible();
  await expect(page.getByText(/Basis – elke sleutelmaatregel en het totaal minstens 2,5/)).toBeVisible();

  // A new Basic 2023-03-01 assessment without pre-fill.
  await page.getByRole('button', { name: 'Nieuwe zelfevaluatie' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe zelfevaluatie' });
  await expect(dialog.getByRole('radio', { name: '2023-03-01' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Basis' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog.getByRole('radio', { name: 'Nee, leeg beginnen' }).check();
  await dialog.getByRole('button', { name: 'Zelfevaluatie starten' }).click();
  // The first assessment reads the framework from content/: give it time.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  const assessmentId = page.url().split('/').pop() as string;
  const load = async () => (await (await page.request.get(`${api}/${assessmentId}`)).json()) as Assessment;
  const created = await load();
  expect(created.requirements).toBe(34);
  expect(created.answered).toBe(0);
  await expect(page.getByText('0 van 34 beantwoord', { exact: true })).toBeVisible();

  // While incomplete, the result says which requirements are missing.
  await page.getByRole('tab', { name: 'Resultaat' }).click();
  await expect(page.getByText('Er zijn nog 34 vereisten zonder antwoord', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: `Naar ${created.rows[0].id}` })).toBeVisible();

  // One requirement through its own selects: marked unsaved, with the scale's names.
  await page.getByRole('tab', { name: 'Vereisten' }).click();
  const first = created.rows[0];
  await openCategory(page, first.category);
  await score(page, first.id, '2 – Herhaalbaar', '3 – Gedefinieerd');
  await expect(page.getByText('1 wijziging niet opgeslagen')).toBeVisible();
  await expect(page.getByText('1 van 34 beantwoord', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Uitleg maturiteitsschaal' }).click();
  await expect(page.getByText(/3 – Gedefinieerd:/)).toBeVisible();

  // The rest with the helper, then one save.
  await page.getByLabel('Documentatie voor alle onbeantwoorde vereisten').selectOption({ label: '2 – Herhaalbaar' });
  await page.getByLabel('Implementatie voor alle onbeantwoorde vereisten').selectOption({ label: '3 – Gedefinieerd' });
  await page.getByRole('button', { name: 'Invullen', exact: true }).click();
  await expect(page.getByText('34 van 34 beantwoord', { exact: true })).toBeVisible();
  await expect(page.getByText('34 wijzigingen niet opgeslagen')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Scores opgeslagen.')).toBeVisible();
  await expect(page.getByText(/wijziging(en)? niet opgeslagen/)).toHaveCount(0);
  const saved = await load();
  expect(saved.answered).toBe(34);
  expect(saved.total).toBe(2.5);
  expect(saved.passed).toBe(true);
  await expectSettledAccessible(page, 'the assessment editor');

  // The result: total 2.5 against 2.5, passed for Basic, every criterion met, a chart with its table.
  await page.getByRole('tab', { name: 'Resultaat' }).click();
  const resultPanel = page.getByRole('tabpanel', { name: 'Resultaat' });
  await expect(resultPanel.getByText('Totale maturiteit 2,5 (drempel 2,5)')).toBeVisible();
  await expect(resultPanel.getByText('Geslaagd voor Basis')).toBeVisible();
  await expect(resultPanel.getByText('Niet voldaan')).toHaveCount(0);
  await expect(resultPanel.getByRole('img', { name: /PR – Beschermen: staafdiagram/ })).toBeVisible();
  await resultPanel.getByRole('button', { name: 'Cijfers als tabel tonen' }).first().click();
  await expect(resultPanel.getByRole('table', { name: /maturiteit per categorie/ }).first()).toBeVisible();
  await expectSettledAccessible(page, 'the assessment result');

  // A key measure lowered to 2/2 in the editor fails Basic, with that key measure named.
  const key = saved.rows.find((r) => r.keyMeasure) as Row;
  expect(key, 'Basic has key measures').toBeTruthy();
  await page.getByRole('tab', { name: 'Vereisten' }).click();
  await openCategory(page, key.category);
  await expect(page.locator(`[id="cyfun-row-${key.id}"]`)).toContainText('Sleutelmaatregel');
  await expect(page.getByRole('checkbox', { name: `${key.id} niet van toepassing` })).toBeDisabled();
  await score(page, key.id, '2 – Herhaalbaar', '2 – Herhaalbaar');
  await expect(page.locator(`[id="cyfun-row-${key.id}"]`)).toContainText('Niet opgeslagen');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText(/wijziging(en)? niet opgeslagen/)).toHaveCount(0);
  const failed = await load();
  expect(failed.passed).toBe(false);
  expect(failed.result.failures).toContainEqual({ criterion: 'keyMeasure', id: key.id, value: 2, threshold: 2.5 });

  await page.getByRole('tab', { name: 'Resultaat' }).click();
  await expect(resultPanel.getByText('Niet geslaagd voor Basis')).toBeVisible();
  const keyCriterion = resultPanel.getByRole('row', { name: /^Sleutelmaatregelen/ });
  await expect(keyCriterion).toContainText('Niet voldaan');
  await expect(keyCriterion).toContainText(`${key.id} heeft 2`);
  // Basic's not-applicable rule is configurable per assessment.
  await expect(resultPanel.getByText(/Hoogstens 1 keer n.v.t., elk telt als 2,5/)).toBeVisible();
  await resultPanel.getByRole('textbox', { name: 'Hoogstens (aantal vereisten)' }).fill('2');
  await resultPanel.getByRole('button', { name: 'Regels opslaan' }).click();
  await expect(resultPanel.getByText(/Hoogstens 2 keer n.v.t., elk telt als 2,5/)).toBeVisible();
  const ruled = await load();
  expect(ruled.naRules.basic).toEqual({ max: 2, score: 2.5 });
  // The failing key measure links to its row in the editor.
  await keyCriterion.getByRole('button', { name: `Naar ${key.id}` }).click();
  await expect(page.getByRole('tab', { name: 'Vereisten' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[id="cyfun-row-${key.id}"]`)).toBeFocused();

  // Saving over a colleague's change: 409, and the current values load.
  const other = await page.request.patch(`${api}/${assessmentId}`, {
    data: { version: ruled.version, answers: [{ id: key.id, documentation: 3, implementation: 3 }] },
    headers,
  });
  expect(other.status()).toBe(200);
  await score(page, first.id, '4 – Beheerst', '4 – Beheerst');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Huidige waarden laden' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(page.getByLabel(`Documentatie van ${key.id}`, { exact: true })).toHaveValue('3');
  await expect(page.getByLabel(`Documentatie van ${first.id}`, { exact: true })).toHaveValue('2');

  // The list shows the assessment with its progress and result; delete asks first.
  await page.getByRole('link', { name: '← Alle zelfevaluaties' }).click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  const final = await load();
  await expect(row).toContainText('34 van 34');
  await expect(row).toContainText(final.passed ? 'Geslaagd voor Basis' : 'Niet geslaagd voor Basis');
  await expectSettledAccessible(page, 'the self-assessments list');
  await row.getByRole('button', { name: `Acties voor ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Zelfevaluatie verwijderen' });
  await expect(confirm).toContainText(title);
  await confirm.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);
  expect((await page.request.get(`${api}/${assessmentId}`)).status()).toBe(404);
});
