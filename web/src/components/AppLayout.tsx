import { AppShell, Box, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentBestuurId } from '../api/currentBestuur';
import { useSession } from '../api/session';
import { AppNav } from './AppNav';
import { BestuurSwitcher } from './BestuurSwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header (switcher, language, user menu), navigation, main. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const session = useSession();
  const bestuurId = useCurrentBestuurId(session);
  // Close the mobile navigation after every navigation.
  const [lastPath, setLastPath] = useState(pathname);
  if (lastPath !== pathname) {
    setLastPath(pathname);
    close();
  }
  // Signed out or expired: the router is on its way to the sign-in page.
  if (!session) return null;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? 'shell.closeNav' : 'shell.openNav')}
            />
            <Text component={Link} to="/" fw={800} size="xl" c="blue.9" td="none">
              {t('app.name')}
            </Text>
            <Box visibleFrom="sm">
              <BestuurSwitcher bestuurId={bestuurId} />
            </Box>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Scrolls on its own: with every module the list is taller than a laptop screen. */}
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNav')} style={{ overflowY: 'auto' }}>
        <Box hiddenFrom="sm" mb="md">
          <BestuurSwitcher bestuurId={bestuurId} />
        </Box>
        <AppNav bestuurId={bestuurId} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
