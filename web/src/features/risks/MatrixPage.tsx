import { type RiskMatrix, RiskMatrixUpdate } from '@baken/contracts';
import { Alert, Button, Group, List, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/forms';
import { useBestuurId } from '../bestuur/useBestuurId';
import { type MatrixState, useRiskMatrix, useSaveMatrix } from './api';
import { HeatMapGrid } from './HeatMapGrid';
import { GridEditor, LabelsEditor, LevelsEditor, type PathErrors } from './MatrixParts';
import { resize } from './matrixEdit';

/** The bestuur's risk matrix: size, labels, levels and the level of every cell, with a live preview. */
export function MatrixPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const state = useRiskMatrix(bestuurId);
  return (
    <>
      <AnchorLink to="/b/$bestuurId/risicos" params={{ bestuurId }} size="sm">
        {t('risks.matrix.back')}
      </AnchorLink>
      <PageTitle>{t('risks.matrix.title')}</PageTitle>
      <Text mb="md" maw={760}>
        {t('risks.matrix.intro')}
      </Text>
      <ErrorAlert error={state.error} />
      {state.isPending && <Loader aria-label={t('common.loading')} />}
      {state.data && (
        <MatrixForm key={state.data.version} bestuurId={bestuurId} initial={state.data} canEdit={canEdit} />
      )}
    </>
  );
}

const pathKey = (path: PropertyKey[]) => path.map(String).join('.');

function clientErrors(value: unknown): PathErrors | null {
  const result = RiskMatrixUpdate.safeParse(value);
  if (result.success) return null;
  const errors: PathErrors = {};
  for (const issue of result.error.issues) {
    const own = `risks.validation.${issue.message}`;
    errors[pathKey(issue.path)] ??= i18n.exists(own)
      ? i18n.t(own)
      : issueMessage(issue as Parameters<typeof issueMessage>[0]);
  }
  return errors;
}

function MatrixForm({ bestuurId, initial, canEdit }: { bestuurId: string; initial: MatrixState; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveMatrix(bestuurId);
  const [version, setVersion] = useState(initial.version);
  const [matrix, setMatrix] = useState<RiskMatrix>(initial.matrix);
  const [errors, setErrors] = useState<PathErrors>({});
  const update = (m: RiskMatrix) => setMatrix(m);
  const step = (n: number) => ({
    nl: t('risks.matrix.newStep', { n, lng: 'nl' }),
    en: t('risks.matrix.newStep', { n, lng: 'en' }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { version, matrix };
    const found = clientErrors(body);
    setErrors(found ?? {});
    if (found) return;
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('risks.matrix.saved') }),
      onError: (err) => {
        const fromServer: PathErrors = {};
        if (err instanceof ApiError) for (const i of err.issues) fromServer[pathKey(i.path)] ??= i.message;
        setErrors(fromServer);
      },
    });
  };
  const reload = (current: MatrixState) => {
    setVersion(current.version);
    setMatrix(current.matrix);
    setErrors({});
    save.reset();
  };

  // Problems not shown beside a field (the grid, the matrix as a whole) are listed on top.
  const general = Object.entries(errors).filter(([k]) => !/\.(nl|en|colour)$/.test(k));
  const sizes = ['3', '4', '5'];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ConflictAlert<MatrixState> error={save.error} onReload={reload} />
        {!isConflict(save.error) && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert" title={t('risks.matrix.problems')}>
            {general.length > 0 ? (
              <List size="sm">
                {general.map(([k, msg]) => (
                  <List.Item key={k}>{msg}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('risks.form.fixErrors')}</Text>
            )}
          </Alert>
        )}
        <Group>
          <Select
            label={t('risks.matrix.likelihoodSize')}
            data={sizes}
            value={String(matrix.likelihood.length)}
            onChange={(v) => v && update(resize(matrix, 'likelihood', Number(v), step))}
            allowDeselect={false}
            disabled={!canEdit}
            w={200}
          />
          <Select
            label={t('risks.matrix.impactSize')}
            data={sizes}
            value={String(matrix.impact.length)}
            onChange={(v) => v && update(resize(matrix, 'impact', Number(v), step))}
            allowDeselect={false}
            disabled={!canEdit}
            w={200}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <LabelsEditor axis="likelihood" matrix={matrix} onChange={update} errors={errors} disabled={!canEdit} />
          <LabelsEditor axis="impact" matrix={matrix} onChange={update} errors={errors} disabled={!canEdit} />
        </SimpleGrid>
        <LevelsEditor matrix={matrix} onChange={update} errors={errors} disabled={!canEdit} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('risks.matrix.grid')}
            </Title>
            <GridEditor matrix={matrix} onChange={update} disabled={!canEdit} />
          </div>
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('risks.matrix.preview')}
            </Title>
            <HeatMapGrid matrix={matrix} caption={t('risks.matrix.previewCaption')} />
          </div>
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('risks.matrix.save')}
            </Button>
            <Button variant="default" onClick={() => reload(initial)} disabled={save.isPending}>
              {t('risks.matrix.undo')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
