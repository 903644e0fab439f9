import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useUpdateMe } from '../api/me';
import { useSession } from '../api/session';
import i18n, { rememberLanguage, type UiLanguage } from '../i18n';

/** NL/EN switch. Signed in, the choice is stored in the profile; before that, in the browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const session = useSession();
  const updateMe = useUpdateMe();
  const value: UiLanguage = i18n.language === 'en' ? 'en' : 'nl';

  const change = (next: string) => {
    const lang: UiLanguage = next === 'en' ? 'en' : 'nl';
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
    if (session) {
      updateMe.mutate(
        { language: lang },
        {
          onError: (e) =>
            notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : t('errors.unexpected') }),
        },
      );
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={value}
      onChange={change}
      data={[
        // Each language is named in that language, so it can be found by someone who cannot read the other.
        {
          value: 'nl',
          label: (
            <span lang="nl" title={t('language.nl', { lng: 'nl' })}>
              NL
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title={t('language.en', { lng: 'en' })}>
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
