import type { ListDiff, MeasureDiff, ProcessDiff } from '@baken/contracts';
import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangeList } from './ChangeList';
import { type Names, processDomainName, textOf } from './format';
import { KindBadge } from './KindBadge';

/** The difference between two versions in words: the counts, then every process and measure that changed. */
export function DiffView({ diff, names }: { diff: ListDiff; names: Names }) {
  const { t } = useTranslation();
  const empty = diff.processes.length === 0 && diff.measures.length === 0;
  return (
    <Stack gap="lg">
      <DiffSummary diff={diff} />
      {empty && <Alert color="blue">{t('processlist.diff.none')}</Alert>}
      {diff.processes.length > 0 && (
        <section aria-labelledby="diff-processes">
          <Title order={2} id="diff-processes" mb="sm">
            {t('processlist.diff.processes', { count: diff.processes.length })}
          </Title>
          <Stack gap="sm">
            {diff.processes.map((p) => (
              <ProcessChange key={p.id} process={p} names={names} />
            ))}
          </Stack>
        </section>
      )}
      {diff.measures.length > 0 && (
        <section aria-labelledby="diff-measures">
          <Title order={2} id="diff-measures" mb="sm">
            {t('processlist.diff.measures', { count: diff.measures.length })}
          </Title>
          <Stack gap="sm">
            {diff.measures.map((m) => (
              <MeasureChange key={m.code} measure={m} names={names} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function DiffSummary({ diff }: { diff: ListDiff }) {
  const { t } = useTranslation();
  const rows = [
    ['processes', diff.summary.processes],
    ['assets', diff.summary.assets],
    ['measures', diff.summary.measures],
  ] as const;
  return (
    <div>
      <Table withTableBorder captionSide="top" maw={640}>
        <Table.Caption>{t('processlist.diff.summary')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('processlist.diff.what')}</Table.Th>
            <Table.Th scope="col">{t('processlist.kinds.added')}</Table.Th>
            <Table.Th scope="col">{t('processlist.kinds.changed')}</Table.Th>
            <Table.Th scope="col">{t('processlist.kinds.removed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, c]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{t(`processlist.diff.rows.${key}`)}</Table.Th>
              <Table.Td>{c.added}</Table.Td>
              <Table.Td>{c.changed}</Table.Td>
              <Table.Td>{c.removed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text mt="xs">{t('processlist.diff.classifications', { count: diff.summary.classifications })}</Text>
    </div>
  );
}

function ProcessChange({ process: p, names }: { process: ProcessDiff; names: Names }) {
  const { t } = useTranslation();
  const name = textOf(p.name, names.lang);
  return (
    <Paper withBorder p="md" component="article" aria-label={name}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        <KindBadge kind={p.kind} />
        <Text size="sm">
          {processDomainName(names, p.domain)} · {p.id}
        </Text>
      </Group>
      <ChangeList names={names} kind="process" changes={p.changes} />
      {p.assets.length > 0 && (
        <>
          <Text fw={600} mt="xs">
            {t('processlist.diff.assets')}
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {p.assets.map((a) => (
              <li key={a.id}>
                <Group gap="xs">
                  <Text span>{textOf(a.name, names.lang)}</Text>
                  <KindBadge kind={a.kind} />
                </Group>
                {a.kind !== 'removed' && p.kind !== 'added' && (
                  <ChangeList names={names} kind="asset" changes={a.changes} />
                )}
                {p.kind === 'added' && (
                  <ChangeList names={names} kind="asset" changes={a.changes.filter((c) => c.field === 'class')} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}

function MeasureChange({ measure: m, names }: { measure: MeasureDiff; names: Names }) {
  const title = textOf(m.title, names.lang);
  return (
    <Paper withBorder p="md" component="article" aria-label={`${m.code} · ${title}`}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4">
          {m.code} · {title}
        </Title>
        <KindBadge kind={m.kind} />
      </Group>
      <ChangeList names={names} kind="measure" changes={m.changes} />
    </Paper>
  );
}
