import { authRoutes } from './auth';
import { guideCallRoutes } from './guide-calls';
import { hallRoutes } from './hall';
import { lockerRoutes } from './lockers';
import { noticeRoutes } from './notices';
import { queueRoutes } from './queues';
import { ratingExportRoutes } from './rating-export';
import { ratingRoutes } from './ratings';
import { reportRoutes } from './reports';
import { settingsRoutes } from './settings';
import { ticketRoutes } from './tickets';
import { windowRoutes } from './windows';

export * from './route-contract';

/**
 * The HTTP API, one entry per route, each feature's routes in its own contract file beside its schemas: the server
 * registers these, the typed client calls them by name, and the OpenAPI document is generated from them.
 */
export const routes = {
  ...hallRoutes,
  ...queueRoutes,
  ...ticketRoutes,
  ...guideCallRoutes,
  ...ratingRoutes,
  ...windowRoutes,
  ...lockerRoutes,
  ...noticeRoutes,
  ...authRoutes,
  ...reportRoutes,
  ...ratingExportRoutes,
  ...settingsRoutes,
};

type Features = [
  typeof hallRoutes,
  typeof queueRoutes,
  typeof ticketRoutes,
  typeof guideCallRoutes,
  typeof ratingRoutes,
  typeof windowRoutes,
  typeof lockerRoutes,
  typeof noticeRoutes,
  typeof authRoutes,
  typeof reportRoutes,
  typeof ratingExportRoutes,
  typeof settingsRoutes,
];
/** Route names two features both define: a spread would silently keep the last. */
type Clash<Groups extends readonly object[], Seen = never> = Groups extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & Seen) | Clash<Rest, Seen | keyof Head>
  : never;
type MustBeNever<T extends never> = T;
/** Does not compile when two features name a route alike. */
export type RouteNamesAreUnique = MustBeNever<Clash<Features>>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
