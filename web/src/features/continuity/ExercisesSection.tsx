import { exerciseKinds } from '@baken/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { type Exercise, type ExerciseBody, type Plan, useDeleteExercise, useSaveExercise } from './api';
import { formatDate, isConflict, noValidate } from './values';

type Kind = (typeof exerciseKinds)[number];
const empty: ExerciseBody = {
  title: '',
  kind: 'tafeloefening',
  plannedOn: null,
  heldOn: null,
  scenario: null,
  findings: null,
  actions: [],
};

/** Exercises planned and held, with findings and actions. */
export function ExercisesSection({ plan, bestuurId, canEdit }: { plan: Plan; bestuurId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Exercise | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Exercise | null>(null);
  const remove = useDeleteExercise(bestuurId);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '—');
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="plan-oefeningen-title"
      id="oefeningen"
      style={{ scrollMarginTop: 80 }}
    >
      <Title order={2} size="h3" id="plan-oefeningen-title" mb="xs">
        {t('continuity.plan.sections.oefeningen')}
      </Title>
      {plan.exercises.length === 0 && <Alert color="blue">{t('continuity.plan.noExercises')}</Alert>}
      <Stack gap="sm">
        {plan.exercises.map((e) => (
          <Paper key={e.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3} size="h5">
                  {e.title}
                </Title>
                <Text size="sm">
                  {t(`continuity.plan.kinds.${e.kind}`)} · {t('continuity.plan.plannedOn')}: {date(e.plannedOn)} ·{' '}
                  {t('continuity.plan.heldOn')}: {date(e.heldOn)}
                </Text>
                {e.findings && <Text size="sm">{t('continuity.plan.findingsValue', { text: e.findings })}</Text>}
                {e.actions.length > 0 && (
                  <ul style={{ margin: '4px 0' }}>
                    {e.actions.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id
                      <li key={i}>
                        <Text size="sm">
                          {a.description}
                          {a.owner ? ` · ${a.owner}` : ''}
                          {a.due ? ` · ${date(a.due)}` : ''} ·{' '}
                          {a.done ? t('continuity.plan.actionDone') : t('continuity.plan.actionOpen')}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <Group gap="xs">
                {e.openActions > 0 && (
                  <Badge color="orange" variant="light">
                    {t('continuity.plan.openActions', { count: e.openActions })}
                  </Badge>
                )}
                {canEdit && (
                  <>
                    <Button size="xs" variant="default" onClick={() => setEditing(e)}>
                      {t('continuity.plan.editExercise', { title: e.title })}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red.9"
                      onClick={() => {
                        remove.reset();
                        setDeleting(e);
                      }}
                    >
                      {t('continuity.plan.deleteExercise', { title: e.title })}
                    </Button>
                  </>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {canEdit && (
        <Group mt="sm">
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('continuity.plan.addExercise')}
          </Button>
        </Group>
      )}
      {editing && <ExerciseModal bestuurId={bestuurId} target={editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('continuity.plan.deleteTitle')}
        message={t('continuity.plan.deleteMessage', { title: deleting?.title ?? '' })}
        confirmLabel={t('continuity.plan.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}

function ExerciseModal({
  bestuurId,
  target,
  onClose,
}: {
  bestuurId: string;
  target: Exercise | 'new';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveExercise(bestuurId);
  const [v, setV] = useState<ExerciseBody>(() =>
    target === 'new'
      ? empty
      : {
          title: target.title,
          kind: target.kind,
          plannedOn: target.plannedOn,
          heldOn: target.heldOn,
          scenario: target.scenario,
          findings: target.findings,
          actions: target.actions,
        },
  );
  const [version, setVersion] = useState(target === 'new' ? 0 : target.version);
  const errors = serverFieldErrors(save.error);
  const send = (at = version) =>
    save.mutate(target === 'new' ? { body: v } : { id: target.id, body: { ...v, version: at } }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('continuity.plan.exerciseSaved', { title: v.title }) });
        onClose();
      },
    });
  const setAction = (i: number, patch: Partial<ExerciseBody['actions'][number]>) =>
    setV({ ...v, actions: v.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={target === 'new' ? t('continuity.plan.addExercise') : t('continuity.plan.editExerciseTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack
        component="form"
        {...noValidate}
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('continuity.plan.exerciseTitle')}
            required
            maxLength={300}
            value={v.title}
            onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
            error={errors.title}
          />
          <NativeSelect
            label={t('continuity.plan.kind')}
            data={exerciseKinds.map((k) => ({ value: k, label: t(`continuity.plan.kinds.${k}`) }))}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.currentTarget.value as Kind })}
          />
          <TextInput
            type="date"
            label={t('continuity.plan.plannedOn')}
            value={v.plannedOn ?? ''}
            onChange={(e) => setV({ ...v, plannedOn: e.currentTarget.value || null })}
            error={errors.plannedOn}
          />
          <TextInput
            type="date"
            label={t('continuity.plan.heldOn')}
            value={v.heldOn ?? ''}
            onChange={(e) => setV({ ...v, heldOn: e.currentTarget.value || null })}
            error={errors.heldOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('continuity.plan.scenario')}
          autosize
          minRows={2}
          maxLength={4000}
          value={v.scenario ?? ''}
          onChange={(e) => setV({ ...v, scenario: e.currentTarget.value || null })}
        />
        <Textarea
          label={t('continuity.plan.findings')}
          autosize
          minRows={2}
          maxLength={8000}
          value={v.findings ?? ''}
          onChange={(e) => setV({ ...v, findings: e.currentTarget.value || null })}
        />
        <Title order={3} size="h5">
          {t('continuity.plan.actions')}
        </Title>
        {v.actions.map((a, i) => {
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id
            <SimpleGrid key={i} cols={{ base: 1, sm: 4 }} verticalSpacing="xs">
              <TextInput
                label={t('continuity.plan.actionDescription', { n })}
                required
                value={a.description}
                onChange={(e) => setAction(i, { description: e.currentTarget.value })}
              />
              <TextInput
                label={t('continuity.plan.actionOwner', { n })}
                value={a.owner ?? ''}
                onChange={(e) => setAction(i, { owner: e.currentTarget.value || null })}
              />
              <TextInput
                type="date"
                label={t('continuity.plan.actionDue', { n })}
                value={a.due ?? ''}
                onChange={(e) => setAction(i, { due: e.currentTarget.value || null })}
              />
              <Group align="flex-end">
                <Checkbox
                  label={t('continuity.plan.actionDoneLabel', { n })}
                  checked={a.done}
                  onChange={(e) => setAction(i, { done: e.currentTarget.checked })}
                />
                <Button
                  size="xs"
                  variant="subtle"
                  color="red.9"
                  onClick={() => setV({ ...v, actions: v.actions.filter((_, j) => j !== i) })}
                >
                  {t('continuity.plan.removeAction', { n })}
                </Button>
              </Group>
            </SimpleGrid>
          );
        })}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setV({ ...v, actions: [...v.actions, { description: '', owner: null, due: null, done: false }] })
            }
          >
            {t('continuity.plan.addAction')}
          </Button>
        </Group>
        <ConflictDialog<Exercise>
          error={save.error}
          compare={(cur) => [
            { label: t('continuity.plan.exerciseTitle'), mine: v.title, current: cur.title },
            { label: t('continuity.plan.heldOn'), mine: v.heldOn ?? '', current: cur.heldOn ?? '' },
            { label: t('continuity.plan.findings'), mine: v.findings ?? '', current: cur.findings ?? '' },
          ]}
          onReload={(cur) => {
            setV({
              title: cur.title,
              kind: cur.kind,
              plannedOn: cur.plannedOn,
              heldOn: cur.heldOn,
              scenario: cur.scenario,
              findings: cur.findings,
              actions: cur.actions,
            });
            setVersion(cur.version);
            save.reset();
          }}
          onKeepMine={(cur) => send(cur.version)}
          saving={save.isPending}
        />
        {!isConflict(save.error) && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            {Object.values(errors).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
