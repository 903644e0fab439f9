import { Alert, Anchor, Badge, Group, List, Loader, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRegionBestuur } from './api';
import { formatFigure } from './format';
import { IndicatorList } from './Indicators';
import { ReasonList } from './Reasons';
import { monitoringBase } from './RegionParts';
import { BestuurTrendChart } from './TrendParts';

/** /regio/monitoring/besturen/$id: one bestuur as the region sees it. */
export function BestuurMonitoringPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const detail = useRegionBestuur(id);
  // Only a coach ever sees details; the supervisor cannot tell whether a bestuur shares.
  const isCoach = useRequiredSession().user.regionalRoles.includes('coach');
  const d = detail.data;
  return (
    <>
      <Anchor component={Link} to={monitoringBase} size="sm">
        {t('monitoring.bestuur.back')}
      </Anchor>
      {detail.isPending && <Loader aria-label={t('common.loading')} display="block" />}
      <ErrorAlert error={detail.error} />
      {d && (
        <>
          <PageTitle>{d.indicators.name}</PageTitle>
          <Text mb="md" mt={-8}>
            {t(`kinds.${d.indicators.kind}`)} · {t(`monitoring.size.${d.indicators.sizeClass}`)}
            {d.indicators.province ? ` · ${t(`provinces.${d.indicators.province}`)}` : ''}
          </Text>
          <IndicatorList item={d.indicators} headingId="bestuur-indicators" />
          <section aria-labelledby="bestuur-score">
            <Title order={2} size="h3" id="bestuur-score" mt="xl" mb="xs">
              {t('monitoring.bestuur.scoreTitle')}
            </Title>
            <Text mb="xs" data-testid="bestuur-score">
              {t('monitoring.bestuur.score', { score: formatFigure(d.indicators.vulnerability) })}{' '}
              <Anchor component={Link} to={`${monitoringBase}/kwetsbaar`} size="sm">
                {t('monitoring.bestuur.howScore')}
              </Anchor>
            </Text>
            <ReasonList reasons={d.reasons} score={d.indicators.vulnerability} />
          </section>
          <section aria-labelledby="bestuur-trend">
            <Title order={2} size="h3" id="bestuur-trend" mt="xl" mb="xs">
              {t('monitoring.bestuur.trendTitle')}
            </Title>
            <BestuurTrendChart points={d.trend} />
          </section>
          <section aria-labelledby="bestuur-shared">
            <Group mt="xl" mb="xs" gap="sm">
              <Title order={2} size="h3" id="bestuur-shared">
                {t('monitoring.bestuur.sharedTitle')}
              </Title>
              {isCoach && (
                <Badge color={d.shared ? 'teal.9' : 'gray.7'}>
                  {d.shared ? t('monitoring.bestuur.sharedOn') : t('monitoring.bestuur.sharedOff')}
                </Badge>
              )}
            </Group>
            {d.shared ? (
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="shared-details">
                <SharedList title={t('monitoring.bestuur.blocking')} empty={t('monitoring.bestuur.noneBlocking')}>
                  {d.shared.blocking.map((b) => (
                    <List.Item key={b.id}>
                      <Text span ff="monospace" size="sm" fw={700}>
                        {b.id}
                      </Text>{' '}
                      {b.title}
                    </List.Item>
                  ))}
                </SharedList>
                <SharedList title={t('monitoring.bestuur.overdue')} empty={t('monitoring.bestuur.noneOverdue')}>
                  {d.shared.overdue.map((m) => (
                    <List.Item key={m.code}>
                      <Text span ff="monospace" size="sm" fw={700}>
                        {m.code}
                      </Text>{' '}
                      {m.title}
                    </List.Item>
                  ))}
                </SharedList>
                <SharedList title={t('monitoring.bestuur.topRisks')} empty={t('monitoring.bestuur.noneRisks')}>
                  {d.shared.topRisks.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: titles may repeat; the order is the ranking
                    <List.Item key={i}>
                      {r.title} (
                      {t('monitoring.bestuur.level', {
                        level: r.levelName?.[i18n.language === 'en' ? 'en' : 'nl'] ?? r.level,
                      })}
                      )
                    </List.Item>
                  ))}
                </SharedList>
              </SimpleGrid>
            ) : (
              <Alert color="gray" data-testid="shared-hidden">
                {t(isCoach ? 'monitoring.bestuur.notShared' : 'monitoring.bestuur.coachOnly')}
              </Alert>
            )}
          </section>
        </>
      )}
    </>
  );
}

function SharedList({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {children}
        </List>
      )}
    </Paper>
  );
}
