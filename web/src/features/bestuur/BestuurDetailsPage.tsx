import type { Bestuur } from '@baken/contracts';
import { Alert, Loader, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestuurQuery, useUpdateBestuur } from '../../api/besturen';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { serverFieldErrors } from '../../lib/forms';
import { BestuurForm } from './BestuurForm';
import { useBestuurId } from './useBestuurId';

export function BestuurDetailsPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const query = useQuery(bestuurQuery(bestuurId));
  const canEdit =
    hasPermission(session, 'bestuur.edit', bestuurId) || hasPermission(session, 'platform.besturen.manage');

  return (
    <>
      <PageTitle>{t('details.title')}</PageTitle>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} />
      {query.data && <DetailsEditor bestuur={query.data} canEdit={canEdit} />}
    </>
  );
}

function DetailsEditor({ bestuur, canEdit }: { bestuur: Bestuur; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateBestuur();
  // The form edits `base`; after a version conflict the user may load the current values into it.
  const [base, setBase] = useState(bestuur);
  const [formKey, setFormKey] = useState(0);

  const reload = (current: Bestuur) => {
    setBase(current);
    setFormKey((k) => k + 1);
    update.reset();
  };

  return (
    <Paper withBorder p="lg" maw={800}>
      {!canEdit && (
        <Alert color="blue" mb="md">
          {t('details.readOnly')}
        </Alert>
      )}
      <ConflictAlert<Bestuur> error={update.error} onReload={reload} />
      {!isConflict(update.error) && Object.keys(serverFieldErrors(update.error)).length === 0 && (
        <ErrorAlert error={update.error} />
      )}
      <BestuurForm
        key={formKey}
        initial={base}
        readOnly={!canEdit}
        submitting={update.isPending}
        serverErrors={serverFieldErrors(update.error)}
        submitLabel={t('common.save')}
        onSubmit={(values) =>
          update.mutate(
            { id: base.id, body: { ...values, version: base.version } },
            {
              onSuccess: (saved) => {
                setBase(saved);
                notifications.show({ color: 'green', message: t('details.saved') });
              },
            },
          )
        }
      />
      <Text size="sm" mt="md">
        {t('details.updatedAt', { date: formatDateTime(base.updatedAt) })}
      </Text>
    </Paper>
  );
}
