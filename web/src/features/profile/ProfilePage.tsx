import { Alert, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/me';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PasswordSection } from './PasswordSection';
import { ProfileDetails } from './ProfileDetails';
import { TokensSection } from './TokensSection';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      {me.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={me.error} />
      {me.data && (
        <Stack gap="lg" maw={1000}>
          <ProfileDetails key={me.data.version} me={me.data} />
          {me.data.hasPassword ? <PasswordSection /> : <Alert color="blue">{t('password.none')}</Alert>}
          <TokensSection />
        </Stack>
      )}
    </>
  );
}
