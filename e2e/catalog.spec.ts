import { expect, test } from '@playwright/test';
import { COACH, HEIDEBEEK, expectAccessible, signIn } from './support';

test('a security officer searches the catalogue and sees which NIS2 requirement a measure serves', async ({ page }) => {
  await signIn(page, HEIDEBEEK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Catalogus' }).click();
  await expect(page).toHaveURL(/\/catalogus$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogus' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Maatregelen' });
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Klasseregel' })).toBeVisible();
  await expectAccessible(page, 'the catalogue');

  await page.getByRole('searchbox', { name: 'Zoeken op code of titel' }).fill('persoonlijke accounts');
  await expect(page).toHaveURL(/q=persoonlijke/);
  await expect(table.getByRole('button', { name: /^Details van / })).toHaveCount(1);
  await expect(table.getByRole('rowheader')).toHaveText(/Persoonlijke accounts/);
  await expect(table.getByRole('cell', { name: 'altijd' })).toBeVisible();
  await table.getByRole('button', { name: 'Details van TB-01' }).click();

  const drawer = page.getByRole('dialog', { name: /TB-01/ });
  await expect(drawer.getByRole('heading', { name: 'Toelichting' })).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Dient' })).toBeVisible();
  const nis2 = drawer.getByRole('listitem').filter({ hasText: 'NIS2 21(2)(i)' });
  await expect(nis2).toHaveCount(1);
  await expect(drawer.getByRole('heading', { name: 'NIS2-richtlijn, artikel 21, lid 2' })).toBeVisible();
  const summary = drawer.getByText(/^Dient: /);
  for (const ref of ['CyFun 2023 PR.AC-1.1', 'NIS2 21(2)(i)', 'AVG 32(1)(b)']) await expect(summary).toContainText(ref);
  await expectAccessible(page, 'the measure detail');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByRole('searchbox', { name: 'Zoeken op code of titel' }).fill('');
  await page.getByRole('textbox', { name: 'Kader' }).click();
  await page.getByRole('option', { name: 'AVG, artikel 32, lid 1' }).click();
  await expect(table.getByRole('button', { name: /^Details van / }).first()).toBeVisible();
  await expect(page.getByText(/^\d+ resultaten$/)).toBeVisible();
});

test('a regional coach finds the catalogue under Regionaal and reads it in English', async ({ page }) => {
  await signIn(page, COACH);
  const regional = page.getByRole('list', { name: 'Regionaal' });
  await regional.getByRole('link', { name: 'Catalogus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogus' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by code or title' }).fill('AB-08');
  const row = page.getByRole('table', { name: 'Measures' }).getByRole('row').filter({ hasText: 'AB-08' });
  await expect(row.getByRole('rowheader')).toHaveText('Protection against data leakage');
  await expect(row.getByRole('cell', { name: 'from C3' })).toBeVisible();
  await expectAccessible(page, 'the catalogue in English');
  await page.getByText('NL', { exact: true }).click();
  const nlRow = page.getByRole('table', { name: 'Maatregelen' }).getByRole('row').filter({ hasText: 'AB-08' });
  await expect(nlRow.getByRole('cell', { name: 'vanaf V3' })).toBeVisible();
});
