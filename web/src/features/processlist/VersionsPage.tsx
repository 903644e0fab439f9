import type { ListVersion } from '@baken/contracts';
import { Alert, Anchor, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useVersions } from './api';
import { textOf } from './format';
import type { VersionsSearch } from './search';
import { SnapshotBrowser } from './SnapshotBrowser';

/** The published versions of the generic process list; one version's content below the table. */
export function VersionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const session = useRequiredSession();
  const isCoach = hasPermission(session, 'region.content.manage');
  const search = useSearch({ strict: false }) as VersionsSearch;
  const navigate = useNavigate();
  const versions = useVersions();
  const items = versions.data ?? [];
  const shown = search.versie ?? items[0]?.number ?? null;
  const open = (n: number) => void navigate({ to: '/regio/proceslijst', search: { versie: n } });

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('processlist.title')}</PageTitle>
        <Group>
          {items.length > 1 && (
            <ButtonLink variant="default" to="/regio/proceslijst/verschil">
              {t('processlist.versions.compare')}
            </ButtonLink>
          )}
          {isCoach && <ButtonLink to="/regio/proceslijst/concept">{t('processlist.versions.toDraft')}</ButtonLink>}
        </Group>
      </Group>
      <Text mb="md">{t('processlist.versions.intro')}</Text>
      <ErrorAlert error={versions.error} />
      {versions.isPending && <Loader aria-label={t('common.loading')} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t('processlist.versions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('processlist.versions.number')}</Table.Th>
                <Table.Th scope="col">{t('processlist.versions.publishedAt')}</Table.Th>
                <Table.Th scope="col">{t('processlist.versions.publishedBy')}</Table.Th>
                <Table.Th scope="col">{t('processlist.versions.notes')}</Table.Th>
                <Table.Th scope="col">{t('processlist.versions.counts')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v, i) => (
                <VersionRow
                  key={v.number}
                  version={v}
                  previous={items[i + 1]?.number}
                  lang={lang}
                  current={v.number === shown}
                  onOpen={open}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {versions.data && items.length === 0 && <Alert color="blue">{t('processlist.versions.none')}</Alert>}
      {shown !== null && items.some((v) => v.number === shown) && (
        <section aria-labelledby="version-content">
          <Title order={2} id="version-content" mt="xl" mb="sm">
            {t('processlist.versions.content', { number: shown })}
          </Title>
          <SnapshotBrowser number={shown} />
        </section>
      )}
      {search.versie !== undefined && versions.data && !items.some((v) => v.number === search.versie) && (
        <Alert color="orange" mt="md">
          {t('processlist.versions.unknown', { number: search.versie })}
        </Alert>
      )}
    </>
  );
}

interface RowProps {
  version: ListVersion;
  previous?: number;
  lang: 'nl' | 'en';
  current: boolean;
  onOpen: (n: number) => void;
}

function VersionRow({ version: v, previous, lang, current, onOpen }: RowProps) {
  const { t } = useTranslation();
  return (
    <Table.Tr aria-current={current ? 'true' : undefined}>
      <Table.Th scope="row">{t('processlist.versions.label', { number: v.number })}</Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.publishedAt)}</Table.Td>
      <Table.Td>{v.publishedBy ?? t(`processlist.versions.source.${v.source}`)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-line' }}>{textOf(v.releaseNotes, lang)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {t('processlist.versions.stats', {
          processes: formatNumber(v.stats.processes),
          assets: formatNumber(v.stats.assets),
          measures: formatNumber(v.stats.measures),
        })}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            onClick={() => onOpen(v.number)}
            aria-label={t('processlist.versions.showLabel', { number: v.number })}
          >
            {t('processlist.versions.show')}
          </Anchor>
          {previous !== undefined && (
            <AnchorLink
              to="/regio/proceslijst/verschil"
              search={{ van: previous, naar: v.number }}
              aria-label={t('processlist.versions.diffLabel', { number: v.number, previous })}
            >
              {t('processlist.versions.diff')}
            </AnchorLink>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
