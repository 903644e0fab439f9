import type { ListSnapshot, MeasureApplies, TemplateProcess } from '@baken/contracts';
import { Accordion, Alert, Group, Loader, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { classRule } from '../catalog/format';
import { useSnapshot } from './api';
import { classesText, mappingText, type Names, processDomainName, securityDomainName, textOf } from './format';
import { useNames } from './names';
import { matches } from './filter';

/** One published version's content, read-only: processes by domain with their assets, and the measures. */
export function SnapshotBrowser({ number }: { number: number }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot(number);
  const names = useNames(snapshot.data);
  if (snapshot.isPending) return <Loader aria-label={t('common.loading')} />;
  if (!snapshot.data) return <ErrorAlert error={snapshot.error} />;
  return (
    <Tabs defaultValue="processes" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="processes">
          {t('processlist.tabs.processes', { count: snapshot.data.processes.length })}
        </Tabs.Tab>
        <Tabs.Tab value="measures">{t('processlist.tabs.measures', { count: snapshot.data.measures.length })}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="processes">
        <ProcessesByDomain snapshot={snapshot.data} names={names} />
      </Tabs.Panel>
      <Tabs.Panel value="measures">
        <MeasuresList snapshot={snapshot.data} names={names} />
      </Tabs.Panel>
    </Tabs>
  );
}

function ProcessesByDomain({ snapshot, names }: { snapshot: ListSnapshot; names: Names }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string[]>([]);
  const shown = snapshot.processes.filter((p) => matches(q, [p.id, p.name, ...p.assets.map((a) => a.name)]));
  const domains = snapshot.processDomains.filter((d) => shown.some((p) => p.domain === d.id));
  return (
    <>
      <TextInput
        type="search"
        label={t('processlist.browse.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        mb="md"
      />
      {domains.length === 0 && <Alert color="blue">{t('processlist.browse.noResults')}</Alert>}
      {/* While searching every domain with a hit is open. */}
      <Accordion multiple variant="separated" value={q.trim() ? domains.map((d) => d.id) : open} onChange={setOpen}>
        {domains.map((d) => {
          const list = shown.filter((p) => p.domain === d.id);
          return (
            <Accordion.Item key={d.id} value={d.id}>
              <Accordion.Control>
                {t('processlist.browse.domain', { name: processDomainName(names, d.id), count: list.length })}
              </Accordion.Control>
              <Accordion.Panel>
                <ProcessTable processes={list} names={names} caption={processDomainName(names, d.id)} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </>
  );
}

function ProcessTable({ processes, names, caption }: { processes: TemplateProcess[]; names: Names; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('processlist.fields.process')}</Table.Th>
            <Table.Th scope="col">{t('processlist.fields.assets')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {processes.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
                {textOf(p.name, names.lang)}
                <Text size="xs">{p.id}</Text>
              </Table.Th>
              <Table.Td>
                <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
                  {p.assets.map((a) => (
                    <li key={a.id}>
                      {textOf(a.name, names.lang)} —{' '}
                      <Text span fw={600}>
                        {classesText(t, a.class)}
                      </Text>
                      <Text size="xs">{textOf(a.reason, names.lang)}</Text>
                    </li>
                  ))}
                </ul>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MeasuresList({ snapshot, names }: { snapshot: ListSnapshot; names: Names }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [domain, setDomain] = useState<string | null>(null);
  const used = [...new Set(snapshot.measures.map((m) => m.domain))];
  const shown = snapshot.measures.filter((m) => (!domain || m.domain === domain) && matches(q, [m.code, m.title]));
  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('processlist.browse.searchMeasures')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('processlist.fields.securityDomain')}
          placeholder={t('common.all')}
          data={used.map((id) => ({ value: id, label: securityDomainName(names, id) }))}
          value={domain}
          onChange={setDomain}
          clearable
          w={300}
        />
      </Group>
      {shown.length === 0 && <Alert color="blue">{t('processlist.browse.noResults')}</Alert>}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('processlist.browse.measuresCaption', { count: shown.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalog.code')}</Table.Th>
                <Table.Th scope="col">{t('catalog.measureTitle')}</Table.Th>
                <Table.Th scope="col">{t('catalog.applies')}</Table.Th>
                <Table.Th scope="col">{t('processlist.fields.mappings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.code}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.code}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {textOf(m.title, names.lang)}
                    <Text size="xs">
                      {securityDomainName(names, m.domain)} · {t(`catalog.types.${m.type}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {classRule(m.applies as MeasureApplies, t, names.lang)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.mappings.map((x) => mappingText(names, x)).join(' · ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
