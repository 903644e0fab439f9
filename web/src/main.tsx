import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import 'dayjs/locale/nl';
import { DatesProvider } from '@mantine/dates';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { sessionQuery } from './api/session';
import './i18n';
import { createAppRouter } from './router';
import { cssVariablesResolver, makeTheme } from './theme';

/** A session that expired while the app was open: back to sign-in, then return here. */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') return;
  if (window.location.pathname === '/aanmelden') return;
  queryClient.setQueryData(sessionQuery.queryKey, null);
  const here = window.location.pathname + window.location.search;
  void router.navigate({ to: '/aanmelden', search: { redirect: here } });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => makeTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'nl', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
