import { vulnerabilityFactors, type Weights } from '@baken/contracts';
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useUpdateWeights, type WeightState } from './api';

/** The supervisor's weights of the score; a stale version (409) offers the weights as they are now. */
export function WeightsEditor({ settings }: { settings: WeightState }) {
  const { t } = useTranslation();
  const save = useUpdateWeights();
  const [weights, setWeights] = useState<Weights>(settings.weights);
  const [version, setVersion] = useState(settings.version);
  const [saved, setSaved] = useState(false);
  // Someone else's save that we fetched (not while editing a conflict) becomes the form's start.
  useEffect(() => {
    setWeights(settings.weights);
    setVersion(settings.version);
  }, [settings]);
  const allZero = vulnerabilityFactors.every((f) => !weights[f]);
  const dirty = vulnerabilityFactors.some((f) => weights[f] !== settings.weights[f]) || version !== settings.version;

  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="monitoring-weights">
      <Title order={2} size="h3" id="monitoring-weights" mb="xs">
        {t('monitoring.weights.title')}
      </Title>
      <Text size="sm" mb="sm" maw={820}>
        {t('monitoring.weights.intro')}
      </Text>
      {settings.updatedAt && (
        <Text size="sm" mb="sm">
          {t('monitoring.weights.lastChange', {
            who: settings.updatedBy ?? t('monitoring.weights.someone'),
            when: formatDateTime(settings.updatedAt),
          })}
        </Text>
      )}
      <ConflictAlert<WeightState>
        error={save.error}
        onReload={(current) => {
          setWeights(current.weights);
          setVersion(current.version);
          save.reset();
        }}
      />
      {!isConflict(save.error) && <ErrorAlert error={save.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (allZero) return;
          save.mutate({ version, weights }, { onSuccess: () => setSaved(true) });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {vulnerabilityFactors.map((f) => (
            <NumberInput
              key={f}
              label={t(`monitoring.factor.${f}`)}
              description={t('monitoring.weights.range')}
              min={0}
              max={10}
              step={1}
              decimalScale={1}
              clampBehavior="strict"
              value={weights[f]}
              onChange={(v) => {
                setSaved(false);
                setWeights((w) => ({ ...w, [f]: typeof v === 'number' ? v : 0 }));
              }}
            />
          ))}
        </SimpleGrid>
        {allZero && (
          <Alert color="orange" mt="sm" role="alert">
            {t('monitoring.weights.allZero')}
          </Alert>
        )}
        <Group mt="md">
          <Button type="submit" loading={save.isPending} disabled={!dirty || allZero}>
            {t('monitoring.weights.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setWeights(settings.weights);
              setVersion(settings.version);
              save.reset();
            }}
            disabled={!dirty}
          >
            {t('monitoring.weights.undo')}
          </Button>
          <Text size="sm" role="status" aria-live="polite">
            {saved && !dirty ? t('monitoring.weights.saved') : ''}
          </Text>
        </Group>
      </form>
    </Paper>
  );
}
