import type { Member } from '@baken/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../components/RowActions';
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
                    <RowActions
                      label={t('members.actionsFor', { name: m.displayName })}
                      items={[
                        { label: t('members.edit.action'), onClick: () => onEdit(m) },
                        {
                          label: m.active ? t('members.deactivate.action') : t('members.reactivate.action'),
                          onClick: () => onToggleActive(m),
                          danger: m.active,
                        },
                      ]}
                    />
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
