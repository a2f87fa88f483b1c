import type { ComponentType } from 'react';
import { lazyView } from './lazy-view';
import { LeadsView } from '../leads/LeadsView';
import type { ViewId } from './routes';

export type ViewProps = { readonly workspaceId: string; readonly recordId?: string };

/**
 * What each route shows. Leads is the first screen and comes with the bundle; every other view is
 * loaded when first opened, so the first screen does not pay for the rest; a chunk a deploy took away
 * reloads the page once (`lazy-view.ts`).
 */
const loadMyDay = () => import('../my-day/MyDayView');

/**
 * Fetches My day's chunk ahead of need: a workspace opens on it, so it is asked for while the person
 * signs in or picks a workspace instead of after the click (React.lazy then finds the module loaded).
 */
export const prefetchFirstView = (): void => void loadMyDay().catch(() => undefined);

export const VIEWS: Record<ViewId, ComponentType<ViewProps>> = {
  'my-day': lazyView(loadMyDay),
  leads: LeadsView,
  organisations: lazyView(() => import('../organisations/OrganisationsView')),
  contacts: lazyView(() => import('../contacts/ContactsView')),
  opportunities: lazyView(() => import('../opportunities/OpportunitiesView')),
  pipeline: lazyView(() => import('../pipeline/PipelineBoard')),
  campaigns: lazyView(() => import('../campaigns/CampaignsView')),
  activities: lazyView(() => import('../activities/ActivitiesView')),
  dashboard: lazyView(() => import('../dashboard/DashboardView')),
  settings: lazyView(() => import('../settings/SettingsView')),
  'recycle-bin': lazyView(() => import('../recycle-bin/RecycleBinView')),
};
