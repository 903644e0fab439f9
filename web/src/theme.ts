import { createTheme } from '@mantine/core';

/** Mantine theme; the primary shade is dark enough for AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  focusRing: 'auto',
  defaultRadius: 'sm',
});
