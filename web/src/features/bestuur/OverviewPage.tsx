import type { Bestuur, BestuurProcess } from '@baken/contracts';
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bestuurQuery } from '../../api/besturen';
import { ApiError } from '../../api/client';
import { hasPermission, roleOf, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { hasData, useDashboard } from '../dashboard/api';
import { DashboardSections } from '../dashboard/DashboardSections';
import { useMembers } from '../members/api';
import { useProcesses } from '../processes/api';
import { useBestuurId } from './useBestuurId';

interface NextStep {
  key: string;
  to: string;
  /** Where the step's texts are: `<prefix>.<key>.title` etc. */
  prefix?: string;
}

export function OverviewPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const bestuur = useQuery(bestuurQuery(bestuurId));
  const role = roleOf(session, bestuurId);
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(session, p, bestuurId);
  const members = useMembers(bestuurId, { page: 1, pageSize: 1 }, can('members.view'));
  const processes = useProcesses(bestuurId, can('isms.view'));
  const dashboard = useDashboard(bestuurId, can('isms.view'));

  if (bestuur.isPending) return <Loader aria-label={t('common.loading')} />;
  if (bestuur.error instanceof ApiError && bestuur.error.status === 404) return <NotFoundPage />;
  if (bestuur.error) return <ErrorAlert error={bestuur.error} />;
  const b = bestuur.data;

  const steps: NextStep[] = processSteps(processes.data, can('isms.edit'));
  if (can('members.manage') && members.data && members.data.total <= 1) steps.push({ key: 'invite', to: 'leden' });
  else if (can('members.view')) steps.push({ key: 'members', to: 'leden' });
  if (can('bestuur.edit') && missingDetails(b)) steps.push({ key: 'details', to: 'gegevens' });
  if (can('audit.view')) steps.push({ key: 'audit', to: 'audittrail' });
  if (steps.length === 0) steps.push({ key: 'detailsView', to: 'gegevens' });

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{b.name}</PageTitle>
        <Group gap="sm">
          <Badge variant="light" size="lg">
            {t(`kinds.${b.kind}`)}
          </Badge>
          {!b.active && (
            <Badge color="red.9" size="lg">
              {t('common.inactive')}
            </Badge>
          )}
        </Group>
        <Text mt="sm">{role ? t('overview.yourRole', { role: t(`roles.${role}`) }) : t('overview.regionalView')}</Text>
      </div>
      {dashboard.error && <ErrorAlert error={dashboard.error} />}
      {dashboard.isLoading && <Loader aria-label={t('common.loading')} />}
      {dashboard.data && hasData(dashboard.data) && <DashboardSections bestuurId={bestuurId} data={dashboard.data} />}
      <section aria-labelledby="next-steps">
        <Title order={2} id="next-steps" size="h3" mb="sm">
          {t('overview.nextSteps')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {steps.map((s) => {
            const texts = `${s.prefix ?? 'overview.steps'}.${s.key}`;
            return (
              <Card key={s.key} withBorder padding="lg">
                <Title order={3} size="h4" mb="xs">
                  {t(`${texts}.title`)}
                </Title>
                <Text size="sm" mb="md">
                  {t(`${texts}.text`)}
                </Text>
                <ButtonLink to={`/b/${bestuurId}/${s.to}`} variant="light" mt="auto">
                  {t(`${texts}.action`)}
                </ButtonLink>
              </Card>
            );
          })}
        </SimpleGrid>
      </section>
    </Stack>
  );
}

/**
 * The process list comes first: adopt it, then review the classification (while no asset has
 * left its default yet), then see the required measures.
 */
function processSteps(processes: BestuurProcess[] | undefined, canEdit: boolean): NextStep[] {
  if (!processes) return [];
  const step = (key: string, to: string) => ({ key, to, prefix: 'processes.steps' });
  if (processes.length === 0) return canEdit ? [step('adopt', 'processen')] : [];
  const reviewed = processes.some((p) => p.templateId === null || p.assets.some((a) => a.reason !== null));
  return [...(canEdit && !reviewed ? [step('classify', 'processen')] : []), step('measures', 'maatregelen')];
}

function missingDetails(b: Bestuur): boolean {
  return !b.kboNumber || b.population === null || b.province === null;
}
