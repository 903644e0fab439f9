import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { BestuurMonitoringPage } from './BestuurMonitoringPage';
import { ComparisonPage } from './ComparisonPage';
import { MeasuresPage } from './MeasuresPage';
import { OverviewPage } from './OverviewPage';
import { parseOverviewSearch, parseRankingSearch, parseRegionFilter } from './search';
import { TrendPage } from './TrendPage';
import { VulnerablePage } from './VulnerablePage';

/**
 * The regional monitoring pages under /regio/monitoring. The bestuur's page uses `$id`, not
 * `$bestuurId`: the shell would otherwise take it for the bestuur the user works in.
 */
export function regionMonitoringRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/monitoring',
      validateSearch: parseOverviewSearch,
      component: OverviewPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/monitoring/kwetsbaar',
      validateSearch: parseRegionFilter,
      component: VulnerablePage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/monitoring/maatregelen',
      validateSearch: parseRankingSearch,
      component: MeasuresPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/monitoring/trend',
      validateSearch: parseRegionFilter,
      component: TrendPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/monitoring/besturen/$id',
      component: BestuurMonitoringPage,
    }),
  ] as const;
}

/** The bestuur's own position: /b/$bestuurId/vergelijking. */
export function comparisonRoute<P extends AnyRoute>(parent: P) {
  return createRoute({ getParentRoute: () => parent, path: '/vergelijking', component: ComparisonPage });
}
