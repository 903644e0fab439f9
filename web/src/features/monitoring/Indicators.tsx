import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../api/client';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useFrameworks } from '../catalog/api';
import type { RegionDetail } from './api';
import { formatFigure, formatPct } from './format';

type Item = RegionDetail['indicators'];

/** One bestuur's indicators as terms and values, each with what it means; the compliance per framework in a table. */
export function IndicatorList({ item, headingId }: { item: Item; headingId: string }) {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  const lang = currentLanguage();
  const nameOf = (id: string) => frameworks.data?.find((f) => f.id === id)?.name[lang] ?? id;
  const figures: { key: string; value: string }[] = [
    {
      key: 'readiness',
      value: `${item.readinessPassed ? t('monitoring.readiness.passed') : t('monitoring.readiness.notPassed')} (${formatPct(item.readinessScore)})`,
    },
    {
      key: 'cyfunTotal',
      value: item.cyfunTotal === null ? t('monitoring.indicators.noAssessment') : formatFigure(item.cyfunTotal, 2),
    },
    {
      key: 'implemented',
      value: t('monitoring.indicators.implementedValue', {
        share: formatPct(item.implementedShare),
        implemented: formatNumber(item.measuresImplemented),
        required: formatNumber(item.measuresRequired),
      }),
    },
    { key: 'overdue', value: formatNumber(item.measuresOverdue) },
    {
      key: 'risks',
      value: t('monitoring.indicators.risksValue', {
        open: formatNumber(item.risksOpen),
        high: formatNumber(item.risksHigh),
      }),
    },
    {
      key: 'assets',
      value: t('monitoring.indicators.assetsValue', {
        assets: formatNumber(item.assets),
        high: formatNumber(item.assetsHigh),
      }),
    },
    { key: 'continuity', value: t(`monitoring.continuity.${item.continuity}`) },
    { key: 'lastActivity', value: item.lastActivity ? formatDate(item.lastActivity) : t('monitoring.table.never') },
  ];
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb={4}>
        {t('monitoring.indicators.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('monitoring.indicators.computedAt', { when: formatDateTime(item.computedAt) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" component="dl" m={0} data-testid="indicators">
        {figures.map((f) => (
          <Paper key={f.key} withBorder p="sm" data-testid={`indicator-${f.key}`}>
            <Text component="dt" size="sm">
              {t(`monitoring.indicators.${f.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700}>
              {f.value}
            </Text>
            <Text component="dd" m={0} size="xs" c="gray.7">
              {t(`monitoring.indicators.${f.key}Help`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {Object.keys(item.compliance).length > 0 && (
        <Table verticalSpacing={4} captionSide="top" maw={640} mt="md" data-testid="indicator-compliance">
          <Table.Caption>{t('monitoring.indicators.complianceCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.indicators.framework')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.indicators.score')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(item.compliance)
              .sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)))
              .map(([id, score]) => (
                <Table.Tr key={id}>
                  <Table.Th scope="row" fw="normal">
                    {nameOf(id)}
                  </Table.Th>
                  <Table.Td ta="right">{formatPct(score)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
