import { Button, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { PageTitle } from './PageTitle';
import { PublicLayout } from './PublicLayout';

function NotFoundBody() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="lg">{t('notFound.text')}</Text>
      <Button component={Link} to={session ? '/' : '/aanmelden'}>
        {t('notFound.home')}
      </Button>
    </>
  );
}

/** 404 inside the signed-in shell. */
export function NotFoundPage() {
  return <NotFoundBody />;
}

/** 404 for paths outside every layout: brings its own header and main landmark. */
export function StandaloneNotFoundPage() {
  return (
    <PublicLayout>
      <NotFoundBody />
    </PublicLayout>
  );
}
