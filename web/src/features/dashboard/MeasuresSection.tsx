import { type Dashboard, type MeasureStatus, measureStatuses } from '@baken/contracts';
import { Box, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { formatDate } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { statusColour } from './format';

type Measures = Dashboard['measures'];

/** The required measures by status (a bar with the numbers, and the same in words) and the overdue ones. */
export function MeasuresSection({ bestuurId, measures }: { bestuurId: string; measures: Measures }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-measures">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h3" id="dashboard-measures">
          {t('dashboard.measures.title')}
        </Title>
        <AnchorLink to="/b/$bestuurId/maatregelen" params={{ bestuurId }} size="sm">
          {t('dashboard.measures.all')}
        </AnchorLink>
      </Group>
      <Text mb={6}>{t('dashboard.measures.required', { count: measures.required })}</Text>
      {measures.required > 0 && <StatusBar measures={measures} />}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('dashboard.measures.overdueTitle', { count: measures.overdue.length })}
      </Title>
      {measures.overdue.length === 0 ? (
        <Text size="sm">{t('dashboard.measures.noneOverdue')}</Text>
      ) : (
        <>
          <OverdueTable bestuurId={bestuurId} overdue={measures.overdue} />
          <AnchorLink to="/b/$bestuurId/maatregelen" params={{ bestuurId }} search={{ overdue: true }} size="sm">
            {t('dashboard.measures.allOverdue')}
          </AnchorLink>
        </>
      )}
    </section>
  );
}

function StatusBar({ measures }: { measures: Measures }) {
  const { t } = useTranslation();
  const count = (s: MeasureStatus) => measures.byStatus[s] ?? 0;
  const shown = measureStatuses.filter((s) => count(s) > 0);
  return (
    <>
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
        {shown.map((s) => {
          const share = count(s) / measures.required;
          return (
            <Box
              key={s}
              style={{
                width: `${share * 100}%`,
                background: statusColour[s],
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
              {share >= 0.06 ? count(s) : ''}
            </Box>
          );
        })}
      </Box>
      <Box
        component="ul"
        m={0}
        mt="xs"
        p={0}
        style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 12 }}
        data-testid="measure-statuses"
      >
        {measureStatuses.map((s) => (
          <Group component="li" key={s} gap={6} wrap="nowrap">
            <Box
              aria-hidden
              w={12}
              h={12}
              style={{ background: statusColour[s], border: '1px solid var(--mantine-color-gray-6)' }}
            />
            <Text size="sm">
              {t(`compliance.statuses.${s}`)}: <strong>{count(s)}</strong>
            </Text>
          </Group>
        ))}
      </Box>
    </>
  );
}

function OverdueTable({ bestuurId, overdue }: { bestuurId: string; overdue: Measures['overdue'] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} captionSide="top" data-testid="overdue-measures">
        <Table.Caption>{t('dashboard.measures.overdueCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.measures.measure')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.measures.status')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.measures.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.measures.reviewDate')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.measures.owner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overdue.map((m) => (
            <Table.Tr key={m.code}>
              <Table.Th scope="row" fw="normal">
                <AnchorLink to="/b/$bestuurId/maatregelen" params={{ bestuurId }} search={{ q: m.code }} size="sm">
                  {m.code}
                </AnchorLink>{' '}
                <Text size="sm" span>
                  {inLang(m.title, lang)}
                </Text>
              </Table.Th>
              <Table.Td>{t(`compliance.statuses.${m.status}`, { defaultValue: m.status })}</Table.Td>
              <Table.Td>{formatDate(m.dueDate) || '—'}</Table.Td>
              <Table.Td>{formatDate(m.reviewDate) || '—'}</Table.Td>
              <Table.Td>{m.ownerName ?? t('dashboard.measures.noOwner')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
