import type { Member } from '@baken/contracts';
import { ActionIcon, Badge, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';

interface Props {
  members: Member[];
  selfUserId: string;
  canManage: boolean;
  onEdit: (m: Member) => void;
  onToggleActive: (m: Member) => void;
}

export function MembersTable({ members, selfUserId, canManage, onEdit, onToggleActive }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('members.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.email')}</Table.Th>
            <Table.Th scope="col">{t('members.role')}</Table.Th>
            <Table.Th scope="col">{t('members.endsAt')}</Table.Th>
            <Table.Th scope="col">{t('members.status')}</Table.Th>
            <Table.Th scope="col">{t('members.lastSignIn')}</Table.Th>
            {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={500}>
                {m.displayName}
                {m.userId === selfUserId && (
                  <Text span size="sm">
                    {' '}
                    ({t('members.you')})
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
              <Table.Td>{m.endsAt ? formatDate(m.endsAt) : '—'}</Table.Td>
              <Table.Td>
                <Badge w="max-content" color={m.active ? 'teal.9' : 'gray.7'}>
                  {m.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>{m.lastSignInAt ? formatDateTime(m.lastSignInAt) : t('members.neverSignedIn')}</Table.Td>
              {canManage && (
                <Table.Td>
                  {m.userId !== selfUserId && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('members.actionsFor', { name: m.displayName })}>
                          <span aria-hidden="true">⋯</span>
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onEdit(m)}>{t('members.edit.action')}</Menu.Item>
                        <Menu.Item color={m.active ? 'red' : undefined} onClick={() => onToggleActive(m)}>
                          {m.active ? t('members.deactivate.action') : t('members.reactivate.action')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
