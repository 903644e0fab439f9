import { Button, Container, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { PageTitle } from './PageTitle';

/** 404. Inside the shell it renders in <main>; on its own it provides its own. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const session = useSession();
  const body = (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="lg">{t('notFound.text')}</Text>
      <Button component={Link} to={session ? '/' : '/aanmelden'}>
        {t('notFound.home')}
      </Button>
    </>
  );
  if (document.getElementById('main-content')) return body;
  return (
    <Container component="main" id="main-content" py={64}>
      {body}
    </Container>
  );
}
