import { Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client';
import { sessionQuery, useRequiredSession } from '../api/session';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const signOut = async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      // The shell renders nothing without a session; clear the rest after leaving it.
      qc.setQueryData(sessionQuery.queryKey, null);
      await navigate({ to: '/aanmelden' });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" aria-label={t('shell.userMenu', { name: session.user.displayName })}>
          {session.user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/profiel">
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('shell.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
