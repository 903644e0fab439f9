import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * For a 409 VERSION_CONFLICT: explains what happened and offers to load the current values
 * (`details.current`) into the form.
 */
export function ConflictAlert<T>({ error, onReload }: { error: unknown; onReload: (current: T) => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const current = error.current as T | undefined;
  return (
    <Alert color="orange" role="alert" title={t('conflict.title')} mb="md">
      <Text size="sm" mb="sm">
        {error.message}
      </Text>
      {current !== undefined && (
        <Group>
          <Button size="xs" onClick={() => onReload(current)}>
            {t('conflict.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}
