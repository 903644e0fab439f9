import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { type ReviewItem, useBiaList, useChecks, useEvaluations, usePlan, useReviews } from './api';
import { ChecksList } from './ChecksList';
import { ContinuityNav } from './ContinuityNav';
import { formatDate } from './values';

type Status = 'todo' | 'busy' | 'done';
const statusColor: Record<Status, string> = { todo: 'gray', busy: 'orange', done: 'green' };

interface Step {
  key: string;
  status: Status;
  detail: string;
  to: string;
}

const latest = (reviews: ReviewItem[], subject: 'bia' | 'plan') => reviews.find((r) => r.subject === subject);

/** The continuity path at a glance: self-evaluation, BIA, plan and review, each with its status, and the checks. */
export function ContinuityPage() {
  const { t, i18n } = useTranslation();
  const bestuurId = useBestuurId();
  const evaluations = useEvaluations(bestuurId);
  const bia = useBiaList(bestuurId);
  const plan = usePlan(bestuurId);
  const reviews = useReviews(bestuurId);
  const checks = useChecks(bestuurId);
  const root = `/b/${bestuurId}/continuiteit`;
  const pending = [evaluations, bia, plan, reviews].some((q) => q.isPending);
  const error = evaluations.error ?? bia.error ?? plan.error ?? reviews.error;

  const steps: Step[] = [];
  if (evaluations.data && bia.data && plan.data && reviews.data) {
    const last = evaluations.data[0];
    steps.push({
      key: 'selfEvaluation',
      status: last ? 'done' : 'todo',
      detail: last
        ? t('continuity.overview.evaluated', {
            date: formatDate(last.createdAt, i18n.language),
            percent: last.score.percent,
            count: evaluations.data.length,
          })
        : t('continuity.overview.notEvaluated'),
      to: `${root}/zelfevaluatie`,
    });
    const c = bia.data.counts;
    steps.push({
      key: 'bia',
      status: c.saved === 0 ? 'todo' : c.saved < c.processes ? 'busy' : 'done',
      detail: t('continuity.overview.biaCounts', { saved: c.saved, processes: c.processes, critical: c.critical }),
      to: `${root}/bia`,
    });
    const withProcedure = plan.data.strategies.filter((s) => s.strategy && s.procedure).length;
    steps.push({
      key: 'plan',
      status: plan.data.version === 0 ? 'todo' : withProcedure < plan.data.strategies.length ? 'busy' : 'done',
      detail:
        plan.data.version === 0
          ? t('continuity.overview.planEmpty')
          : t('continuity.overview.planState', {
              date: formatDate(plan.data.updatedAt, i18n.language),
              done: withProcedure,
              critical: plan.data.strategies.length,
            }),
      to: `${root}/plan`,
    });
    const parts = (['bia', 'plan'] as const).map((s) => {
      const r = latest(reviews.data, s);
      return t('continuity.overview.reviewOf', {
        subject: t(`continuity.review.subjects.${s}`),
        state: r ? t(`continuity.review.states.${r.state}`) : t('continuity.overview.notSubmitted'),
      });
    });
    const accepted = reviews.data.some((r) => r.state === 'aanvaard' && r.subject === 'plan');
    steps.push({
      key: 'review',
      status: reviews.data.length === 0 ? 'todo' : accepted ? 'done' : 'busy',
      detail: parts.join(' · '),
      to: `${root}/beoordeling`,
    });
  }

  return (
    <>
      <PageTitle>{t('continuity.title')}</PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <Text mb="md" maw={760}>
        {t('continuity.overview.intro')}
      </Text>
      <ErrorAlert error={error} />
      {pending && <Loader aria-label={t('common.loading')} />}
      {steps.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="xl" component="ol" style={{ listStyle: 'none', padding: 0 }}>
          {steps.map((s, i) => (
            <Card key={s.key} withBorder component="li">
              <Stack gap="xs" h="100%">
                <Title order={2} size="h4">
                  {t('continuity.overview.stepTitle', { n: i + 1, name: t(`continuity.nav.${s.key}`) })}
                </Title>
                <Group>
                  <Badge color={statusColor[s.status]} variant="light">
                    {t(`continuity.overview.status.${s.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" style={{ flexGrow: 1 }}>
                  {s.detail}
                </Text>
                <ButtonLink to={s.to} variant="default" size="sm">
                  {t(`continuity.overview.open.${s.key}`)}
                </ButtonLink>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <ErrorAlert error={checks.error} />
      {checks.data && <ChecksList bestuurId={bestuurId} checks={checks.data} />}
    </>
  );
}
