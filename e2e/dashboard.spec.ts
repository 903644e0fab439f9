import type { Dashboard } from '@baken/contracts';
import { expect, type Page, test } from '@playwright/test';
import { HEIDEBEEK, SCHELDEMONDE, expectAccessible, signIn } from './support';

const RESULTS: [string, string][] = [
  ['compliant', 'Conform'],
  ['partially-compliant', 'Gedeeltelijk conform'],
  ['non-compliant', 'Niet conform'],
  ['not-assessed', 'Niet beoordeeld'],
];
const STATUSES: [string, string][] = [
  ['niet-gestart', 'Niet gestart'],
  ['gepland', 'Gepland'],
  ['in-uitvoering', 'In uitvoering'],
  ['geimplementeerd', 'Geïmplementeerd'],
  ['niet-van-toepassing', 'Niet van toepassing'],
];
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const monthName = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
};

/** The id of a bestuur of the signed-in user, by name. */
async function memberOf(page: Page, name: string): Promise<string> {
  const session = await (await page.request.get('/api/auth/session')).json();
  const found = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === name);
  expect(found, `a member of ${name}`).toBeTruthy();
  return found.bestuurId;
}

async function settled(page: Page) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

test("Scheldemonde's landing page is its dashboard: compliance, readiness for Basic, measures, top risks, progress", async ({
  page,
}) => {
  await signIn(page, SCHELDEMONDE);
  const id = await memberOf(page, 'Stad Scheldemonde');
  const res = await page.request.get(`/api/besturen/${id}/dashboard`);
  expect(res.status()).toBe(200);
  const d = (await res.json()) as Dashboard;

  await page.goto(`/b/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stad Scheldemonde' })).toBeVisible();
  await settled(page);

  // Compliance: one card per framework with its counts in words, linking to the framework's requirements.
  const compliance = page.getByRole('region', { name: 'Conformiteit per kader' });
  await expect(compliance.getByRole('article')).toHaveCount(d.compliance.length);
  for (const f of d.compliance) {
    const card = compliance.getByRole('article', { name: f.name.nl, exact: true });
    for (const [key, label] of RESULTS) await expect(card).toContainText(`${label}: ${f.counts[key as 'compliant']}`);
    await expect(card.getByRole('link', { name: f.name.nl, exact: true })).toHaveAttribute(
      'href',
      `/b/${id}/conformiteit/${f.framework}`,
    );
  }

  // Readiness for Basic: the demo has no self-assessment, so it is read from the measures.
  expect(d.readiness.basis).toBe('measures');
  const readiness = page.getByRole('region', { name: 'CyberFundamentals Basis' });
  await expect(readiness.getByTestId('readiness-verdict')).toHaveText(
    d.readiness.passed ? 'Basis bereikt' : 'Basis nog niet bereikt',
  );
  const cyfun = d.compliance.find((f) => f.framework === 'cyfun-2023-03-01');
  expect(cyfun).toBeTruthy();
  await expect(readiness).toContainText(`Op basis van de maatregelen: ${cyfun?.counts.compliant} van`);
  const blocking = d.readiness.blockingRequirements;
  expect(blocking.length).toBeGreaterThan(0);
  expect(blocking[0]?.keyMeasure).toBe(true);
  const rows = readiness.getByTestId('readiness-blocking').locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(10, blocking.length));
  const first = blocking[0] as (typeof blocking)[number];
  await expect(rows.first()).toContainText(first.title.nl);
  await expect(rows.first()).toContainText('Sleutelmaatregel');
  await expect(rows.first().getByRole('link', { name: first.id })).toHaveAttribute(
    'href',
    `/b/${id}/conformiteit/cyfun-2023-03-01?requirement=${encodeURIComponent(first.id)}`,
  );

  // Measures: the required ones by status in words.
  const measures = page.getByRole('region', { name: 'Maatregelen' });
  await expect(measures).toContainText(`${d.measures.required} vereiste maatregelen`);
  for (const [key, label] of STATUSES)
    await expect(measures.getByTestId('measure-statuses')).toContainText(`${label}: ${d.measures.byStatus[key] ?? 0}`);
  await expect(measures.getByRole('heading', { name: `Over tijd (${d.measures.overdue.length})` })).toBeVisible();
  const overdue = measures.getByTestId('overdue-measures').locator('tbody tr');
  await expect(overdue).toHaveCount(d.measures.overdue.length);
  for (const [i, m] of d.measures.overdue.entries()) {
    await expect(overdue.nth(i)).toContainText(m.title.nl);
    await expect(overdue.nth(i).getByRole('link', { name: m.code })).toHaveAttribute(
      'href',
      `/b/${id}/maatregelen?q=${encodeURIComponent(m.code)}`,
    );
  }

  // Top risks in the server's order, each with its level in words, linking to the register.
  expect(d.topRisks.length).toBeGreaterThan(0);
  const risks = page.getByRole('region', { name: "Grootste risico's" }).getByTestId('top-risks');
  const riskRows = risks.locator('tbody tr');
  await expect(riskRows).toHaveCount(d.topRisks.length);
  for (const [i, r] of d.topRisks.entries()) {
    const row = riskRows.nth(i);
    await expect(row.getByRole('rowheader')).toHaveText(r.title);
    await expect(row.getByRole('cell').nth(0)).toHaveText(r.level.name.nl);
    await expect(row.getByRole('cell').nth(1)).toHaveText(r.residualLevel?.name.nl ?? '—');
    await expect(row.getByRole('link', { name: r.title })).toHaveAttribute(
      'href',
      new RegExp(`^/b/${id}/risicos\\?q=`),
    );
  }

  // Progress: the demo's measures got their status months ago, so the line rises; the chart says it in words and in a table.
  expect(d.progress).toHaveLength(12);
  const firstPoint = d.progress[0] as Dashboard['progress'][number];
  const lastPoint = d.progress.at(-1) as Dashboard['progress'][number];
  expect(lastPoint.implemented).toBe(d.measures.byStatus.geimplementeerd ?? 0);
  expect(lastPoint.implemented).toBeGreaterThan(firstPoint.implemented);
  const progress = page.getByRole('region', { name: 'Voortgang' });
  await expect(progress.getByRole('img', { name: /Staafdiagram/ })).toBeVisible();
  await expect(progress.getByTestId('progress-summary')).toHaveText(
    `Geïmplementeerde vereiste maatregelen op het einde van de maand: ${firstPoint.implemented} in ${monthName(firstPoint.month)}, ${lastPoint.implemented} in ${monthName(lastPoint.month)}.`,
  );
  await progress.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = progress.getByTestId('progress-table');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  for (const [i, p] of d.progress.entries())
    await expect(table.locator('tbody tr').nth(i)).toHaveText(`${monthName(p.month)}${p.implemented}`);

  // The next steps stay below the dashboard.
  await expect(page.getByRole('heading', { level: 2, name: 'Volgende stappen' })).toBeVisible();
  await expectAccessible(page, "Scheldemonde's dashboard");
});

test('a bestuur that starts empty sees the next steps and no dashboard', async ({ page }) => {
  // OCMW Heidebeek: other specs adopt the process list of Gemeente Heidebeek before this one runs.
  await signIn(page, HEIDEBEEK);
  const id = await memberOf(page, 'OCMW Heidebeek');
  const d = (await (await page.request.get(`/api/besturen/${id}/dashboard`)).json()) as Dashboard;
  // Nothing tracked yet: the baseline measures are required from the start, none has left "niet gestart".
  expect(Object.keys(d.measures.byStatus).filter((s) => s !== 'niet-gestart')).toEqual([]);
  expect(d.topRisks).toEqual([]);

  await page.goto(`/b/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'OCMW Heidebeek' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Volgende stappen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Neem de generieke proceslijst over' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Naar de processen' })).toHaveAttribute('href', `/b/${id}/processen`);
  await expect(page.getByRole('region', { name: 'Conformiteit per kader' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Voortgang' })).toHaveCount(0);
  await expectAccessible(page, 'the empty overview');
});
