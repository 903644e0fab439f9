import type { FrameworkCompliance } from '@baken/contracts';
import { Badge, Card, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import { ComplianceSummary } from './ComplianceSummary';
import type { Level } from './search';

/** One framework: its name (linking to its requirements), the results as a bar and in words, and the score. */
export function FrameworkCard({ bestuurId, summary }: { bestuurId: string; summary: FrameworkCompliance }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const level = summary.level as Level | null;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`framework-${summary.framework}`}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id={`framework-${summary.framework}`}>
          <AnchorLink
            to="/b/$bestuurId/conformiteit/$frameworkId"
            params={{ bestuurId, frameworkId: summary.framework }}
            search={{ level: level && level !== 'basic' ? level : undefined }}
            inherit
          >
            {inLang(summary.name, lang)}
          </AnchorLink>
        </Title>
        {level && (
          <Badge variant="outline" color="blue.9" style={{ flexShrink: 0, textTransform: 'none' }}>
            {t('compliance.levelBadge', { level: t(`compliance.levels.${level}`) })}
          </Badge>
        )}
      </Group>
      <ComplianceSummary summary={summary} />
    </Card>
  );
}
