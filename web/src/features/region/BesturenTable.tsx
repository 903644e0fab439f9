import type { Bestuur } from '@baken/contracts';
import { ActionIcon, Anchor, Badge, Menu, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
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
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={t('region.actionsFor', { name: b.name })}>
                        <span aria-hidden="true">⋯</span>
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onEdit(b)}>{t('region.edit')}</Menu.Item>
                      <Menu.Item onClick={() => onInviteAdministrator(b)}>{t('region.inviteAdmin.action')}</Menu.Item>
                      <Menu.Item color={b.active ? 'red' : undefined} onClick={() => onToggleActive(b)}>
                        {b.active ? t('region.deactivate.action') : t('region.reactivate.action')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
