import { selfEvaluationAnswers } from '@baken/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { type SelfEvaluation, useEvaluation, useEvaluations, useQuestions, useSaveEvaluation } from './api';
import { ContinuityNav } from './ContinuityNav';
import { formatDateTime, noValidate } from './values';

type Answer = (typeof selfEvaluationAnswers)[number];
const answerColor: Record<Answer, string> = { ja: 'green', deels: 'orange', nee: 'red' };

/** The ten questions answered ja, gedeeltelijk or nee with notes; the result with advice, and the history. */
export function SelfEvaluationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bestuurId = useBestuurId();
  const canEdit = hasPermission(useRequiredSession(), 'isms.edit', bestuurId);
  const questions = useQuestions();
  const history = useEvaluations(bestuurId);
  const [shownId, setShownId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const [missing, setMissing] = useState(false);
  const save = useSaveEvaluation(bestuurId);
  const currentId = shownId ?? history.data?.[0]?.id ?? null;
  const shown = useEvaluation(bestuurId, currentId);
  const showForm = canEdit && (editing || (history.data !== undefined && history.data.length === 0));

  const startNew = () => {
    // Start from the last answers: a repeat evaluation changes what changed.
    const last = shown.data;
    setAnswers(Object.fromEntries((last?.answers ?? []).map((a) => [a.questionId, a.answer])));
    setNotes(Object.fromEntries((last?.answers ?? []).map((a) => [a.questionId, a.note ?? ''])));
    setMissing(false);
    save.reset();
    setEditing(true);
  };

  const submit = () => {
    const qs = questions.data ?? [];
    if (qs.some((q) => !answers[q.id])) {
      setMissing(true);
      return;
    }
    save.mutate(
      { answers: qs.map((q) => ({ questionId: q.id, answer: answers[q.id], note: notes[q.id]?.trim() || null })) },
      {
        onSuccess: (e) => {
          notifications.show({ color: 'green', message: t('continuity.self.saved', { percent: e.score.percent }) });
          setShownId(e.id);
          setEditing(false);
        },
      },
    );
  };

  return (
    <>
      <PageTitle>{t('continuity.self.title')}</PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <Text mb="md" maw={760}>
        {t('continuity.self.intro')}
      </Text>
      <ErrorAlert error={questions.error ?? history.error} />
      {(questions.isPending || history.isPending) && <Loader aria-label={t('common.loading')} />}
      {canEdit && !showForm && history.data && (
        <Button mb="md" onClick={startNew}>
          {t('continuity.self.new')}
        </Button>
      )}
      {showForm && questions.data && (
        <Stack
          component="form"
          {...noValidate}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          mb="xl"
        >
          {questions.data.map((q) => (
            <Card key={q.id} withBorder>
              <Radio.Group
                label={`${q.number}. ${inLang(q.question, lang)}`}
                value={answers[q.id] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v as Answer }))}
                error={missing && !answers[q.id] ? t('continuity.self.answerRequired') : undefined}
                required
                styles={{ label: { fontWeight: 600 } }}
              >
                <Group mt="xs">
                  {selfEvaluationAnswers.map((a) => (
                    <Radio key={a} value={a} label={t(`continuity.self.answers.${a}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                mt="sm"
                label={t('continuity.self.note', { n: q.number })}
                autosize
                minRows={1}
                maxLength={2000}
                value={notes[q.id] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setNotes((n) => ({ ...n, [q.id]: v }));
                }}
              />
            </Card>
          ))}
          {missing && (
            <Alert color="red" role="alert">
              {t('continuity.self.incomplete')}
            </Alert>
          )}
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('continuity.self.save')}
            </Button>
            {editing && (
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {!showForm && shown.data && <EvaluationResult evaluation={shown.data} />}
      {history.data && history.data.length > 0 && (
        <section aria-labelledby="self-history">
          <Title order={2} size="h3" id="self-history" mt="xl" mb="xs">
            {t('continuity.self.history')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('continuity.self.date')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.self.by')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.self.score')}</Table.Th>
                  <Table.Th scope="col">{t('continuity.self.counts')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((e) => (
                  <Table.Tr key={e.id} aria-current={e.id === currentId ? 'true' : undefined}>
                    <Table.Td>{formatDateTime(e.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{e.createdBy ?? '—'}</Table.Td>
                    <Table.Td>
                      {t('continuity.self.scoreValue', {
                        points: e.score.points,
                        max: e.score.max,
                        percent: e.score.percent,
                      })}
                    </Table.Td>
                    <Table.Td>{t('continuity.self.countsValue', e.counts)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        disabled={e.id === currentId && !showForm}
                        onClick={() => {
                          setEditing(false);
                          setShownId(e.id);
                        }}
                      >
                        {t('continuity.self.show')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
    </>
  );
}

function EvaluationResult({ evaluation: e }: { evaluation: SelfEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <section aria-labelledby="self-result">
      <Title order={2} size="h3" id="self-result" mb="xs">
        {t('continuity.self.resultOf', { date: formatDateTime(e.createdAt, i18n.language) })}
      </Title>
      <Text fw={700} size="lg" mb="xs">
        {t('continuity.self.scoreLine', { points: e.score.points, max: e.score.max, percent: e.score.percent })}
      </Text>
      {e.previous && (
        <Text size="sm" mb="md">
          {t('continuity.self.previousLine', {
            date: formatDateTime(e.previous.createdAt, i18n.language),
            percent: e.previous.score.percent,
          })}
        </Text>
      )}
      <Stack gap="sm">
        {e.answers.map((a) => {
          const before = e.previous?.answers[a.questionId];
          return (
            <Card key={a.questionId} withBorder>
              <Title order={3} size="h5" mb={4}>
                {`${a.number}. ${inLang(a.question, lang)}`}
              </Title>
              <Group gap="xs" mb={4}>
                <Badge color={answerColor[a.answer]} variant="light">
                  {t('continuity.self.answerLabel', { answer: t(`continuity.self.answers.${a.answer}`) })}
                </Badge>
                <Text size="sm">{t('continuity.self.points', { count: a.points })}</Text>
                {before && before !== a.answer && (
                  <Text size="sm">{t('continuity.self.was', { answer: t(`continuity.self.answers.${before}`) })}</Text>
                )}
              </Group>
              {a.note && (
                <Text size="sm" mb={4}>
                  {t('continuity.self.noteValue', { note: a.note })}
                </Text>
              )}
              <Text size="sm">
                <strong>{t('continuity.self.advice')}</strong> {inLang(a.advice, lang)}
              </Text>
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}
