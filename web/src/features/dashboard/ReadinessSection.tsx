import { type ComplianceResult, complianceResults, type Dashboard } from '@baken/contracts';
import { Badge, Group, List, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import { ResultBadge } from '../compliance/ResultBadge';
import { formatScore } from '../cyfun/format';
import { thresholds } from '../cyfun/model';

type Readiness = Dashboard['readiness'];
type Failure = Readiness['failures'][number];

/** The register's readiness is read against this edition (the server's choice too). */
const EDITION_FRAMEWORK = 'cyfun-2023-03-01';
const SHOWN = 10;

const isResult = (r: string): r is ComplianceResult => (complianceResults as readonly string[]).includes(r);

/** Does the bestuur reach CyFun Basic, on what basis, and what stands in the way (key measures first). */
export function ReadinessSection({
  bestuurId,
  readiness,
  compliance,
}: {
  bestuurId: string;
  readiness: Readiness;
  compliance: Dashboard['compliance'];
}) {
  const { t } = useTranslation();
  const level = t(`compliance.levels.${readiness.target}`);
  const cyfun = compliance.find((f) => f.framework === EDITION_FRAMEWORK);
  return (
    <section aria-labelledby="dashboard-readiness">
      <Title order={2} size="h3" id="dashboard-readiness" mb="sm">
        {t('dashboard.readiness.title', { level })}
      </Title>
      <Group gap="sm" mb="xs">
        <Badge
          color={readiness.passed ? 'green.4' : 'red.4'}
          c="dark.9"
          variant="filled"
          size="lg"
          style={{ textTransform: 'none' }}
          data-testid="readiness-verdict"
        >
          {readiness.passed ? t('dashboard.readiness.passed', { level }) : t('dashboard.readiness.failed', { level })}
        </Badge>
      </Group>
      {readiness.basis === 'assessment' ? (
        <>
          <Text mb="xs">
            {t('dashboard.readiness.fromAssessment', {
              total: formatScore(readiness.total),
              threshold: formatScore(thresholds[readiness.target].total),
            })}
          </Text>
          {readiness.assessmentId && (
            <AnchorLink
              to="/b/$bestuurId/cyberfundamentals/$assessmentId"
              params={{ bestuurId, assessmentId: readiness.assessmentId }}
              size="sm"
            >
              {t('dashboard.readiness.toAssessment')}
            </AnchorLink>
          )}
          <FailureList readiness={readiness} />
        </>
      ) : (
        <>
          <Text mb="xs">
            {cyfun
              ? t('dashboard.readiness.fromMeasures', {
                  compliant: cyfun.counts.compliant,
                  count: complianceResults.reduce((n, r) => n + cyfun.counts[r], 0) - cyfun.counts['not-applicable'],
                })
              : t('dashboard.readiness.fromMeasuresShort')}
          </Text>
          <AnchorLink to="/b/$bestuurId/cyberfundamentals" params={{ bestuurId }} size="sm">
            {t('dashboard.readiness.toCyfun')}
          </AnchorLink>
          <BlockingTable bestuurId={bestuurId} readiness={readiness} />
        </>
      )}
    </section>
  );
}

/** The assessment's failing criteria, one line each, in words. */
function FailureList({ readiness }: { readiness: Readiness }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  if (readiness.failures.length === 0) return null;
  const titles = new Map(readiness.blockingRequirements.map((r) => [r.id, inLang(r.title, lang)]));
  const line = (f: Failure) => {
    const values = {
      id: f.id ?? '',
      title: (f.id && titles.get(f.id)) || '',
      value: formatScore(f.value),
      threshold: formatScore(f.threshold),
      count: f.value ?? 0,
    };
    if (f.criterion === 'notApplicableNotAllowed')
      return t(`dashboard.readiness.failures.notApplicableNotAllowed.${f.reason ?? 'keyMeasure'}`, values);
    return t(`dashboard.readiness.failures.${f.criterion}`, values);
  };
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('dashboard.readiness.blocking')}
      </Title>
      <List size="sm" spacing={4} data-testid="readiness-failures">
        {readiness.failures.map((f) => (
          <List.Item key={`${f.criterion}-${f.id ?? ''}`}>{line(f)}</List.Item>
        ))}
      </List>
    </>
  );
}

/** The requirements of the level that are not compliant yet, key measures first, each linking to its details. */
function BlockingTable({ bestuurId, readiness }: { bestuurId: string; readiness: Readiness }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const all = readiness.blockingRequirements;
  if (all.length === 0) return null;
  const shown = all.slice(0, SHOWN);
  const keys = all.filter((r) => r.keyMeasure).length;
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('dashboard.readiness.blocking')}
      </Title>
      <Text size="sm" mb="xs">
        {t('dashboard.readiness.blockingCount', { count: all.length, keys })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} captionSide="top" data-testid="readiness-blocking">
          <Table.Caption>
            {t('dashboard.readiness.blockingCaption', { shown: shown.length, count: all.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.readiness.requirement')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.readiness.requirementTitle')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.readiness.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  <AnchorLink
                    to="/b/$bestuurId/conformiteit/$frameworkId"
                    params={{ bestuurId, frameworkId: EDITION_FRAMEWORK }}
                    search={{ requirement: r.id }}
                    size="sm"
                  >
                    {r.id}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" span>
                    {inLang(r.title, lang)}
                  </Text>
                  {r.keyMeasure && (
                    <Badge ml="xs" variant="outline" color="red.9" size="sm" style={{ textTransform: 'none' }}>
                      {t('dashboard.readiness.keyMeasure')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{isResult(r.result) ? <ResultBadge result={r.result} /> : r.result}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {all.length > shown.length && (
        <AnchorLink
          to="/b/$bestuurId/conformiteit/$frameworkId"
          params={{ bestuurId, frameworkId: EDITION_FRAMEWORK }}
          size="sm"
        >
          {t('dashboard.readiness.allRequirements', { count: all.length })}
        </AnchorLink>
      )}
    </>
  );
}
