import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { homePath, sessionQuery } from './api/session';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage, StandaloneNotFoundPage } from './components/NotFoundPage';
import { AuditPage } from './features/audit/AuditPage';
import { type AuditSearch, parseAuditSearch } from './features/audit/search';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { SignInPage } from './features/auth/SignInPage';
import { BestuurDetailsPage } from './features/bestuur/BestuurDetailsPage';
import { CatalogPage } from './features/catalog/CatalogPage';
import { ClassificationPage } from './features/classification/ClassificationPage';
import { CompliancePage } from './features/compliance/CompliancePage';
import { FrameworkPage } from './features/compliance/FrameworkPage';
import { AssessmentPage } from './features/cyfun/AssessmentPage';
import { CyfunPage } from './features/cyfun/CyfunPage';
import {
  type FrameworkSearch,
  type LevelSearch,
  parseFrameworkSearch,
  parseLevelSearch,
} from './features/compliance/search';
import { OverviewPage } from './features/bestuur/OverviewPage';
import { ProcessDetailPage } from './features/processes/ProcessDetailPage';
import { ProcessesPage } from './features/processes/ProcessesPage';
import { type ProcessSearch, parseProcessSearch } from './features/processes/search';
import { MembersPage } from './features/members/MembersPage';
import { ProfilePage } from './features/profile/ProfilePage';
import { ApplicationsPage } from './features/registers/ApplicationsPage';
import { SuppliersPage } from './features/registers/SuppliersPage';
import { MatrixPage } from './features/risks/MatrixPage';
import { RisksPage } from './features/risks/RisksPage';
import { parseRiskSearch, type RiskSearch } from './features/risks/search';
import { PlatformAuditPage } from './features/region/PlatformAuditPage';
import { RegionPage } from './features/region/RegionPage';
import { DiffPage } from './features/processlist/DiffPage';
import { DraftPage } from './features/processlist/DraftPage';
import {
  type DiffSearch,
  parseDiffSearch,
  parseVersionsSearch,
  type VersionsSearch,
} from './features/processlist/search';
import { UpdatesPage } from './features/processlist/UpdatesPage';
import { VersionsPage } from './features/processlist/VersionsPage';
import { IpdcPage } from './features/products/IpdcPage';
import { MeasureRegisterPage } from './features/measures/MeasureRegisterPage';
import { comparisonRoute, regionMonitoringRoutes } from './features/monitoring/routes';
import { continuityRegionRoutes, continuityRoutes } from './features/continuity/routes';
import { type MeasureSearch, parseMeasureSearch } from './features/measures/search';

interface RouterContext {
  queryClient: QueryClient;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const pageOf = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: StandaloneNotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aanmelden',
  // `fout` carries the error code when sign-in with the Flemish government failed.
  validateSearch: (s: Record<string, unknown>): { redirect?: string; fout?: string } => ({
    redirect: str(s.redirect),
    fout: str(s.fout),
  }),
  beforeLoad: async ({ context }) => {
    // Already signed in: signing in again makes no sense (and the server would ask for CSRF).
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ to: homePath(session) });
  },
  component: SignInPage,
});
const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-vergeten',
  component: ForgotPasswordPage,
});
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-herstellen',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: ResetPasswordPage,
});

/** Everything below requires a session. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) {
      const target = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/aanmelden', search: { redirect: target } });
    }
    return { session };
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.session) });
  },
});

const bestuurRoute = createRoute({ getParentRoute: () => appRoute, path: '/b/$bestuurId', component: Outlet });
const overviewRoute = createRoute({ getParentRoute: () => bestuurRoute, path: '/', component: OverviewPage });
const membersRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/leden',
  validateSearch: (s: Record<string, unknown>): { page?: number; q?: string } => ({
    page: pageOf(s.page),
    q: str(s.q),
  }),
  component: MembersPage,
});
const auditRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/audittrail',
  validateSearch: (s: Record<string, unknown>): AuditSearch => parseAuditSearch(s),
  component: AuditPage,
});
const detailsRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/gegevens',
  component: BestuurDetailsPage,
});
const processesRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/processen',
  validateSearch: (s: Record<string, unknown>): ProcessSearch => parseProcessSearch(s),
  component: ProcessesPage,
});
const processRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/processen/$processId',
  component: ProcessDetailPage,
});
const classificationRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/classificatie',
  component: ClassificationPage,
});
const requiredMeasuresRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/maatregelen',
  validateSearch: (s: Record<string, unknown>): MeasureSearch => parseMeasureSearch(s),
  component: MeasureRegisterPage,
});
const complianceRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/conformiteit',
  validateSearch: (s: Record<string, unknown>): LevelSearch => parseLevelSearch(s),
  component: CompliancePage,
});
const frameworkComplianceRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/conformiteit/$frameworkId',
  validateSearch: (s: Record<string, unknown>): FrameworkSearch => parseFrameworkSearch(s),
  component: FrameworkPage,
});
const cyfunRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/cyberfundamentals',
  component: CyfunPage,
});
const cyfunAssessmentRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/cyberfundamentals/$assessmentId',
  component: AssessmentPage,
});
const applicationsRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/toepassingen',
  component: ApplicationsPage,
});
const suppliersRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/leveranciers',
  component: SuppliersPage,
});
const risksRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/risicos',
  validateSearch: (s: Record<string, unknown>): RiskSearch => parseRiskSearch(s),
  component: RisksPage,
});
const riskMatrixRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/risicos/matrix',
  component: MatrixPage,
});
const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogus',
  validateSearch: (s: Record<string, unknown>): { page?: number; q?: string } => ({
    page: pageOf(s.page),
    q: str(s.q),
  }),
  component: CatalogPage,
});
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profiel', component: ProfilePage });
const regionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio',
  validateSearch: (s: Record<string, unknown>): { page?: number; q?: string } => ({
    page: pageOf(s.page),
    q: str(s.q),
  }),
  component: RegionPage,
});
const regionAuditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio/audittrail',
  validateSearch: (s: Record<string, unknown>): AuditSearch => parseAuditSearch(s),
  component: PlatformAuditPage,
});

const regionIpdcRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio/ipdc',
  validateSearch: (s: Record<string, unknown>): { page?: number; q?: string } => ({
    page: pageOf(s.page),
    q: str(s.q),
  }),
  component: IpdcPage,
});

const processListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio/proceslijst',
  validateSearch: (s: Record<string, unknown>): VersionsSearch => parseVersionsSearch(s),
  component: VersionsPage,
});
const processListDiffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio/proceslijst/verschil',
  validateSearch: (s: Record<string, unknown>): DiffSearch => parseDiffSearch(s),
  component: DiffPage,
});
const processListDraftRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regio/proceslijst/concept',
  component: DraftPage,
});
const processUpdatesRoute = createRoute({
  getParentRoute: () => bestuurRoute,
  path: '/proceslijst-updates',
  component: UpdatesPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotRoute,
  resetRoute,
  appRoute.addChildren([
    indexRoute,
    bestuurRoute.addChildren([
      overviewRoute,
      membersRoute,
      auditRoute,
      detailsRoute,
      applicationsRoute,
      suppliersRoute,
      risksRoute,
      riskMatrixRoute,
      processesRoute,
      processRoute,
      requiredMeasuresRoute,
      complianceRoute,
      frameworkComplianceRoute,
      cyfunRoute,
      cyfunAssessmentRoute,
      classificationRoute,
      processUpdatesRoute,
      comparisonRoute(bestuurRoute),
      ...continuityRoutes(bestuurRoute),
    ]),
    catalogRoute,
    profileRoute,
    regionRoute,
    regionAuditRoute,
    processListRoute,
    processListDiffRoute,
    processListDraftRoute,
    regionIpdcRoute,
    ...regionMonitoringRoutes(appRoute),
    ...continuityRegionRoutes(appRoute),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}
