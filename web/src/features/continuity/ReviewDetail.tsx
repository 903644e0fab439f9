import { Accordion, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inLang, type Lang } from '../catalog/format';
import type { Review } from './api';
import { SnapshotSection } from './SnapshotView';
import { formatDateTime, noValidate } from './values';

type Event = Review['events'][number];
export const stateColor: Record<Review['state'], string> = {
  ingediend: 'blue',
  teruggestuurd: 'orange',
  aanvaard: 'green',
};

function EventLine({ e }: { e: Event }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="xs" bg={e.authorSide === 'coach' ? 'gray.0' : undefined}>
      <Text size="xs" fw={600}>
        {t(`continuity.review.events.${e.kind}`, {
          who: e.author ?? '—',
          side: t(`continuity.review.sides.${e.authorSide}`),
          at: formatDateTime(e.at, i18n.language),
        })}
      </Text>
      {e.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {e.body}
        </Text>
      )}
    </Paper>
  );
}

function CommentForm({
  label,
  pending,
  error,
  onSend,
}: {
  label: string;
  pending: boolean;
  error: unknown;
  onSend: (body: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  return (
    <Stack
      gap="xs"
      component="form"
      {...noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) onSend(body.trim(), () => setBody(''));
      }}
    >
      <Textarea
        label={label}
        autosize
        minRows={2}
        maxLength={8000}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <ErrorAlert error={error} />
      <Group>
        <Button type="submit" size="xs" loading={pending} disabled={!body.trim()}>
          {t('continuity.review.send')}
        </Button>
      </Group>
    </Stack>
  );
}

interface Props {
  review: Review;
  /** Who writes: the coach comments while the submission is open; the bestuur answers. */
  canComment: boolean;
  commentLabel: (section: string) => string;
  comment: { pending: boolean; error: unknown; send: (section: string | null, body: string, done: () => void) => void };
  /** The coach's decision, under the header. */
  actions?: ReactNode;
}

/** A submission: its state, the messages on the whole, then each section with what was submitted and the comments on it. */
export function ReviewDetail({ review, canComment, commentLabel, comment, actions }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const general = review.events.filter((e) => e.section === null);
  const [target, setTarget] = useState<string | null>(null);
  const commented = review.sections.filter((s) => review.events.some((e) => e.section === s.key)).map((s) => s.key);

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} size="h3">
          {t('continuity.review.detailTitle', {
            subject: t(`continuity.review.subjects.${review.subject}`),
            bestuur: review.bestuurName,
            date: formatDateTime(review.submittedAt, i18n.language),
          })}
        </Title>
        <Badge color={stateColor[review.state]} variant="light" size="lg">
          {t(`continuity.review.states.${review.state}`)}
        </Badge>
      </Group>
      {actions}
      <section aria-labelledby="review-history">
        <Title order={3} size="h4" id="review-history" mb="xs">
          {t('continuity.review.history')}
        </Title>
        <Stack gap="xs">
          {general.map((e) => (
            <EventLine key={e.id} e={e} />
          ))}
        </Stack>
        {canComment && (
          <CommentForm
            label={t('continuity.review.generalComment')}
            pending={comment.pending && target === null}
            error={target === null ? comment.error : null}
            onSend={(body, done) => {
              setTarget(null);
              comment.send(null, body, done);
            }}
          />
        )}
      </section>
      <section aria-labelledby="review-sections">
        <Title order={3} size="h4" id="review-sections" mb="xs">
          {t('continuity.review.sections')}
        </Title>
        <Accordion multiple variant="separated" defaultValue={commented}>
          {review.sections.map((s) => {
            const events = review.events.filter((e) => e.section === s.key);
            const title = inLang(s.title, lang);
            return (
              <Accordion.Item key={s.key} value={s.key}>
                <Accordion.Control>
                  {events.length > 0
                    ? t('continuity.review.sectionWithComments', { title, count: events.length })
                    : title}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    <SnapshotSection subject={review.subject} sectionKey={s.key} snapshot={review.snapshot} />
                    {events.map((e) => (
                      <EventLine key={e.id} e={e} />
                    ))}
                    {canComment && (
                      <CommentForm
                        label={commentLabel(title)}
                        pending={comment.pending && target === s.key}
                        error={target === s.key ? comment.error : null}
                        onSend={(body, done) => {
                          setTarget(s.key);
                          comment.send(s.key, body, done);
                        }}
                      />
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </section>
    </Stack>
  );
}
