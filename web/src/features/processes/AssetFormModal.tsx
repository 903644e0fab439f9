import { NewOwnAsset } from '@baken/contracts';
import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/forms';
import { useCreateAsset } from './api';
import { DIMENSIONS } from './ClassBadges';

const FLAGS = ['personalData', 'sensitiveData', 'kszData'] as const;

interface Props {
  bestuurId: string;
  processId: string;
  opened: boolean;
  onClose: () => void;
}

/** Adds an information asset of the bestuur's own to a process. */
export function AssetFormModal({ bestuurId, processId, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('processes.newAsset.title')} size="lg">
      {opened && <AssetForm bestuurId={bestuurId} processId={processId} onDone={onClose} />}
    </Modal>
  );
}

function AssetForm({ bestuurId, processId, onDone }: { bestuurId: string; processId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAsset(bestuurId);
  const [nameNl, setNameNl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [cls, setCls] = useState({ c: 1, i: 1, a: 1 });
  const [flags, setFlags] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(NewOwnAsset, {
      name: { nl: nameNl, en: nameEn.trim() || undefined },
      ...cls,
      personalData: flags.includes('personalData'),
      sensitiveData: flags.includes('sensitiveData'),
      kszData: flags.includes('kszData'),
    });
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    create.mutate(
      { processId, body: checked.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('processes.newAsset.created') });
          onDone();
        },
      },
    );
  };

  const server = serverFieldErrors(create.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {Object.keys(server).length === 0 && <ErrorAlert error={create.error} />}
        <Text size="sm">{t('processes.newAsset.text')}</Text>
        <TextInput
          label={t('processes.newAsset.nameNl')}
          required
          value={nameNl}
          onChange={(e) => setNameNl(e.currentTarget.value)}
          error={errors.name ?? server.name}
        />
        <TextInput
          label={t('processes.newAsset.nameEn')}
          description={t('processes.form.enHint')}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
        />
        <SimpleGrid cols={3} spacing="sm">
          {DIMENSIONS.map((d) => (
            <NativeSelect
              key={d}
              label={t(`processes.dimensionLabels.${d}`)}
              data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('processes.asset.level', { level: n }) }))}
              value={String(cls[d])}
              onChange={(e) => {
                const level = Number(e.currentTarget.value);
                setCls((c) => ({ ...c, [d]: level }));
              }}
            />
          ))}
        </SimpleGrid>
        <Checkbox.Group label={t('processes.asset.flags')} value={flags} onChange={setFlags}>
          <Group mt="xs">
            {FLAGS.map((f) => (
              <Checkbox key={f} value={f} label={t(`processes.flags.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('processes.newAsset.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
