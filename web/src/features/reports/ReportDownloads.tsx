import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ReportLink {
  label: string;
  href: string;
}

/** Download buttons for a page's reports; the server names the file. */
export function ReportDownloads({ links }: { links: ReportLink[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('reports.downloads')}>
      {links.map((l) => (
        <Button key={l.href} component="a" href={l.href} download variant="default" size="sm">
          {l.label}
        </Button>
      ))}
    </Group>
  );
}
