import type { RouteSpec } from './route-spec';

export const reportRoutes: RouteSpec[] = [];
