import { Alert, Anchor, Loader, Table, Text, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useVulnerable, useWeights } from './api';
import { formatFigure } from './format';
import { ReasonList, ScoreFormula } from './Reasons';
import { FilterBar, MonitoringTabs, monitoringBase } from './RegionParts';
import type { RegionFilter } from './search';
import { WeightsEditor } from './WeightsEditor';

/** /regio/monitoring/kwetsbaar: the most vulnerable besturen with the reasons of their score. */
export function VulnerablePage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const canManage = hasPermission(session, 'region.monitoring.manage');
  const search = useSearch({ strict: false }) as RegionFilter;
  const list = useVulnerable({ kind: search.kind, province: search.province, size: search.size });
  const weights = useWeights();

  return (
    <>
      <PageTitle>{t('monitoring.vulnerable.title')}</PageTitle>
      <MonitoringTabs />
      <Text mb="md" maw={820}>
        {t('monitoring.vulnerable.intro')}
      </Text>
      <FilterBar />
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && list.data.items.length === 0 && <Alert color="blue">{t('monitoring.table.none')}</Alert>}
      {list.data && list.data.items.length > 0 && (
        <section aria-labelledby="monitoring-vulnerable-list">
          <Title order={2} size="h3" id="monitoring-vulnerable-list" mb="xs">
            {t('monitoring.vulnerable.listTitle', { count: list.data.items.length })}
          </Title>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" captionSide="top" data-testid="vulnerable-table">
              <Table.Caption>{t('monitoring.vulnerable.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('monitoring.table.name')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('monitoring.table.vulnerability')}
                  </Table.Th>
                  <Table.Th scope="col">{t('monitoring.vulnerable.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((b) => (
                  <Table.Tr key={b.bestuurId} data-testid="vulnerable-row">
                    <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
                      <Anchor component={Link} to={`${monitoringBase}/besturen/${b.bestuurId}`}>
                        {b.name}
                      </Anchor>
                      <Text size="xs" fw="normal">
                        {t(`kinds.${b.kind}`)} · {t(`monitoring.size.${b.sizeClass}`)}
                        {b.province ? ` · ${t(`provinces.${b.province}`)}` : ''}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right" fw={700} style={{ verticalAlign: 'top' }} data-testid="vulnerable-score">
                      {formatFigure(b.vulnerability)}
                    </Table.Td>
                    <Table.Td>
                      <ReasonList reasons={b.reasons} score={b.vulnerability} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {list.data && <ScoreFormula weights={list.data.weights} />}
      {canManage && weights.data && <WeightsEditor settings={weights.data} />}
      {canManage && <ErrorAlert error={weights.error} />}
    </>
  );
}
