import type { AuditEvent } from '@baken/contracts';
import { Anchor, Button, Table } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { AuditDiff } from './AuditDiff';

interface Props {
  events: AuditEvent[];
  caption: string;
  onObject: (e: AuditEvent) => void;
  onActor: (e: AuditEvent) => void;
}

export function AuditTable({ events, caption, onObject, onActor }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const typeLabel = (type: string) => (i18n.exists(`objectTypes.${type}`) ? t(`objectTypes.${type}`) : type);

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table verticalSpacing="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.objectType')}</Table.Th>
            <Table.Th scope="col">{t('audit.object')}</Table.Th>
            <Table.Th scope="col">{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const expanded = open.has(e.id);
            const objectName = e.objectLabel ?? e.objectId;
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>
                    {e.actorId ? (
                      <Anchor
                        component="button"
                        fz="inherit"
                        type="button"
                        onClick={() => onActor(e)}
                        aria-label={t('audit.filterActor', { name: e.actorName ?? e.actorId })}
                      >
                        {e.actorName ?? e.actorId}
                      </Anchor>
                    ) : (
                      t('audit.system')
                    )}
                  </Table.Td>
                  <Table.Td>{t(`auditActions.${e.action}`)}</Table.Td>
                  <Table.Td>{typeLabel(e.objectType)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      fz="inherit"
                      type="button"
                      onClick={() => onObject(e)}
                      aria-label={t('audit.historyOf', { name: objectName })}
                    >
                      {objectName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={`audit-detail-${e.id}`}
                      aria-label={t(expanded ? 'audit.hideDetailsOf' : 'audit.showDetailsOf', {
                        action: t(`auditActions.${e.action}`),
                        name: objectName,
                      })}
                      onClick={() => toggle(e.id)}
                    >
                      {expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={`audit-detail-${e.id}`}>
                    <Table.Td colSpan={6} bg="gray.0">
                      <AuditDiff before={e.before} after={e.after} label={t('audit.diffLabel', { name: objectName })} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
