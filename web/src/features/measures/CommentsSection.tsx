import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { type MeasureComment, useAddComment } from './api';

interface Props {
  bestuurId: string;
  code: string;
  comments: MeasureComment[];
  canComment: boolean;
}

/** The comments on a measure, oldest first, and a field to add one. */
export function CommentsSection({ bestuurId, code, comments, canComment }: Props) {
  const { t } = useTranslation();
  const add = useAddComment(bestuurId, code);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(t('measures.comments.required'));
      return;
    }
    add.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setError(undefined);
      },
      onError: (err) => setError(serverFieldErrors(err).body),
    });
  };

  return (
    <section aria-labelledby="measure-comments">
      <Title order={2} size="h4" id="measure-comments" mb="xs">
        {t('measures.comments.title', { count: comments.length })}
      </Title>
      {comments.length === 0 ? (
        <Text size="sm" mb="sm">
          {t('measures.comments.none')}
        </Text>
      ) : (
        <Stack gap="xs" mb="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {comments.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm">
              <Text size="xs" c="dimmed" mb={4}>
                {t('measures.comments.by', {
                  by: c.authorName ?? t('measures.unknownPerson'),
                  at: formatDateTime(c.createdAt),
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canComment && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {!error && <ErrorAlert error={add.error} />}
            <Textarea
              label={t('measures.comments.new')}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
            />
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={add.isPending}>
                {t('measures.comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}
