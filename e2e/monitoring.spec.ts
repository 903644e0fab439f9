import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { COACH, expectAccessible, signIn } from './support';

const SUPERVISOR = 'toezicht@vlaanderen.example';
const BEHEERDER = 'beheerder@heidebeek.example';

interface Item {
  bestuurId: string;
  name: string;
  kind: string;
  vulnerability: number;
  continuity: string;
}
interface Overview {
  computedAt: string | null;
  totals: { besturen: number };
  items: Item[];
}

/** The server computes the indicators in the background a few seconds after start: wait until every bestuur has them. */
async function computedOverview(request: APIRequestContext): Promise<Overview> {
  let overview: Overview | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/region/monitoring/overview');
        if (res.status() !== 200) return -1;
        overview = (await res.json()) as Overview;
        return overview.computedAt === null ? 0 : overview.items.length;
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(5);
  return overview as Overview;
}

async function settled(page: Page) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

/** "63,6" as the page writes a score. */
const nl = (v: number) => new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 }).format(v);

test('the supervisor filters and sorts the overview, opens a bestuur, changes a weight and takes a snapshot', async ({
  page,
}) => {
  // Many pages and a server that computes in the background: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  await signIn(page, SUPERVISOR);
  const overview = await computedOverview(page.request);
  const byName = (n: string) => overview.items.find((i) => i.name === n) as Item;
  const worst = [...overview.items].sort(
    (a, b) => b.vulnerability - a.vulnerability || a.name.localeCompare(b.name),
  )[0];

  await page.goto('/regio/monitoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoring van de besturen' })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId('total-besturen')).toContainText('5');
  await expect(page.getByTestId('histogram-readiness-summary')).toContainText('5 besturen');
  await expect(page.getByRole('img', { name: /aantal besturen per schijf van de CyFun Basic-score/ })).toBeVisible();
  const table = page.getByTestId('monitoring-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expectAccessible(page, 'the monitoring overview');

  // The text alternative of a chart.
  const readiness = page.getByTestId('histogram-readiness');
  await readiness.getByRole('button', { name: 'Toon de cijfers als tabel' }).click();
  await expect(readiness.getByRole('table')).toContainText('0 tot 10%');

  // Filter by kind: the URL keeps it, one gemeente remains.
  await page.getByRole('textbox', { name: 'Soort bestuur' }).click();
  await page.getByRole('option', { name: 'Gemeente', exact: true }).click();
  await expect(page).toHaveURL(/kind=gemeente/);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveText('Gemeente Heidebeek');
  await expect(page.getByTestId('total-besturen')).toContainText('1');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(5);

  // Sort by vulnerability, the most vulnerable first; the URL keeps it.
  await table.getByRole('button', { name: /^Kwetsbaarheid/ }).click();
  await expect(page).toHaveURL(/sort=vulnerability/);
  await expect(page).toHaveURL(/dir=desc/);
  await expect(table.getByRole('columnheader', { name: /Kwetsbaarheid/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveText(worst.name);
  await page.reload();
  await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveText(worst.name);

  // One bestuur: its indicators, the reasons of its score in words; the supervisor never sees shared details.
  const schelde = byName('Stad Scheldemonde');
  await table.getByRole('link', { name: 'Stad Scheldemonde' }).click();
  await expect(page).toHaveURL(`/regio/monitoring/besturen/${schelde.bestuurId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stad Scheldemonde' })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId('bestuur-score')).toContainText(`${nl(schelde.vulnerability)} van 100`);
  // Earlier specs may have started Scheldemonde's continuity plan: the words follow its status.
  const plan: Record<string, string> = {
    geen: 'Geen plan',
    gestart: 'Zelfevaluatie gestart',
    bia: 'BIA klaar',
    plan: 'Plan opgesteld',
    goedgekeurd: 'Plan goedgekeurd',
  };
  await expect(page.getByTestId('indicator-continuity')).toContainText(plan[schelde.continuity]);
  await expect(page.getByTestId('reasons')).toContainText(
    schelde.continuity === 'geen' ? 'Geen continuïteitsplan (+20 punten)' : /Continuïteit[^(]*\(\+[\d,]+ punten\)/,
  );
  await expect(page.getByTestId('shared-hidden')).toContainText('ziet enkel de Vo-CRT-coach');
  await expectAccessible(page, "a bestuur's monitoring page");

  // Vulnerable besturen: reasons per bestuur, the formula, and the weights.
  await page.goto('/regio/monitoring/kwetsbaar');
  await expect(page.getByRole('heading', { level: 1, name: 'Kwetsbare besturen' })).toBeVisible();
  await settled(page);
  const heidebeekRow = page.getByTestId('vulnerable-row').filter({ hasText: 'Gemeente Heidebeek' });
  await expect(heidebeekRow).toContainText('Geen continuïteitsplan (+20 punten)');
  await expect(heidebeekRow.getByTestId('vulnerable-score')).toHaveText(nl(byName('Gemeente Heidebeek').vulnerability));
  await expect(page.getByTestId('formula-table')).toContainText('Geen of onvolledig continuïteitsplan');
  await expectAccessible(page, 'the vulnerable besturen');

  // Someone else saves the weights meanwhile: saving answers 409, and the current weights can be loaded.
  const session = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const current = await (await page.request.get('/api/region/monitoring/weights')).json();
  const other = await page.request.put('/api/region/monitoring/weights', {
    headers,
    data: { version: current.version, weights: { ...current.weights, overdue: 2 } },
  });
  expect(other.status()).toBe(200);
  const weight = page.getByRole('textbox', { name: 'Geen of onvolledig continuïteitsplan' });
  await weight.fill('0');
  await page.getByRole('button', { name: 'Gewichten opslaan' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Intussen gewijzigd' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Huidige waarden laden' }).click();
  await expect(page.getByRole('textbox', { name: 'Maatregelen over tijd' })).toHaveValue('2');

  // Now the change goes through and every score follows.
  await weight.fill('0');
  await page.getByRole('button', { name: 'Gewichten opslaan' }).click();
  await expect(page.getByText('De gewichten zijn opgeslagen')).toBeVisible();
  const after = await (await page.request.get('/api/region/monitoring/vulnerable')).json();
  const heidebeekAfter = after.items.find((i: Item) => i.name === 'Gemeente Heidebeek') as Item;
  expect(after.weights.continuity).toBe(0);
  expect(heidebeekAfter.vulnerability).not.toBe(byName('Gemeente Heidebeek').vulnerability);
  await expect(heidebeekRow.getByTestId('vulnerable-score')).toHaveText(nl(heidebeekAfter.vulnerability));
  await expect(heidebeekRow).not.toContainText('continuïteitsplan');

  // The measure ranking, by impact and by missing.
  await page.getByRole('navigation', { name: 'Monitoring' }).getByRole('link', { name: 'Maatregelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ontbrekende maatregelen' })).toBeVisible();
  await settled(page);
  const ranking = (await (await page.request.get('/api/region/monitoring/measures?limit=100')).json()).items;
  expect(ranking.length).toBeGreaterThan(0);
  await expect(page.getByTestId('ranking-row')).toHaveCount(ranking.length);
  await expect(page.getByTestId('ranking-row').first()).toContainText(ranking[0].code);
  await page.getByText('Aantal besturen zonder').click();
  await expect(page).toHaveURL(/sort=missing/);
  const byMissing = (await (await page.request.get('/api/region/monitoring/measures?sort=missing&limit=100')).json())
    .items;
  await expect(page.getByTestId('ranking-row').first()).toContainText(byMissing[0].code);
  await expect(page.getByRole('heading', { name: 'Zo berekenen we de impact' })).toBeVisible();
  await expectAccessible(page, 'the measure ranking');

  // The trend: take this month's snapshot; it shows in the list and in the chart.
  await page
    .getByRole('navigation', { name: 'Monitoring' })
    .getByRole('link', { name: 'Trend en momentopnames' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trend van de sector' })).toBeVisible();
  await settled(page);
  await page.getByRole('button', { name: 'Momentopname nu nemen' }).click();
  await expect(page.getByTestId('snapshot-result')).toHaveText(
    /Momentopname van .* genomen voor 5 besturen\.|had al een momentopname/,
  );
  const month = new Date().toISOString().slice(0, 7);
  const snapshots = (await (await page.request.get('/api/region/monitoring/snapshots')).json()).items;
  expect(snapshots.find((s: { month: string }) => s.month === month)?.besturen).toBe(5);
  await expect(page.getByTestId('snapshots-table').locator('tbody tr').first()).toContainText('5');
  await expect(page.getByTestId('sector-trend')).toBeVisible();
  await expectAccessible(page, 'the sector trend');
});

test('the coach sees details only once the bestuur shares them; the beheerder switches sharing on', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, COACH);
  const overview = await computedOverview(page.request);
  const heidebeek = overview.items.find((i) => i.name === 'Gemeente Heidebeek') as Item;
  const path = `/regio/monitoring/besturen/${heidebeek.bestuurId}`;

  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Gemeente Heidebeek' })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId('shared-hidden')).toContainText('deelt geen details met de Vo-CRT-coach');
  await expect(page.getByTestId('shared-details')).toHaveCount(0);
  const hidden = await (await page.request.get(`/api${path.replace('/regio', '/region')}`)).json();
  expect(hidden.shared).toBeNull();

  // The beheerder of Heidebeek, in a browser of their own.
  const context = await browser.newContext({ locale: 'nl-BE' });
  const own = await context.newPage();
  await signIn(own, BEHEERDER);
  await own.goto(`/b/${heidebeek.bestuurId}/vergelijking`);
  await expect(own.getByRole('heading', { level: 1, name: 'Hoe staan we ervoor?' })).toBeVisible();
  await settled(own);
  await expect(own.getByTestId('indicators')).toBeVisible();
  // Heidebeek is the only gemeente of its size in the demo: no comparison.
  await expect(own.getByTestId('peers-too-few')).toContainText('minder dan 5 vergelijkbare besturen');
  await expect(own.getByText('de titels en niveaus van uw 5 grootste risico')).toBeVisible();
  const share = own.getByRole('switch', { name: 'Deel details met de Vo-CRT-coach' });
  await expect(share).not.toBeChecked();
  await expectAccessible(own, "the bestuur's comparison page");
  await share.click();
  await expect(share).toBeChecked();
  await expect(own.getByTestId('sharing-status')).toHaveText('De coach ziet nu de details hierboven.');
  await own.reload();
  await expect(own.getByRole('switch', { name: 'Deel details met de Vo-CRT-coach' })).toBeChecked();
  await context.close();

  // The coach now sees the titles the bestuur shares.
  const shared = (await (await page.request.get(`/api${path.replace('/regio', '/region')}`)).json()).shared;
  expect(shared).not.toBeNull();
  await page.reload();
  await settled(page);
  const details = page.getByTestId('shared-details');
  await expect(details).toBeVisible();
  await expect(page.getByTestId('shared-hidden')).toHaveCount(0);
  await expect(details.getByRole('heading', { name: 'Wat CyFun Basic tegenhoudt' })).toBeVisible();
  if (shared.blocking.length > 0) await expect(details).toContainText(shared.blocking[0].title);
  await expectAccessible(page, 'a shared bestuur for the coach');
});
