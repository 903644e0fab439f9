import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows the localised message of an API error (or a generic one) as an alert. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  return (
    <Alert color="red" role="alert" title={title} mb="md">
      {message}
    </Alert>
  );
}
