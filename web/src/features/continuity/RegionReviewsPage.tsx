import { reviewStates } from '@baken/contracts';
import { Alert, Badge, Button, Group, Loader, Modal, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { type Review, useCoachComment, useCoachDecision, useRegionReview, useRegionReviews } from './api';
import { ReviewDetail, stateColor } from './ReviewDetail';
import { formatDateTime, isConflict } from './values';

export type RegionReviewSearch = { state?: Review['state'] };
export const parseRegionReviewSearch = (s: Record<string, unknown>): RegionReviewSearch => ({
  state: reviewStates.includes(s.state as Review['state']) ? (s.state as Review['state']) : undefined,
});

/** The coach's submissions of every bestuur, waiting ones first by default. */
export function RegionReviewsPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as RegionReviewSearch;
  const navigate = useNavigate();
  const list = useRegionReviews(search.state);
  return (
    <>
      <PageTitle>{t('continuity.coach.title')}</PageTitle>
      <Text mb="md" maw={760}>
        {t('continuity.coach.intro')}
      </Text>
      <NativeSelect
        label={t('continuity.coach.filter')}
        data={[
          { value: '', label: t('common.all') },
          ...reviewStates.map((s) => ({ value: s, label: t(`continuity.review.states.${s}`) })),
        ]}
        value={search.state ?? ''}
        onChange={(e) =>
          void navigate({
            to: '/regio/beoordelingen',
            search: { state: (e.currentTarget.value || undefined) as Review['state'] | undefined },
          })
        }
        w={260}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && list.data.length === 0 && <Alert color="blue">{t('continuity.coach.empty')}</Alert>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('continuity.coach.bestuur')}</Table.Th>
                <Table.Th scope="col">{t('continuity.review.col.subject')}</Table.Th>
                <Table.Th scope="col">{t('continuity.review.col.state')}</Table.Th>
                <Table.Th scope="col">{t('continuity.review.col.submitted')}</Table.Th>
                <Table.Th scope="col">{t('continuity.review.col.comments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to={`/regio/beoordelingen/${r.id}`}>
                      {t('continuity.coach.open', {
                        bestuur: r.bestuurName,
                        subject: t(`continuity.review.subjects.${r.subject}`),
                      })}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{t(`continuity.review.subjects.${r.subject}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[r.state]} variant="light">
                      {t(`continuity.review.states.${r.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(r.submittedAt, i18n.language)} · {r.submittedBy ?? '—'}
                  </Table.Td>
                  <Table.Td>{r.comments}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

type Decision = 'teruggestuurd' | 'aanvaard';

/** One submission as the coach sees it: the snapshot per section, comments, and return or accept. */
export function RegionReviewPage() {
  const { t } = useTranslation();
  const { reviewId } = useParams({ strict: false }) as { reviewId: string };
  const review = useRegionReview(reviewId);
  const comment = useCoachComment(reviewId);
  const decide = useCoachDecision(reviewId);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [message, setMessage] = useState('');
  const r = review.data;
  const startDecision = (d: Decision) => {
    decide.reset();
    setMessage('');
    setDeciding(d);
  };
  const send = (version: number) =>
    deciding &&
    decide.mutate(
      { version, decision: deciding, message: message.trim() || null },
      {
        onSuccess: (x) => {
          notifications.show({ color: 'green', message: t(`continuity.coach.decided.${x.state}`) });
          setDeciding(null);
        },
      },
    );

  return (
    <>
      <PageTitle>{t('continuity.coach.reviewTitle')}</PageTitle>
      <AnchorLink to="/regio/beoordelingen" size="sm" mb="md" display="inline-block">
        {t('continuity.coach.back')}
      </AnchorLink>
      <ErrorAlert error={review.error} />
      {review.isPending && <Loader aria-label={t('common.loading')} />}
      {r && (
        <ReviewDetail
          review={r}
          canComment={r.state === 'ingediend'}
          commentLabel={(section) => t('continuity.coach.commentOn', { section })}
          comment={{
            pending: comment.isPending,
            error: comment.error,
            send: (section, body, done) => comment.mutate({ section, body }, { onSuccess: done }),
          }}
          actions={
            r.state === 'ingediend' ? (
              <Group>
                <Button variant="default" onClick={() => startDecision('teruggestuurd')}>
                  {t('continuity.coach.return')}
                </Button>
                <Button onClick={() => startDecision('aanvaard')}>{t('continuity.coach.accept')}</Button>
              </Group>
            ) : (
              <Text size="sm">{t('continuity.coach.closed')}</Text>
            )
          }
        />
      )}
      <Modal
        opened={deciding !== null && r !== undefined}
        onClose={() => setDeciding(null)}
        title={deciding ? t(`continuity.coach.confirmTitle.${deciding}`) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{deciding ? t(`continuity.coach.confirmText.${deciding}`) : ''}</Text>
          <Textarea
            label={t('continuity.coach.message')}
            autosize
            minRows={2}
            maxLength={8000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <ConflictDialog<Review>
            error={decide.error}
            compare={(cur) => [
              {
                label: t('continuity.review.col.state'),
                mine: t('continuity.review.states.ingediend'),
                current: t(`continuity.review.states.${cur.state}`),
              },
            ]}
            onReload={() => {
              decide.reset();
              setDeciding(null);
              void review.refetch();
            }}
            onKeepMine={(cur) => send(cur.version)}
            saving={decide.isPending}
          />
          {!isConflict(decide.error) && <ErrorAlert error={decide.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeciding(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={decide.isPending} onClick={() => r && send(r.version)}>
              {deciding ? t(`continuity.coach.confirm.${deciding}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
