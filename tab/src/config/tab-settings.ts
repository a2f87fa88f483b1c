import type { TabSettings } from '../teams/teams-host';
import { DEFAULT_VIEW, routeHash } from '../app/routes';

/** What Teams saves for a team tab bound to a workspace: it opens that workspace's home (My day). */
export function tabSettings(origin: string, workspace: { id: string; name: string }): TabSettings {
  const url = `${origin}/tab${routeHash({ workspaceId: workspace.id, view: DEFAULT_VIEW })}`;
  return {
    contentUrl: url,
    websiteUrl: url,
    entityId: `pipeline-${workspace.id}`,
    suggestedDisplayName: workspace.name,
  };
}
