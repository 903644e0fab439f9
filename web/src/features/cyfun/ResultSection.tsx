import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CategoryCharts } from './CategoryCharts';
import { formatScore } from './format';
import { thresholds } from './model';
import type { Assessment, Failure } from './types';

const MISSING_SHOWN = 40;

/** A requirement or category id that takes the user to its row (or category) in the editor. */
function Jump({ id, onJump }: { id: string; onJump: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => onJump(id)}
      aria-label={t('cyfun.result.goTo', { id })}
    >
      {id}
    </Anchor>
  );
}

export function PassBadge({ passed, level }: { passed: boolean | null; level: Assessment['level'] }) {
  const { t } = useTranslation();
  const name = t(`cyfun.levels.${level}`);
  if (passed === null)
    return (
      <Badge color="gray.3" c="dark.9" variant="filled" style={{ textTransform: 'none' }}>
        {t('cyfun.result.incompleteShort')}
      </Badge>
    );
  return (
    <Badge color={passed ? 'green.4' : 'red.4'} c="dark.9" variant="filled" style={{ textTransform: 'none' }}>
      {passed ? t('cyfun.result.passedFor', { level: name }) : t('cyfun.result.failedFor', { level: name })}
    </Badge>
  );
}

/** The score against the thresholds of the level: pass or fail per criterion with what fails. */
export function ResultSection({ assessment, onJump }: { assessment: Assessment; onJump: (id: string) => void }) {
  const { t } = useTranslation();
  const { result, level } = assessment;
  const th = thresholds[level];
  const rule = assessment.naRules[level];

  if (!result.complete) {
    const shown = result.missing.slice(0, MISSING_SHOWN);
    return (
      <Alert color="blue" title={t('cyfun.result.incompleteTitle')}>
        <Text size="sm" mb="sm">
          {t('cyfun.result.incomplete', { count: result.missing.length })}
        </Text>
        <Group gap="xs">
          {shown.map((id) => (
            <Jump key={id} id={id} onJump={onJump} />
          ))}
          {result.missing.length > shown.length && (
            <Text size="sm">{t('cyfun.result.andMore', { count: result.missing.length - shown.length })}</Text>
          )}
        </Group>
      </Alert>
    );
  }

  const of = (c: Failure['criterion']) => result.failures.filter((f) => f.criterion === c);
  const naFailures = [...of('notApplicableCount'), ...of('notApplicableNotAllowed')];
  const criteria = [
    {
      key: 'keyMeasures',
      rule: t('cyfun.result.rules.keyMeasure', { threshold: formatScore(th.keyMeasure) }),
      failures: of('keyMeasure'),
    },
    {
      key: 'categories',
      rule:
        th.category === null
          ? t('cyfun.result.rules.categoryNone')
          : t('cyfun.result.rules.category', { threshold: formatScore(th.category) }),
      failures: of('category'),
    },
    {
      key: 'total',
      rule: t('cyfun.result.rules.total', { threshold: formatScore(th.total) }),
      failures: of('total'),
    },
    {
      key: 'notApplicable',
      rule: t('cyfun.result.rules.notApplicable', { max: rule.max, score: formatScore(rule.score) }),
      failures: naFailures,
    },
  ];

  return (
    <Stack gap="lg">
      <Group gap="md" align="center">
        <Text size="lg" fw={600}>
          {t('cyfun.result.total', { value: formatScore(result.total), threshold: formatScore(th.total) })}
        </Text>
        <PassBadge passed={result.passed} level={level} />
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="sm" captionSide="top" striped>
          <Table.Caption>{t('cyfun.result.criteriaCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cyfun.result.criterion')}</Table.Th>
              <Table.Th scope="col">{t('cyfun.result.rule')}</Table.Th>
              <Table.Th scope="col">{t('cyfun.result.outcome')}</Table.Th>
              <Table.Th scope="col">{t('cyfun.result.failing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((c) => (
              <Table.Tr key={c.key} data-criterion={c.key}>
                <Table.Th scope="row">{t(`cyfun.result.criteria.${c.key}`)}</Table.Th>
                <Table.Td>{c.rule}</Table.Td>
                <Table.Td>
                  <Badge
                    color={c.failures.length ? 'red.4' : 'green.4'}
                    c="dark.9"
                    variant="filled"
                    style={{ textTransform: 'none' }}
                  >
                    {c.failures.length ? t('cyfun.result.fail') : t('cyfun.result.pass')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {c.failures.length === 0 ? '—' : <FailureList failures={c.failures} onJump={onJump} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <div>
        <Title order={2} size="h3" mb="xs">
          {t('cyfun.chart.title')}
        </Title>
        <CategoryCharts assessment={assessment} />
      </div>
    </Stack>
  );
}

function FailureList({ failures, onJump }: { failures: Failure[]; onJump: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {failures.map((f) => (
        <List.Item key={`${f.criterion}-${f.id ?? ''}`}>
          {f.criterion === 'total' && t('cyfun.result.totalBelow', { value: formatScore(f.value) })}
          {(f.criterion === 'keyMeasure' || f.criterion === 'category') && f.id && (
            <>
              <Jump id={f.id} onJump={onJump} /> {t('cyfun.result.valueBelow', { value: formatScore(f.value) })}
            </>
          )}
          {f.criterion === 'notApplicableNotAllowed' && f.id && (
            <>
              <Jump id={f.id} onJump={onJump} /> {t(`cyfun.result.naNotAllowed.${f.reason ?? 'keyMeasure'}`)}
            </>
          )}
          {f.criterion === 'notApplicableCount' && (
            <>
              {t('cyfun.result.naCount', { count: f.value ?? 0, max: f.threshold ?? 0 })}{' '}
              {(f.ids ?? []).map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Jump id={id} onJump={onJump} />
                </span>
              ))}
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}
