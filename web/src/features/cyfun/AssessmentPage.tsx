import { Alert, Button, Group, Loader, Paper, Progress, Stack, Switch, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useBlocker, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useAssessment, useReplaceAssessment, useUpdateAssessment } from './api';
import { FillUnanswered } from './FillUnanswered';
import { answersOf, categoryDomId, type Draft, draftOf, isAnswered, rowDomId, sameDraft } from './model';
import { RequirementsEditor } from './RequirementsEditor';
import { PassBadge, ResultSection } from './ResultSection';
import { ScaleHelp } from './scale';
import { NaRulesForm } from './NaRulesForm';
import { ReportDownloads } from '../reports/ReportDownloads';
import { cyfunResultUrl } from '../reports/urls';
import type { Assessment, NaRule } from './types';

/** One self-assessment: the scores per requirement, saved together, and the result against the level. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const { assessmentId } = useParams({ strict: false }) as { assessmentId: string };
  const query = useAssessment(bestuurId, assessmentId);
  return (
    <>
      <AnchorLink to="/b/$bestuurId/cyberfundamentals" params={{ bestuurId }}>
        {t('cyfun.detail.back')}
      </AnchorLink>
      {!query.data && <PageTitle>{t('cyfun.detail.title')}</PageTitle>}
      <ErrorAlert error={query.error} />
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.data && <Editor key={query.data.id} assessment={query.data} bestuurId={bestuurId} />}
    </>
  );
}

function Editor({ assessment, bestuurId }: { assessment: Assessment; bestuurId: string }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const save = useUpdateAssessment(bestuurId, assessment.id);
  const replace = useReplaceAssessment(bestuurId, assessment.id);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [tab, setTab] = useState<string | null>('requirements');
  const [open, setOpen] = useState<string[]>([]);
  const [onlyUnanswered, setOnlyUnanswered] = useState(false);
  const [half, setHalf] = useState(false);

  const rows = assessment.rows;
  const changed = rows.filter((r) => drafts.has(r.id)).length;
  const dirty = changed > 0;
  const answered = rows.filter((r) => isAnswered(drafts.get(r.id) ?? draftOf(r))).length;
  const blocker = useBlocker({
    shouldBlockFn: () => true,
    disabled: !dirty,
    enableBeforeUnload: dirty,
    withResolver: true,
  });

  const change = (id: string, d: Draft) => {
    setHalf(false);
    setDrafts((prev) => {
      const next = new Map(prev);
      const row = rows.find((r) => r.id === id);
      if (row && sameDraft(d, draftOf(row))) next.delete(id);
      else next.set(id, d);
      return next;
    });
  };

  const fill = (documentation: number, implementation: number) =>
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const r of rows)
        if (!isAnswered(next.get(r.id) ?? draftOf(r)))
          next.set(r.id, { documentation, implementation, notApplicable: false });
      return next;
    });

  const submit = () => {
    const answers = answersOf(rows, drafts);
    if (answers === null) {
      setHalf(true);
      return;
    }
    save.mutate(
      { version: assessment.version, answers },
      {
        onSuccess: () => {
          setDrafts(new Map());
          notifications.show({ color: 'green', message: t('cyfun.detail.saved') });
        },
      },
    );
  };

  const saveRule = (rule: NaRule) =>
    save.mutate(
      { version: assessment.version, answers: [], naRules: { [assessment.level]: rule } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('cyfun.naRules.saved') }) },
    );

  const reload = (current: Assessment) => {
    replace(current);
    setDrafts(new Map());
    save.reset();
  };

  const jump = (id: string) => {
    const row = rows.find((r) => r.id === id);
    const category = row?.category ?? id;
    setTab('requirements');
    if (row) setOnlyUnanswered(false);
    setOpen((prev) => (prev.includes(category) ? prev : [...prev, category]));
    // After the tab and the category have opened.
    window.setTimeout(() => {
      const el = document.getElementById(row ? rowDomId(id) : categoryDomId(id));
      el?.scrollIntoView({ block: 'center' });
      (row ? el : el?.querySelector('button'))?.focus({ preventScroll: true });
    }, 250);
  };

  const allCategories = [...new Set(rows.map((r) => r.category))];

  return (
    <>
      <PageTitle>{assessment.title}</PageTitle>
      <Group gap="md" mb="sm">
        <Text size="sm">
          {t('cyfun.detail.meta', {
            edition: assessment.edition,
            level: t(`cyfun.levels.${assessment.level}`),
            by: assessment.createdBy ?? t('cyfun.unknownUser'),
            updated: formatDateTime(assessment.updatedAt),
          })}
        </Text>
        <PassBadge passed={assessment.passed} level={assessment.level} />
        <ReportDownloads links={[{ label: t('reports.cyfunPdf'), href: cyfunResultUrl(bestuurId, assessment.id) }]} />
      </Group>
      <ScaleHelp />
      <Paper
        withBorder
        p="sm"
        my="md"
        pos="sticky"
        top={0}
        style={{ zIndex: 5 }}
        aria-label={t('cyfun.detail.progressRegion')}
        component="section"
      >
        <Group justify="space-between" align="center" gap="md">
          <div style={{ flex: '1 1 260px' }}>
            <Text size="sm" fw={600} id="cyfun-progress-label">
              {t('cyfun.detail.progress', { answered, total: rows.length })}
            </Text>
            <Progress.Root mt={4}>
              <Progress.Section
                value={rows.length ? (answered / rows.length) * 100 : 0}
                aria-labelledby="cyfun-progress-label"
              />
            </Progress.Root>
          </div>
          {canEdit && (
            <Group gap="sm">
              {dirty && (
                <Text size="sm" c="orange.9" fw={600} role="status">
                  {t('cyfun.detail.unsaved', { count: changed })}
                </Text>
              )}
              <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setDrafts(new Map())}>
                {t('cyfun.detail.discard')}
              </Button>
              <Button disabled={!dirty} loading={save.isPending} onClick={submit}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {half && (
        <Alert color="red" role="alert" mb="md">
          {t('cyfun.detail.halfError')}
        </Alert>
      )}
      <ConflictAlert<Assessment> error={save.error} onReload={reload} />
      {!isConflict(save.error) && <ErrorAlert error={save.error} />}
      <Tabs value={tab} onChange={setTab} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="requirements">{t('cyfun.detail.tabRequirements')}</Tabs.Tab>
          <Tabs.Tab value="result">{t('cyfun.detail.tabResult')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requirements">
          <Group justify="space-between" mb="md" gap="md">
            <Switch
              label={t('cyfun.detail.onlyUnanswered')}
              checked={onlyUnanswered}
              onChange={(e) => setOnlyUnanswered(e.currentTarget.checked)}
            />
            <Group gap="xs">
              <Button variant="subtle" size="compact-sm" onClick={() => setOpen(allCategories)}>
                {t('cyfun.detail.openAll')}
              </Button>
              <Button variant="subtle" size="compact-sm" onClick={() => setOpen([])}>
                {t('cyfun.detail.closeAll')}
              </Button>
            </Group>
          </Group>
          {canEdit && (
            <Paper withBorder p="sm" mb="md">
              <FillUnanswered unanswered={rows.length - answered} onFill={fill} />
            </Paper>
          )}
          {onlyUnanswered && answered === rows.length && changed === 0 && (
            <Alert color="green" mb="md">
              {t('cyfun.detail.allAnswered')}
            </Alert>
          )}
          <RequirementsEditor
            rows={rows}
            drafts={drafts}
            canEdit={canEdit}
            onlyUnanswered={onlyUnanswered}
            open={open}
            onOpenChange={setOpen}
            onChange={change}
          />
        </Tabs.Panel>
        <Tabs.Panel value="result">
          <Stack gap="lg">
            {dirty && (
              <Alert color="orange" mb="md">
                {t('cyfun.detail.resultOfSaved')}
              </Alert>
            )}
            <ResultSection assessment={assessment} onJump={jump} />
            <NaRulesForm
              key={`${assessment.version}`}
              level={assessment.level}
              rule={assessment.naRules[assessment.level]}
              canEdit={canEdit}
              blocked={dirty}
              saving={save.isPending}
              onSave={saveRule}
            />
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={blocker.status === 'blocked'}
        title={t('cyfun.detail.leaveTitle')}
        message={t('cyfun.detail.leaveMessage', { count: changed })}
        confirmLabel={t('cyfun.detail.leave')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </>
  );
}
