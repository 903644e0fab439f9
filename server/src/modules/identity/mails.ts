import type { Lang } from '@baken/contracts';
import type { Mail } from '../../platform/mail.js';

// Mail texts are user-facing: Dutch first, English second, chosen by the recipient's language.
const texts = {
  reset: {
    nl: {
      subject: 'Baken: stel een nieuw wachtwoord in',
      body: 'U vroeg een nieuw wachtwoord aan voor Baken.\n\nKies een nieuw wachtwoord via deze link (één uur geldig):\n{{link}}\n\nVroeg u dit niet aan? Dan hoeft u niets te doen.',
    },
    en: {
      subject: 'Baken: set a new password',
      body: 'You asked for a new Baken password.\n\nChoose a new password with this link (valid for one hour):\n{{link}}\n\nDid not ask for this? Then you need not do anything.',
    },
  },
  invite: {
    nl: {
      subject: 'Baken: u bent uitgenodigd voor {{bestuur}}',
      body: '{{inviter}} nodigde u uit in Baken, het platform voor informatieveiligheid, voor {{bestuur}}.\n\nKies uw wachtwoord via deze link (zeven dagen geldig):\n{{link}}\n\nMeldt uw organisatie aan via de Vlaamse overheid? Dan kunt u ook zo aanmelden met dit e-mailadres.',
    },
    en: {
      subject: 'Baken: you are invited to {{bestuur}}',
      body: '{{inviter}} invited you to Baken, the information-security platform, for {{bestuur}}.\n\nChoose your password with this link (valid for seven days):\n{{link}}\n\nDoes your organisation sign in with the Flemish government? Then you can also sign in that way with this e-mail address.',
    },
  },
  added: {
    nl: {
      subject: 'Baken: u hebt toegang tot {{bestuur}}',
      body: '{{inviter}} gaf u toegang tot {{bestuur}} in Baken.\n\nMeld aan zoals gewoonlijk:\n{{link}}',
    },
    en: {
      subject: 'Baken: you now have access to {{bestuur}}',
      body: '{{inviter}} gave you access to {{bestuur}} in Baken.\n\nSign in as usual:\n{{link}}',
    },
  },
} as const;

export function passwordMail(
  kind: keyof typeof texts,
  lang: Lang,
  to: string,
  link: string,
  params: Record<string, string> = {},
): Mail {
  const t = texts[kind][lang];
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k === 'link' ? link : (params[k] ?? '')));
  return { to, subject: fill(t.subject), text: fill(t.body) };
}
