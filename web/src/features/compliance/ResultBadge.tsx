import type { ComplianceResult } from '@baken/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { resultColor } from './format';

/** A requirement's result in words, on its colour. */
export function ResultBadge({ result }: { result: ComplianceResult }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={resultColor[result]} c="dark.9" radius="sm" style={{ textTransform: 'none' }}>
      {t(`compliance.results.${result}`)}
    </Badge>
  );
}
