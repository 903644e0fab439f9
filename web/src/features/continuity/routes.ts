import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { BiaEditorPage } from './BiaEditorPage';
import { BiaPage } from './BiaPage';
import { ContinuityPage } from './ContinuityPage';
import { PlanPage } from './PlanPage';
import { parseRegionReviewSearch, RegionReviewPage, RegionReviewsPage } from './RegionReviewsPage';
import { ReviewPage } from './ReviewPage';
import { SelfEvaluationPage } from './SelfEvaluationPage';

/** The bestuur's continuity pages under /b/$bestuurId/continuiteit. */
export function continuityRoutes<P extends AnyRoute>(parent: P) {
  const at = (path: string, component: () => React.ReactNode) =>
    createRoute({ getParentRoute: () => parent, path: `/continuiteit${path}`, component });
  return [
    at('', ContinuityPage),
    at('/zelfevaluatie', SelfEvaluationPage),
    at('/bia', BiaPage),
    at('/bia/$processId', BiaEditorPage),
    at('/plan', PlanPage),
    at('/beoordeling', ReviewPage),
  ] as const;
}

/** The coach's review of submissions: /regio/beoordelingen. */
export function continuityRegionRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/regio/beoordelingen',
      validateSearch: parseRegionReviewSearch,
      component: RegionReviewsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/regio/beoordelingen/$reviewId', component: RegionReviewPage }),
  ] as const;
}
