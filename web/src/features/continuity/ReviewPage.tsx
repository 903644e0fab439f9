import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useBestuurComment, useReview, useReviews, useSubmitReview } from './api';
import { ContinuityNav } from './ContinuityNav';
import { ReviewDetail, stateColor } from './ReviewDetail';
import { formatDateTime } from './values';

type Subject = 'bia' | 'plan';

/** The bestuur submits its BIA or plan to the coach and follows the states and the comments. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const bestuurId = useBestuurId();
  const canEdit = hasPermission(useRequiredSession(), 'isms.edit', bestuurId);
  const reviews = useReviews(bestuurId);
  const [selected, setSelected] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<Subject | null>(null);
  const [message, setMessage] = useState('');
  const submit = useSubmitReview(bestuurId);
  const shownId = selected ?? reviews.data?.[0]?.id ?? null;
  const review = useReview(bestuurId, shownId);
  const comment = useBestuurComment(bestuurId);

  const open = (subject: Subject) => {
    submit.reset();
    setMessage('');
    setSubmitting(subject);
  };

  return (
    <>
      <PageTitle>{t('continuity.review.title')}</PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <Text mb="md" maw={760}>
        {t('continuity.review.intro')}
      </Text>
      <ErrorAlert error={reviews.error} />
      {reviews.isPending && <Loader aria-label={t('common.loading')} />}
      {reviews.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="lg">
          {(['bia', 'plan'] as const).map((s) => {
            const last = reviews.data.find((r) => r.subject === s);
            const waiting = last?.state === 'ingediend';
            return (
              <Card key={s} withBorder>
                <Title order={2} size="h4" mb="xs">
                  {t(`continuity.review.subjects.${s}`)}
                </Title>
                <Text size="sm" mb="sm">
                  {last
                    ? t('continuity.review.lastState', {
                        state: t(`continuity.review.states.${last.state}`),
                        date: formatDateTime(last.decidedAt ?? last.submittedAt, i18n.language),
                      })
                    : t('continuity.review.never')}
                </Text>
                {canEdit && (
                  <Button onClick={() => open(s)} disabled={waiting}>
                    {t(`continuity.review.submit.${s}`)}
                  </Button>
                )}
                {waiting && (
                  <Text size="sm" mt="xs">
                    {t('continuity.review.waiting')}
                  </Text>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {reviews.data && reviews.data.length > 0 && (
        <section aria-labelledby="review-list">
          <Title order={2} size="h3" id="review-list" mb="xs">
            {t('continuity.review.submissions')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('continuity.review.col.subject')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.review.col.state')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.review.col.submitted')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.review.col.decided')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.review.col.comments')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{t(`continuity.review.subjects.${r.subject}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={stateColor[r.state]} variant="light">
                        {t(`continuity.review.states.${r.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {formatDateTime(r.submittedAt, i18n.language)} · {r.submittedBy ?? '—'}
                    </Table.Td>
                    <Table.Td>
                      {r.decidedAt ? `${formatDateTime(r.decidedAt, i18n.language)} · ${r.decidedBy ?? '—'}` : '—'}
                    </Table.Td>
                    <Table.Td>{r.comments}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setSelected(r.id)} disabled={r.id === shownId}>
                        {t('continuity.review.show')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      <ErrorAlert error={review.error} />
      {review.data && (
        <ReviewDetail
          review={review.data}
          canComment={canEdit}
          commentLabel={(section) => t('continuity.review.answerOn', { section })}
          comment={{
            pending: comment.isPending,
            error: comment.error,
            send: (section, body, done) => comment.mutate({ id: review.data.id, section, body }, { onSuccess: done }),
          }}
        />
      )}
      <Modal
        opened={submitting !== null}
        onClose={() => setSubmitting(null)}
        title={submitting ? t(`continuity.review.confirmTitle.${submitting}`) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('continuity.review.confirmText')}</Text>
          <Textarea
            label={t('continuity.review.message')}
            autosize
            minRows={2}
            maxLength={4000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <ErrorAlert error={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSubmitting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() =>
                submitting &&
                submit.mutate(
                  { subject: submitting, message: message.trim() || null },
                  {
                    onSuccess: (r) => {
                      notifications.show({ color: 'green', message: t(`continuity.review.submitted.${r.subject}`) });
                      setSelected(r.id);
                      setSubmitting(null);
                    },
                  },
                )
              }
            >
              {t('continuity.review.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
