import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

const stop = { 'data-mantine-stop-propagation': 'true' };

/** One field as the user has it in the form and as someone else saved it. */
export interface ConflictRow {
  label: string;
  mine: string;
  current: string;
}

interface Props<T> {
  /** The save's error; the dialog opens for a 409 VERSION_CONFLICT that carries the current state. */
  error: unknown;
  /** The fields to compare, from the current state (the form knows its own values). */
  compare: (current: T) => ConflictRow[];
  /** Take theirs: load the current state into the form. */
  onReload: (current: T) => void;
  /** Keep mine: save the form again on top of the current version. */
  onKeepMine: (current: T) => void;
  /** Whether keeping mine is under way. */
  saving?: boolean;
}

/**
 * For a save that someone else beat (409): a dialog that offers to reload their version or to
 * compare it field by field with the form, then keep one of the two. Closed, it leaves a line
 * in the form to open it again.
 */
export function ConflictDialog<T>({ error, compare, onReload, onKeepMine, saving }: Props<T>) {
  const { t } = useTranslation();
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? error : null;
  const current = conflict?.current as T | undefined;
  // Each new conflict opens the dialog again; `closedFor` remembers which one was closed.
  const [closedFor, setClosedFor] = useState<unknown>(null);
  const [comparing, setComparing] = useState<unknown>(null);
  if (!conflict || current === undefined) return null;
  const opened = closedFor !== conflict;
  const close = () => setClosedFor(conflict);
  const showCompare = comparing === conflict;
  const rows = showCompare ? compare(current) : [];
  const differing = rows.filter((r) => r.mine !== r.current).length;

  return (
    <>
      <Alert color="orange" role="alert" title={t('conflictDialog.title')}>
        <Text size="sm" mb="xs">
          {conflict.message}
        </Text>
        {!opened && (
          <Button size="xs" variant="white" onClick={() => setClosedFor(null)}>
            {t('conflictDialog.open')}
          </Button>
        )}
      </Alert>
      {/*
        The dialog opens over a drawer or another dialog, which close on Escape too (Mantine listens on
        the window). Escape on an element marked data-mantine-stop-propagation closes neither, so the
        dialog's own controls carry the mark and this dialog handles Escape itself: the form stays.
      */}
      <Modal
        opened={opened}
        onClose={close}
        closeOnEscape={false}
        title={t('conflictDialog.title')}
        size={showCompare ? 'xl' : 'md'}
        closeButtonProps={{ 'aria-label': t('common.close'), ...stop }}
      >
        <Stack onKeyDown={(e) => e.key === 'Escape' && close()}>
          <Text size="sm">{conflict.message}</Text>
          {showCompare && (
            <>
              <Text size="sm">{t('conflictDialog.differing', { count: differing })}</Text>
              <Table.ScrollContainer minWidth={480}>
                <Table captionSide="top" verticalSpacing="xs">
                  <Table.Caption>{t('conflictDialog.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('conflictDialog.field')}</Table.Th>
                      <Table.Th scope="col">{t('conflictDialog.mine')}</Table.Th>
                      <Table.Th scope="col">{t('conflictDialog.current')}</Table.Th>
                      <Table.Th scope="col">{t('conflictDialog.same')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => {
                      const differs = r.mine !== r.current;
                      return (
                        <Table.Tr key={r.label} bg={differs ? 'orange.0' : undefined}>
                          <Table.Th scope="row" fw={differs ? 700 : 500}>
                            {r.label}
                          </Table.Th>
                          <Table.Td>{r.mine || '—'}</Table.Td>
                          <Table.Td>{r.current || '—'}</Table.Td>
                          <Table.Td fw={differs ? 700 : undefined}>
                            {differs ? t('conflictDialog.differs') : t('conflictDialog.equal')}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
          <Group justify="flex-end">
            {showCompare ? (
              <Button variant="default" loading={saving} onClick={() => onKeepMine(current)} {...stop}>
                {t('conflictDialog.keepMine')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => setComparing(conflict)} {...stop}>
                {t('conflictDialog.compare')}
              </Button>
            )}
            <Button onClick={() => onReload(current)} {...stop}>
              {showCompare ? t('conflictDialog.takeTheirs') : t('conflictDialog.reloadShort')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
