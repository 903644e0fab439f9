import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../api/session';
import { type NavItem, navItems } from './nav';

function isActive(pathname: string, href: string, exact?: boolean): boolean {
  const p = pathname.replace(/\/$/, '') || '/';
  return exact ? p === href : p === href || p.startsWith(`${href}/`);
}

/** Where an item links to: `bestuur` items below the bestuur's prefix, others as they are. */
const hrefOf = (item: NavItem, prefix: string) => (item.scope === 'bestuur' ? `${prefix}${item.path}` : item.path);

function NavSection({ title, items, prefix }: { title: string; items: NavItem[]; prefix: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const titleId = useId();
  if (items.length === 0) return null;
  // The section title labels the list but is not a heading, so each page's h1 comes first.
  return (
    <div>
      <Text id={titleId} size="xs" fw={700} tt="uppercase" px="sm" mb={4}>
        {title}
      </Text>
      <ul aria-labelledby={titleId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => {
          const href = hrefOf(item, prefix);
          const active = isActive(pathname, href, item.exact);
          return (
            <li key={item.labelKey}>
              <NavLink
                component={Link}
                to={href}
                activeOptions={{ exact: item.exact ?? false }}
                label={t(item.labelKey)}
                active={active}
                aria-current={active ? 'page' : undefined}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Left navigation built from the one nav config, filtered by permission. */
export function AppNav({ bestuurId }: { bestuurId?: string }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const membership = session.memberships.find((m) => m.bestuurId === bestuurId);
  // Global items join the bestuur's section when there is one, else the regional section.
  const globalScope = bestuurId ? 'bestuur' : 'region';
  const scopeOf = (i: NavItem) => (i.scope === 'global' ? globalScope : i.scope);
  const bestuurItems = bestuurId
    ? navItems.filter(
        (i) => scopeOf(i) === 'bestuur' && (!i.permission || hasPermission(session, i.permission, bestuurId)),
      )
    : [];
  const regionItems =
    session.user.regionalRoles.length > 0
      ? navItems.filter((i) => scopeOf(i) === 'region' && (!i.permission || hasPermission(session, i.permission)))
      : [];
  return (
    <Stack gap="lg">
      {bestuurId && (
        <NavSection
          title={membership?.bestuurName ?? t('nav.bestuur')}
          items={bestuurItems}
          prefix={`/b/${bestuurId}`}
        />
      )}
      <NavSection title={t('nav.region')} items={regionItems} prefix="" />
    </Stack>
  );
}
