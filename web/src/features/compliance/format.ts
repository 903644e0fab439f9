import type { ComplianceResult } from '@baken/contracts';

/**
 * Light tints with dark text keep the contrast; the text (or the number in the legend)
 * carries the result, the colour only helps.
 */
export const resultColor: Record<ComplianceResult, string> = {
  compliant: 'green.4',
  'partially-compliant': 'yellow.4',
  'non-compliant': 'red.4',
  'not-assessed': 'gray.4',
  'not-applicable': 'blue.1',
};

export const cssColor = (c: string) => {
  const [name, shade] = c.split('.');
  return `var(--mantine-color-${name}-${shade})`;
};
