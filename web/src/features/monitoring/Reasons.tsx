import { type VulnerabilityFactor, vulnerabilityFactors, type Weights } from '@baken/contracts';
import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reason } from './api';
import { formatFigure } from './format';

type T = ReturnType<typeof useTranslation>['t'];

/** The months of the inactivity factor (docs/monitoring.md). */
const DAYS_PER_MONTH = 30.4;

/** A factor of the score in words, from the facts behind its value (docs/monitoring.md). */
export function reasonText(t: T, r: Reason): string {
  const points = formatFigure(r.points);
  switch (r.factor) {
    case 'maturity':
      return r.readinessScore === null
        ? t('monitoring.reason.maturityNone', { points })
        : t('monitoring.reason.maturity', { score: formatFigure(r.readinessScore), points });
    case 'continuity':
      return t(`monitoring.reason.continuity.${r.continuity}`, { points });
    case 'highClass':
      return t('monitoring.reason.highClass', {
        count: r.assetsHigh,
        total: r.assets,
        pct: formatFigure(r.value * 100, 0),
        points,
      });
    case 'inactivity':
      if (r.daysInactive === null) return t('monitoring.reason.inactivityNever', { points });
      return r.daysInactive < DAYS_PER_MONTH
        ? t('monitoring.reason.inactivityDays', { count: r.daysInactive, points })
        : t('monitoring.reason.inactivity', { count: Math.floor(r.daysInactive / DAYS_PER_MONTH), points });
    case 'highRisks':
      return t('monitoring.reason.highRisks', { count: r.risksHigh, points });
    case 'overdue':
      return t('monitoring.reason.overdue', { count: r.measuresOverdue, total: r.measuresRequired, points });
  }
}

/** The factors of a score, largest first, each in words with its points; they add up to the score. */
export function ReasonList({ reasons, score }: { reasons: Reason[]; score: number }) {
  const { t } = useTranslation();
  const shown = reasons.filter((r) => r.points > 0);
  if (shown.length === 0) return <Text size="sm">{t('monitoring.reason.none')}</Text>;
  return (
    <List
      size="sm"
      spacing={2}
      data-testid="reasons"
      aria-label={t('monitoring.reason.label', { score: formatFigure(score) })}
    >
      {shown.map((r) => (
        <List.Item key={r.factor}>{reasonText(t, r)}</List.Item>
      ))}
    </List>
  );
}

/** The formula of the score with every factor and its current weight. */
export function ScoreFormula({ weights }: { weights: Weights }) {
  const { t } = useTranslation();
  const sum = vulnerabilityFactors.reduce((n, f) => n + weights[f], 0);
  return (
    <section aria-labelledby="monitoring-formula">
      <Text component="h2" fw={700} size="lg" id="monitoring-formula" mb="xs">
        {t('monitoring.formula.title')}
      </Text>
      <Text size="sm" mb="xs" maw={820}>
        {t('monitoring.formula.intro')}
      </Text>
      <Text size="sm" mb="sm" ff="monospace">
        {t('monitoring.formula.expression')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} captionSide="top" maw={900} data-testid="formula-table">
          <Table.Caption>{t('monitoring.formula.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.formula.factor')}</Table.Th>
              <Table.Th scope="col">{t('monitoring.formula.value')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.formula.weight')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.formula.max')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vulnerabilityFactors.map((f: VulnerabilityFactor) => (
              <Table.Tr key={f}>
                <Table.Th scope="row" fw={500}>
                  {t(`monitoring.factor.${f}`)}
                </Table.Th>
                <Table.Td>{t(`monitoring.factorHelp.${f}`)}</Table.Td>
                <Table.Td ta="right">{formatFigure(weights[f])}</Table.Td>
                <Table.Td ta="right">{sum > 0 ? formatFigure((weights[f] / sum) * 100) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
