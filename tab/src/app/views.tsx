import { lazy, type ComponentType } from 'react';
import { LeadsView } from '../leads/LeadsView';
import type { ViewId } from './routes';

export type ViewProps = { readonly workspaceId: string; readonly recordId?: string };

/**
 * What each route shows. Leads is the first screen and comes with the bundle; every other view is
 * loaded when first opened, so the first screen does not pay for the rest.
 */
export const VIEWS: Record<ViewId, ComponentType<ViewProps>> = {
  'my-day': lazy(() => import('../my-day/MyDayView')),
  leads: LeadsView,
  organisations: lazy(() => import('../organisations/OrganisationsView')),
  contacts: lazy(() => import('../contacts/ContactsView')),
  opportunities: lazy(() => import('../opportunities/OpportunitiesView')),
  pipeline: lazy(() => import('../pipeline/PipelineBoard')),
  campaigns: lazy(() => import('../campaigns/CampaignsView')),
  activities: lazy(() => import('../activities/ActivitiesView')),
  dashboard: lazy(() => import('../dashboard/DashboardView')),
  settings: lazy(() => import('../settings/SettingsView')),
  'recycle-bin': lazy(() => import('../recycle-bin/RecycleBinView')),
};
