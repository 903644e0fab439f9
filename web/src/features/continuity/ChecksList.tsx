import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import type { ContinuityCheck } from './api';

const SHORT = 10;

/** Where a check is fixed: the BIA of its process, or the plan's section. */
function fixLink(bestuurId: string, c: ContinuityCheck): { to: string; hash?: string } {
  const root = `/b/${bestuurId}/continuiteit`;
  switch (c.code) {
    case 'rto_exceeds_mtpd':
      return { to: `${root}/bia/${c.subject?.id ?? ''}` };
    case 'critical_without_procedure':
      return { to: `${root}/plan`, hash: c.subject ? `strategie-${c.subject.id}` : 'strategieen' };
    case 'application_slower_than_rto':
    case 'application_without_recovery_time':
      return { to: `${root}/plan`, hash: 'herstel' };
    case 'no_recent_exercise':
      return { to: `${root}/plan`, hash: 'oefeningen' };
    case 'crisis_member_without_phone':
      return { to: `${root}/plan`, hash: 'crisisorganisatie' };
  }
}

/** The consistency checks, each with what is wrong, what to do and a link to where it is fixed. */
export function ChecksList({ bestuurId, checks }: { bestuurId: string; checks: ContinuityCheck[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [all, setAll] = useState(false);
  // The most serious first; a long list (every critical process without a procedure) shows its first ten.
  const sorted = [...checks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'hoog' ? -1 : 1));
  const shown = all ? sorted : sorted.slice(0, SHORT);
  return (
    <section aria-labelledby="continuity-checks">
      <Title order={2} size="h3" id="continuity-checks" mb="xs">
        {t('continuity.checks.title')}
      </Title>
      {checks.length === 0 ? (
        <Alert color="green">{t('continuity.checks.none')}</Alert>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('continuity.checks.count', { count: checks.length })}
          </Text>
          <List spacing="sm" listStyleType="none" ml={0} pl={0}>
            {shown.map((c, i) => {
              const link = fixLink(bestuurId, c);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a check has no id; the list is rebuilt as a whole
                <List.Item key={`${c.code}-${c.subject?.id ?? ''}-${i}`}>
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Badge color={c.severity === 'hoog' ? 'red' : 'orange'} variant="light">
                        {t(`continuity.checks.severity.${c.severity}`)}
                      </Badge>
                      <Text fw={600}>{inLang(c.message, lang)}</Text>
                    </Group>
                    <Text size="sm">
                      {t(`continuity.checks.todo.${c.code}`)}{' '}
                      <AnchorLink to={link.to} hash={link.hash} size="sm">
                        {t(`continuity.checks.fix.${c.code}`)}
                      </AnchorLink>
                    </Text>
                  </Stack>
                </List.Item>
              );
            })}
          </List>
          {checks.length > SHORT && (
            <Button variant="subtle" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? t('continuity.checks.showFewer') : t('continuity.checks.showAll', { count: checks.length })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
