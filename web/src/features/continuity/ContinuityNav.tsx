import { Group } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';

const steps = [
  { key: 'overview', path: '' },
  { key: 'selfEvaluation', path: '/zelfevaluatie' },
  { key: 'bia', path: '/bia' },
  { key: 'plan', path: '/plan' },
  { key: 'review', path: '/beoordeling' },
] as const;

/** The path of the continuity work, as links between its pages; the current page is marked for screen readers too. */
export function ContinuityNav({ bestuurId }: { bestuurId: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const root = `/b/${bestuurId}/continuiteit`;
  return (
    <Group component="nav" aria-label={t('continuity.nav.label')} gap="xs" mb="lg">
      {steps.map((s) => {
        const href = `${root}${s.path}`;
        const current = s.path === '' ? pathname === root || pathname === `${root}/` : pathname.startsWith(href);
        return (
          <ButtonLink
            key={s.key}
            to={href}
            size="sm"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {t(`continuity.nav.${s.key}`)}
          </ButtonLink>
        );
      })}
    </Group>
  );
}
