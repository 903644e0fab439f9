import type { AdoptResult } from '@baken/contracts';
import { Alert, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAdopt } from './api';

interface PickerProps {
  bestuurId: string;
  /** The domains that can still be chosen. */
  domains: string[];
  /** A domain's name. */
  label: (id: string) => string;
  /** Offer "the whole list" as well (the first adoption). */
  offerAll: boolean;
  onAdopted: (result: AdoptResult) => void;
}

/** Choose domains (or everything) of the generic list and adopt them in one action. */
function DomainPicker({ bestuurId, domains, label, offerAll, onAdopted }: PickerProps) {
  const { t } = useTranslation();
  const adopt = useAdopt(bestuurId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);

  const adoptChosen = () => {
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    adopt.mutate({ domains: chosen }, { onSuccess: onAdopted });
  };

  return (
    <Stack>
      <ErrorAlert error={adopt.error} />
      {offerAll && (
        <Group>
          <Button onClick={() => adopt.mutate({}, { onSuccess: onAdopted })} loading={adopt.isPending}>
            {t('processes.adopt.all')}
          </Button>
        </Group>
      )}
      <Checkbox.Group
        label={offerAll ? t('processes.adopt.orDomains') : t('processes.adopt.domains')}
        value={chosen}
        onChange={(v) => {
          setChosen(v);
          setMissing(false);
        }}
        error={missing ? t('processes.adopt.chooseOne') : undefined}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
          {domains.map((d) => (
            <Checkbox key={d} value={d} label={label(d)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group>
        <Button variant={offerAll ? 'default' : 'filled'} onClick={adoptChosen} loading={adopt.isPending}>
          {t('processes.adopt.chosen', { count: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}

/** The empty state: what the generic list is, and (for editors) adopting it. */
export function AdoptEmptyState(props: Omit<PickerProps, 'offerAll'> & { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" maw={960}>
      <Title order={2} size="h3" mb="sm">
        {t('processes.empty.title')}
      </Title>
      <Text mb="sm">{t('processes.empty.text')}</Text>
      {props.canEdit ? (
        <>
          <Text mb="md">{t('processes.empty.editText')}</Text>
          <DomainPicker {...props} offerAll />
        </>
      ) : (
        <Alert color="blue">{t('processes.empty.readOnly')}</Alert>
      )}
    </Paper>
  );
}

/** "Nog domeinen overnemen": the domains not adopted yet. */
export function AdoptMoreModal({
  opened,
  onClose,
  ...props
}: Omit<PickerProps, 'offerAll'> & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('processes.adopt.moreTitle')} size="xl">
      <Text mb="md">{t('processes.adopt.moreText')}</Text>
      {opened && <DomainPicker {...props} offerAll={false} />}
    </Modal>
  );
}

/** What the last adoption added. */
export function AdoptedAlert({ result, onClose }: { result: AdoptResult | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!result) return null;
  return (
    <Alert color="green" role="status" mb="md" withCloseButton onClose={onClose} closeButtonLabel={t('common.close')}>
      {result.processes + result.assets === 0
        ? t('processes.adopt.nothingAdded')
        : t('processes.adopt.added', {
            processes: t('processes.adopt.processCount', { count: result.processes }),
            assets: t('processes.adopt.assetCount', { count: result.assets }),
          })}
    </Alert>
  );
}
