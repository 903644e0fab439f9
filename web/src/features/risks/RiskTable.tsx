import type { Risk } from '@baken/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../components/RowActions';
import { formatDate } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { LevelBadge } from './LevelBadge';

interface Props {
  risks: Risk[];
  canEdit: boolean;
  onEdit: (r: Risk) => void;
  onDelete: (r: Risk) => void;
}

export function RiskTable({ risks, canEdit, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('risks.table.caption', { count: risks.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('risks.table.title')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.threat')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.about')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.qualities')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.inherent')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.treatment')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.residual')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.owner')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.reviewDate')}</Table.Th>
            <Table.Th scope="col">{t('risks.table.acceptedUntil')}</Table.Th>
            {canEdit && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={500}>
                {r.title}
                {r.measures.length > 0 && (
                  <Text size="xs" fw={400} c="dimmed">
                    {t('risks.table.measures', { codes: r.measures.map((m) => m.code).join(', ') })}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{r.threatName ? inLang(r.threatName, lang) : '—'}</Table.Td>
              <Table.Td>
                {r.processName ? inLang(r.processName, lang) : '—'}
                {r.assetName && (
                  <Text size="sm" c="dimmed">
                    {inLang(r.assetName, lang)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <abbr title={r.qualities.map((q) => t(`risks.qualities.${q}`)).join(', ')}>
                  {r.qualities.map((q) => t(`risks.qualityLetters.${q}`)).join(' ')}
                </abbr>
              </Table.Td>
              <Table.Td>
                <LevelBadge level={r.inherentLevel} />
                <Text size="xs" c="dimmed">
                  {t('risks.table.steps', { l: r.likelihood, i: r.impact })}
                </Text>
              </Table.Td>
              <Table.Td>{r.treatment ? t(`risks.treatments.${r.treatment}`) : '—'}</Table.Td>
              <Table.Td>
                <LevelBadge level={r.residualLevel} />
              </Table.Td>
              <Table.Td>{r.ownerName ?? '—'}</Table.Td>
              <Table.Td>
                {r.reviewDate ? formatDate(r.reviewDate) : '—'}
                {r.overdue && (
                  <Badge color="red.9" variant="filled" radius="sm" ml={4} style={{ textTransform: 'none' }}>
                    {t('risks.table.overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {r.acceptance ? (
                  <>
                    {formatDate(r.acceptance.until)}
                    <Text size="xs" c="dimmed">
                      {t('risks.table.acceptedBy', { by: r.acceptance.by ?? t('risks.acceptance.unknown') })}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <RowActions
                    label={t('risks.table.actionsFor', { title: r.title })}
                    items={[
                      { label: t('risks.edit'), onClick: () => onEdit(r) },
                      { label: t('risks.delete'), danger: true, onClick: () => onDelete(r) },
                    ]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
