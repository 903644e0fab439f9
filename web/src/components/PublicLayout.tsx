import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipLink } from './SkipLink';

/** Layout for the pages before sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" px="md" h={64}>
          <Text fw={800} size="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container size={460} py={48} component="main" id="main-content" tabIndex={-1}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
        <Text ta="center" size="sm" mt="md">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
