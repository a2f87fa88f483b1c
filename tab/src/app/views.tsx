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
export const VIEWS: Record<ViewId, ComponentType<ViewProps>> = {
  // A workspace opens on My day: the shell preloads its chunk (browser-bundle.ts PRELOADED_MODULES).
  'my-day': lazyView(() => import('../my-day/MyDayView')),
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
