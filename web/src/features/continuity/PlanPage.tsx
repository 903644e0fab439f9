import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { planDocUrl, usePlan } from './api';
import { ContinuityNav } from './ContinuityNav';
import { ExercisesSection } from './ExercisesSection';
import {
  ActivationSection,
  CommunicationSection,
  CrisisSection,
  DocumentControlSection,
  ScopeSection,
} from './PlanTextSections';
import { RecoverySection, StrategiesSection } from './StrategiesSection';
import { formatDateTime } from './values';

const sectionIds = [
  'toepassingsgebied',
  'crisisorganisatie',
  'activatie',
  'strategieen',
  'herstel',
  'communicatie',
  'oefeningen',
  'documentbeheer',
] as const;

/** The continuity plan, section by section in the order of the document, with its downloads. */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const bestuurId = useBestuurId();
  const canEdit = hasPermission(useRequiredSession(), 'isms.edit', bestuurId);
  const plan = usePlan(bestuurId);
  const p = plan.data;
  const props = p ? { plan: p, bestuurId, canEdit } : null;
  const { hash } = useLocation();
  const loaded = p !== undefined;
  // A check links to a section (#herstel); the plan arrives after the navigation, so scroll once it is there.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash)?.scrollIntoView();
  }, [loaded, hash]);

  return (
    <>
      <PageTitle>{t('continuity.plan.title')}</PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <Text mb="sm" maw={760}>
        {t('continuity.plan.intro')}
      </Text>
      <Group gap="xs" mb="md" role="group" aria-label={t('continuity.plan.downloads')}>
        <Button component="a" href={planDocUrl(bestuurId, 'docx')} download variant="default" size="sm">
          {t('continuity.plan.docx')}
        </Button>
        <Button component="a" href={planDocUrl(bestuurId, 'pdf')} download variant="default" size="sm">
          {t('continuity.plan.pdf')}
        </Button>
      </Group>
      {p?.updatedAt && (
        <Text size="sm" mb="md">
          {t('continuity.plan.lastChange', {
            date: formatDateTime(p.updatedAt, i18n.language),
            by: p.updatedBy ?? '—',
          })}
        </Text>
      )}
      <Group component="nav" aria-label={t('continuity.plan.toc')} gap="md" mb="md">
        {sectionIds.map((id) => (
          <Anchor key={id} href={`#${id}`} size="sm">
            {t(`continuity.plan.sections.${id}`)}
          </Anchor>
        ))}
      </Group>
      <ErrorAlert error={plan.error} />
      {plan.isPending && <Loader aria-label={t('common.loading')} />}
      {props && (
        <Stack gap="lg">
          <ScopeSection {...props} />
          <CrisisSection {...props} />
          <ActivationSection {...props} />
          <StrategiesSection {...props} />
          <RecoverySection bestuurId={bestuurId} canEdit={canEdit} />
          <CommunicationSection {...props} />
          <ExercisesSection {...props} />
          <DocumentControlSection {...props} />
        </Stack>
      )}
    </>
  );
}
