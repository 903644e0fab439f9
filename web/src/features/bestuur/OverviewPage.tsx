import type { Bestuur } from '@baken/contracts';
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
import { useMembers } from '../members/api';
import { useBestuurId } from './useBestuurId';

interface NextStep {
  key: string;
  to: string;
}

export function OverviewPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const bestuur = useQuery(bestuurQuery(bestuurId));
  const role = roleOf(session, bestuurId);
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(session, p, bestuurId);
  const members = useMembers(bestuurId, { page: 1, pageSize: 1 }, can('members.view'));

  if (bestuur.isPending) return <Loader aria-label={t('common.loading')} />;
  if (bestuur.error instanceof ApiError && bestuur.error.status === 404) return <NotFoundPage />;
  if (bestuur.error) return <ErrorAlert error={bestuur.error} />;
  const b = bestuur.data;

  const steps: NextStep[] = [];
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
      <section aria-labelledby="next-steps">
        <Title order={2} id="next-steps" size="h3" mb="sm">
          {t('overview.nextSteps')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {steps.map((s) => (
            <Card key={s.key} withBorder padding="lg">
              <Title order={3} size="h4" mb="xs">
                {t(`overview.steps.${s.key}.title`)}
              </Title>
              <Text size="sm" mb="md">
                {t(`overview.steps.${s.key}.text`)}
              </Text>
              <ButtonLink to={`/b/${bestuurId}/${s.to}`} variant="light" mt="auto">
                {t(`overview.steps.${s.key}.action`)}
              </ButtonLink>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}

function missingDetails(b: Bestuur): boolean {
  return !b.kboNumber || b.population === null || b.province === null;
}
