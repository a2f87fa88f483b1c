import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LeadsView } from '../leads/LeadsView';

// TEMPORARY seam (issue 9): the shell's route table replaces this file when it lands. The board and
// the charts are lazy, so the first screen's script stays small.
const OpportunitiesView = lazy(() => import('../opportunities/OpportunitiesView'));
const PipelineBoard = lazy(() => import('../pipeline/PipelineBoard'));
const DashboardView = lazy(() => import('../dashboard/DashboardView'));

const VIEWS = {
  leads: { label: 'leads.heading', View: LeadsView },
  opportunities: { label: 'opportunities.heading', View: OpportunitiesView },
  pipeline: { label: 'pipeline.heading', View: PipelineBoard },
  dashboard: { label: 'dashboard.heading', View: DashboardView },
} as const;
type ViewId = keyof typeof VIEWS;

export type TemporaryViewTabsProps = { readonly workspaceId: string };

/** Leads, opportunities, pipeline and dashboard as tabs, until the navigation of issue 9 exists. */
export function TemporaryViewTabs({ workspaceId }: TemporaryViewTabsProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<ViewId>('leads');
  const { View } = VIEWS[view];
  return (
    <>
      <TabList selectedValue={view} onTabSelect={(_e, data) => setView(data.value as ViewId)}>
        {Object.entries(VIEWS).map(([id, { label }]) => (
          <Tab key={id} value={id}>
            {t(label)}
          </Tab>
        ))}
      </TabList>
      <Suspense fallback={<Spinner label={t('app.loading')} />}>
        <View workspaceId={workspaceId} />
      </Suspense>
    </>
  );
}
