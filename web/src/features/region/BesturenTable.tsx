import type { Bestuur } from '@baken/contracts';
import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../components/RowActions';
import { formatNumber } from '../../lib/format';

interface Props {
  besturen: Bestuur[];
  canManage: boolean;
  onEdit: (b: Bestuur) => void;
  onToggleActive: (b: Bestuur) => void;
  onInviteAdministrator: (b: Bestuur) => void;
}

export function BesturenTable({ besturen, canManage, onEdit, onToggleActive, onInviteAdministrator }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('region.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('bestuur.name')}</Table.Th>
            <Table.Th scope="col">{t('bestuur.kind')}</Table.Th>
            <Table.Th scope="col">{t('bestuur.nisCode')}</Table.Th>
            <Table.Th scope="col">{t('bestuur.province')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('bestuur.population')}
            </Table.Th>
            <Table.Th scope="col">{t('members.status')}</Table.Th>
            {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {besturen.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/b/${b.id}/gegevens`}>
                  {b.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`kinds.${b.kind}`)}</Table.Td>
              <Table.Td>{b.nisCode ?? '—'}</Table.Td>
              <Table.Td>{b.province ? t(`provinces.${b.province}`) : '—'}</Table.Td>
              <Table.Td ta="right">{b.population === null ? '—' : formatNumber(b.population)}</Table.Td>
              <Table.Td>
                <Badge w="max-content" color={b.active ? 'teal.9' : 'gray.7'}>
                  {b.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <RowActions
                    label={t('region.actionsFor', { name: b.name })}
                    items={[
                      { label: t('region.edit'), onClick: () => onEdit(b) },
                      { label: t('region.inviteAdmin.action'), onClick: () => onInviteAdministrator(b) },
                      {
                        label: b.active ? t('region.deactivate.action') : t('region.reactivate.action'),
                        onClick: () => onToggleActive(b),
                        danger: b.active,
                      },
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
