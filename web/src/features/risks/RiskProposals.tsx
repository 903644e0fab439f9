import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inLang, type Lang } from '../catalog/format';
import { type RiskProposalItem, useRiskProposals } from './api';

/** Typical risks of the adopted processes that the register does not hold yet, per process. */
export function RiskProposals({
  bestuurId,
  onTakeOver,
}: {
  bestuurId: string;
  onTakeOver: (p: RiskProposalItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const proposals = useRiskProposals(bestuurId);
  if (proposals.isPending) return <Loader aria-label={t('common.loading')} />;
  if (proposals.error) return <ErrorAlert error={proposals.error} />;
  if (proposals.data.length === 0) return <Alert color="blue">{t('risks.proposals.empty')}</Alert>;
  const groups = new Map<string, RiskProposalItem[]>();
  for (const p of proposals.data) groups.set(p.processId, [...(groups.get(p.processId) ?? []), p]);
  return (
    <Stack gap="md">
      <Text size="sm">{t('risks.proposals.intro', { count: proposals.data.length })}</Text>
      {[...groups.values()].map((items) => (
        <section key={items[0].processId} aria-label={inLang(items[0].processName, lang)}>
          <Title order={3} size="h5" mb={6}>
            {inLang(items[0].processName, lang)}
          </Title>
          <Stack gap={6}>
            {items.map((p) => {
              const title = inLang(p.title, lang);
              return (
                <Group key={title} justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">
                    {title}{' '}
                    <Text span size="xs" c="dimmed">
                      {t('risks.proposals.facts', {
                        impact: p.impact,
                        qualities: p.qualities.map((q) => t(`risks.qualityLetters.${q}`)).join(''),
                      })}
                    </Text>
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onTakeOver(p)}
                    aria-label={t('risks.proposals.takeOverNamed', { title })}
                  >
                    {t('risks.proposals.takeOver')}
                  </Button>
                </Group>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
