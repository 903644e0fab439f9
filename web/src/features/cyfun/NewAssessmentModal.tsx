import { Button, Group, Modal, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCreateAssessment } from './api';
import { editions, levels } from './model';
import type { Assessment, Edition, Level } from './types';

interface Props {
  bestuurId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (a: Assessment) => void;
}

/** Starts a self-assessment: edition, level, an optional title, and whether the measure register pre-fills it. */
export function NewAssessmentModal({ bestuurId, opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateAssessment(bestuurId);
  const [edition, setEdition] = useState<Edition>('2023-03-01');
  const [level, setLevel] = useState<Level>('basic');
  const [title, setTitle] = useState('');
  const [prefill, setPrefill] = useState('yes');
  const editionLabel = useId();
  const levelLabel = useId();
  const titleIssue =
    create.error instanceof ApiError ? create.error.issues.find((i) => i.path[0] === 'title')?.message : undefined;

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { edition, level, title: title.trim() === '' ? undefined : title.trim(), prefill: prefill === 'yes' },
      {
        onSuccess: (a) => {
          setTitle('');
          create.reset();
          onCreated(a);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('cyfun.create.title')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={titleIssue ? null : create.error} />
        <Stack gap="md">
          <div>
            <Text id={editionLabel} size="sm" fw={500} mb={4}>
              {t('cyfun.create.edition')}
            </Text>
            <SegmentedControl
              aria-labelledby={editionLabel}
              value={edition}
              onChange={(v) => setEdition(editions.find((x) => x === v) ?? '2023-03-01')}
              data={editions.map((e) => ({ value: e, label: t(`cyfun.editions.${e}`) }))}
            />
          </div>
          <div>
            <Text id={levelLabel} size="sm" fw={500} mb={4}>
              {t('cyfun.create.level')}
            </Text>
            <SegmentedControl
              aria-labelledby={levelLabel}
              value={level}
              onChange={(v) => setLevel(levels.find((x) => x === v) ?? 'basic')}
              data={levels.map((l) => ({ value: l, label: t(`cyfun.levels.${l}`) }))}
            />
            <Text size="xs" mt={4}>
              {t('cyfun.create.levelHelp')}
            </Text>
          </div>
          <TextInput
            label={t('cyfun.create.name')}
            description={t('cyfun.create.nameHelp')}
            value={title}
            maxLength={200}
            error={titleIssue}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Radio.Group
            label={t('cyfun.create.prefill')}
            description={t('cyfun.create.prefillHelp')}
            value={prefill}
            onChange={setPrefill}
          >
            <Group mt="xs">
              <Radio value="yes" label={t('cyfun.create.prefillYes')} />
              <Radio value="no" label={t('cyfun.create.prefillNo')} />
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('cyfun.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
