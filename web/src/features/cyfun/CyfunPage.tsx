import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { RowActions } from '../../components/RowActions';
import { formatDateTime } from '../../lib/format';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useAssessments, useDeleteAssessment } from './api';
import { formatScore } from './format';
import { thresholds } from './model';
import { NewAssessmentModal } from './NewAssessmentModal';
import { PassBadge } from './ResultSection';
import type { AssessmentSummary } from './types';

/** The bestuur's CyberFundamentals self-assessments with their progress and result. */
export function CyfunPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const navigate = useNavigate();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const list = useAssessments(bestuurId);
  const remove = useDeleteAssessment(bestuurId);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AssessmentSummary | null>(null);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('cyfun.title')}</PageTitle>
        {canEdit && <Button onClick={() => setCreating(true)}>{t('cyfun.create.open')}</Button>}
      </Group>
      <Text mb="xs" maw={800}>
        {t('cyfun.intro')}
      </Text>
      <Text size="sm" mb="md" maw={800}>
        {t('cyfun.thresholdsIntro', {
          basic: formatScore(thresholds.basic.total),
          important: formatScore(thresholds.important.total),
          essential: formatScore(thresholds.essential.total),
        })}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && list.data.length === 0 && (
        <Alert color="blue" mb="md">
          {canEdit ? t('cyfun.emptyEdit') : t('cyfun.empty')}
        </Alert>
      )}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t('cyfun.caption', { count: list.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cyfun.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.edition')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.level')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.answered')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.total')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.result')}</Table.Th>
                <Table.Th scope="col">{t('cyfun.columns.updated')}</Table.Th>
                {canEdit && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink
                      to="/b/$bestuurId/cyberfundamentals/$assessmentId"
                      params={{ bestuurId, assessmentId: a.id }}
                    >
                      {a.title}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{t(`cyfun.editions.${a.edition}`)}</Table.Td>
                  <Table.Td>{t(`cyfun.levels.${a.level}`)}</Table.Td>
                  <Table.Td>{t('cyfun.answeredOf', { answered: a.answered, total: a.requirements })}</Table.Td>
                  <Table.Td>{formatScore(a.total)}</Table.Td>
                  <Table.Td>
                    <PassBadge passed={a.passed} level={a.level} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <RowActions
                        label={t('cyfun.actionsFor', { name: a.title })}
                        items={[
                          {
                            label: t('cyfun.delete.action'),
                            danger: true,
                            onClick: () => {
                              remove.reset();
                              setDeleting(a);
                            },
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
      )}
      <NewAssessmentModal
        bestuurId={bestuurId}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          navigate({ to: '/b/$bestuurId/cyberfundamentals/$assessmentId', params: { bestuurId, assessmentId: a.id } });
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('cyfun.delete.title')}
        message={t('cyfun.delete.message', { name: deleting?.title ?? '' })}
        confirmLabel={t('cyfun.delete.action')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: list.data?.find((x) => x.id === deleting.id)?.version ?? deleting.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('cyfun.delete.done', { name: deleting.title }) });
                setDeleting(null);
              },
            },
          )
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
