import type { Permission } from '@baken/contracts';

export interface NavItem {
  /** Translation key of the label. */
  labelKey: string;
  /**
   * `bestuur` items live under /b/<id>; `region` items under /regio. `global` items (the
   * catalogue) are for every signed-in user: shown in the bestuur's section, or under
   * Regionaal for someone without a bestuur.
   */
  scope: 'bestuur' | 'region' | 'global';
  /** Path; for `bestuur` items relative to /b/<id> ('' is the overview); absolute for `global`. */
  path: string;
  /** Shown only when the user holds this permission (in the bestuur or regionally). */
  permission?: Permission;
  /** Active only on an exact path match. */
  exact?: boolean;
}

/** The navigation. A new module adds one line here (and its route). */
export const navItems: NavItem[] = [
  { scope: 'bestuur', labelKey: 'nav.overview', path: '', exact: true },
  { scope: 'bestuur', labelKey: 'processes.nav.processes', path: '/processen', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'classification.nav', path: '/classificatie', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'measures.nav', path: '/maatregelen', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'compliance.nav', path: '/conformiteit', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'cyfun.nav', path: '/cyberfundamentals', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'risks.nav', path: '/risicos', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'continuity.navItem', path: '/continuiteit', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'registers.nav.applications', path: '/toepassingen', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'registers.nav.suppliers', path: '/leveranciers', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'processlist.nav.updates', path: '/proceslijst-updates', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'monitoring.nav.own', path: '/vergelijking', permission: 'isms.view' },
  { scope: 'bestuur', labelKey: 'nav.members', path: '/leden', permission: 'members.view' },
  { scope: 'bestuur', labelKey: 'nav.audit', path: '/audittrail', permission: 'audit.view' },
  { scope: 'bestuur', labelKey: 'nav.details', path: '/gegevens', permission: 'bestuur.view' },
  { scope: 'region', labelKey: 'nav.besturen', path: '/regio', permission: 'region.besturen.view', exact: true },
  {
    scope: 'region',
    labelKey: 'monitoring.nav.region',
    path: '/regio/monitoring',
    permission: 'region.monitoring.view',
  },
  { scope: 'region', labelKey: 'continuity.coach.nav', path: '/regio/beoordelingen', permission: 'region.reviews' },
  { scope: 'region', labelKey: 'nav.platformAudit', path: '/regio/audittrail', permission: 'platform.audit.view' },
  { scope: 'region', labelKey: 'products.nav', path: '/regio/ipdc', permission: 'region.content.manage' },
  {
    scope: 'region',
    labelKey: 'processlist.nav.list',
    path: '/regio/proceslijst',
    permission: 'region.content.manage',
  },
  { scope: 'global', labelKey: 'nav.catalog', path: '/catalogus' },
];
