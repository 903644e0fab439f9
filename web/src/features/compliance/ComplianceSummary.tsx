import { type ComplianceResult, complianceResults, type FrameworkCompliance } from '@baken/contracts';
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { cssColor, resultColor } from './format';

const total = (counts: FrameworkCompliance['counts']) => complianceResults.reduce((sum, r) => sum + counts[r], 0);

/**
 * The five results as a stacked bar with the numbers in it, and the same in words beside
 * it: the bar is a picture of the legend, which is what assistive technology reads.
 */
export function ComplianceSummary({ summary }: { summary: FrameworkCompliance }) {
  const { t } = useTranslation();
  const all = total(summary.counts);
  const shown = complianceResults.filter((r) => summary.counts[r] > 0);
  return (
    <div>
      <Group justify="space-between" align="baseline" mb={6}>
        <Text fw={700} size="lg">
          {summary.score === null
            ? t('compliance.scoreNone')
            : t('compliance.score', { score: formatNumber(summary.score) })}
        </Text>
        <Text size="sm">{t('compliance.requirementCount', { count: all })}</Text>
      </Group>
      {all > 0 && (
        <Box
          aria-hidden
          style={{
            display: 'flex',
            height: 28,
            borderRadius: 'var(--mantine-radius-sm)',
            overflow: 'hidden',
            border: '1px solid var(--mantine-color-gray-5)',
          }}
        >
          {shown.map((r) => (
            <Segment key={r} result={r} count={summary.counts[r]} share={summary.counts[r] / all} />
          ))}
        </Box>
      )}
      <Box component="ul" m={0} mt="xs" p={0} style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {complianceResults.map((r) => (
          <Group component="li" key={r} gap={6} wrap="nowrap">
            <Box
              aria-hidden
              w={12}
              h={12}
              style={{ background: cssColor(resultColor[r]), border: '1px solid var(--mantine-color-gray-6)' }}
            />
            <Text size="sm">
              {t(`compliance.results.${r}`)}: <strong>{summary.counts[r]}</strong>
            </Text>
          </Group>
        ))}
      </Box>
    </div>
  );
}

function Segment({ result, count, share }: { result: ComplianceResult; count: number; share: number }) {
  return (
    <Box
      style={{
        width: `${share * 100}%`,
        background: cssColor(resultColor[result]),
        color: 'var(--mantine-color-dark-9)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 'var(--mantine-font-size-xs)',
        fontWeight: 700,
        overflow: 'hidden',
        whiteSpace: 'nowrap',
      }}
    >
      {share >= 0.06 ? count : ''}
    </Box>
  );
}
