import type { Dashboard } from '@baken/contracts';
import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import { ComplianceSummary } from '../compliance/ComplianceSummary';

/** A card per framework: its name linking to its requirements, the results as a bar and in words. */
export function ComplianceSection({ bestuurId, items }: { bestuurId: string; items: Dashboard['compliance'] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  // CyFun first: its Basic level is the regional target.
  const sorted = [...items].sort((a, b) => Number(b.level !== null) - Number(a.level !== null));
  return (
    <section aria-labelledby="dashboard-compliance">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h3" id="dashboard-compliance">
          {t('dashboard.compliance.title')}
        </Title>
        <AnchorLink to="/b/$bestuurId/conformiteit" params={{ bestuurId }} size="sm">
          {t('dashboard.compliance.all')}
        </AnchorLink>
      </Group>
      {sorted.length === 0 ? (
        <Text>{t('dashboard.compliance.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {sorted.map((f) => (
            <Card
              key={f.framework}
              withBorder
              padding="md"
              component="article"
              aria-labelledby={`dashboard-fw-${f.framework}`}
              data-framework={f.framework}
            >
              <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
                <Title order={3} size="h5" id={`dashboard-fw-${f.framework}`}>
                  <AnchorLink
                    to="/b/$bestuurId/conformiteit/$frameworkId"
                    params={{ bestuurId, frameworkId: f.framework }}
                    inherit
                  >
                    {inLang(f.name, lang)}
                  </AnchorLink>
                </Title>
                {f.level && (
                  <Badge variant="outline" color="blue.9" style={{ flexShrink: 0, textTransform: 'none' }}>
                    {t('compliance.levelBadge', { level: t(`compliance.levels.${f.level}`) })}
                  </Badge>
                )}
              </Group>
              <ComplianceSummary summary={f} />
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
