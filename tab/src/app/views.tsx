import { lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LeadsView } from '../leads/LeadsView';
import { ComingSoon } from './ComingSoon';
import type { ViewId } from './routes';

export type ViewProps = { readonly workspaceId: string; readonly recordId?: string };

/** A view still being built elsewhere: its translated name and "coming soon". */
const soon = (view: ViewId): ComponentType<ViewProps> =>
  function Soon({ workspaceId }: ViewProps) {
    const { t } = useTranslation();
    return <ComingSoon workspaceId={workspaceId} title={t(`nav.${view}`)} />;
  };

/**
 * What each route shows. Leads is the first screen and comes with the bundle; every other view is
 * loaded when first opened, so the first screen does not pay for the rest.
 */
export const VIEWS: Record<ViewId, ComponentType<ViewProps>> = {
  leads: LeadsView,
  organisations: lazy(() => import('../organisations/OrganisationsView')),
  contacts: lazy(() => import('../contacts/ContactsView')),
  opportunities: soon('opportunities'),
  pipeline: soon('pipeline'),
  campaigns: lazy(() => import('../campaigns/CampaignsView')),
  activities: lazy(() => import('../activities/ActivitiesView')),
  dashboard: soon('dashboard'),
  settings: lazy(() => import('../settings/SettingsView')),
  'recycle-bin': lazy(() => import('../recycle-bin/RecycleBinView')),
};
