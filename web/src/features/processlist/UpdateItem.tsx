import type { ProcessUpdateItem } from '@baken/contracts';
import { Checkbox, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { ChangeList } from './ChangeList';
import { classesText, fieldLabel, type Names, processDomainName, textOf, yesNo } from './format';
import { KindBadge } from './KindBadge';

type Kept = ProcessUpdateItem['assets'][number]['kept'][number];
type Yours = { c: number; i: number; a: number; reason?: string | null };

interface Props {
  item: ProcessUpdateItem;
  names: Names;
  bestuurId: string;
  selectable: boolean;
  selected: boolean;
  onToggle: (on: boolean) => void;
}

/** One pending update: the process's changes, its assets' changes and the bestuur's own choices that stay. */
export function UpdateItem({ item, names, bestuurId, selectable, selected, onToggle }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const name = textOf(item.name, names.lang);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group gap="sm" mb="xs" wrap="nowrap" align="flex-start">
        {selectable && (
          <Checkbox
            mt={4}
            checked={selected}
            onChange={(e) => onToggle(e.currentTarget.checked)}
            aria-label={t('processlist.updates.select', { name })}
          />
        )}
        <div style={{ flex: 1 }}>
          <Group gap="xs">
            <Title order={2} size="h4" id={headingId}>
              {name}
            </Title>
            <KindBadge kind={item.kind} />
          </Group>
          <Text size="sm">
            {processDomainName(names, item.domain)} ·{' '}
            {item.fromVersion === null
              ? t('processlist.updates.newIn', { to: item.toVersion })
              : t('processlist.updates.versions', { from: item.fromVersion, to: item.toVersion })}
            {item.processId && (
              <>
                {' · '}
                <AnchorLink
                  to="/b/$bestuurId/processen/$processId"
                  params={{ bestuurId, processId: item.processId }}
                  aria-label={t('processlist.updates.openLabel', { name })}
                >
                  {t('processlist.updates.open')}
                </AnchorLink>
              </>
            )}
          </Text>
        </div>
      </Group>
      <Text size="sm" mb="xs">
        {t(`processlist.updates.what.${item.kind}`)}
      </Text>
      <ChangeList names={names} kind="process" changes={item.changes} />
      {item.assets.length > 0 && (
        <>
          <Text fw={600} mt="xs">
            {t('processlist.diff.assets')}
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {item.assets.map((a) => (
              <li key={a.id}>
                <Group gap="xs">
                  <Text span>{textOf(a.name, names.lang)}</Text>
                  <KindBadge kind={a.kind} />
                </Group>
                {a.kind === 'changed' && <ChangeList names={names} kind="asset" changes={a.changes} />}
                {a.kept.map((k) => (
                  <Text key={k.field} size="sm" fw={600}>
                    {keptText(names, k)}
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}

/** "Uw keuze blijft: V4 I3 B2 (reden: …)" or "Uw keuze blijft: Persoonsgegevens: ja". */
function keptText(names: Names, k: Kept): string {
  const { t } = names;
  if (k.field === 'class' && typeof k.yours === 'object' && k.yours !== null) {
    const y = k.yours as Yours;
    const classes = classesText(t, y);
    return y.reason
      ? t('processlist.updates.keptClassReason', { classes, reason: y.reason })
      : t('processlist.updates.keptClass', { classes });
  }
  const value = typeof k.yours === 'boolean' ? yesNo(t, k.yours) : String(k.yours);
  return t('processlist.updates.kept', { field: fieldLabel(t, k.field), value });
}
