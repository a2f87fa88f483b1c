import {
  PERSONAL_TAB_ENTITY_ID,
  recordTabAddress,
  tabWebUrl,
  teamsDeepLink,
  type RecordAddress,
} from '@crm/shared';

/** What Teams opens in Stage View (an Adaptive Card's `tab/tabInfoAction`): the tab at the record. */
export type StageTab = {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly name: string;
  readonly entityId: string;
};

/**
 * Where a card's "Open in Pipeline CRM" goes: inside Teams a deep link to the record in the app's tab
 * (with the web URL as Teams' fallback), else the tab's web URL; nothing when the bot does not know
 * where the tab is.
 */
export type RecordLinks = {
  readonly open: (record: RecordAddress, label?: string) => string | undefined;
  /** The record's page in Stage View (an unfurled link's button); undefined without the tab's URL. */
  readonly stage: (record: RecordAddress, name: string) => StageTab | undefined;
};

export const NO_RECORD_LINKS: RecordLinks = { open: () => undefined, stage: () => undefined };

/**
 * Links from the tab's public URL (`TAB_ENDPOINT`) and the Teams app's id (`TEAMS_APP_ID`): the tab's
 * web page is `<tab>/`, its personal tab's page inside Teams `<tab>/personal` (the manifest's).
 */
export function recordLinks(options: {
  readonly tabUrl?: string;
  readonly teamsAppId?: string;
}): RecordLinks {
  const tab = options.tabUrl?.replace(/\/+$/, '');
  if (!tab) return NO_RECORD_LINKS;
  const web = (record: RecordAddress) => tabWebUrl(`${tab}/`, recordTabAddress(record));
  const appId = options.teamsAppId;
  return {
    open: (record, label) =>
      appId
        ? teamsDeepLink({ appId, entityId: PERSONAL_TAB_ENTITY_ID }, recordTabAddress(record), {
            webUrl: web(record),
            ...(label ? { label } : {}),
          })
        : web(record),
    stage: (record, name) => ({
      contentUrl: tabWebUrl(`${tab}/personal`, recordTabAddress(record)),
      websiteUrl: web(record),
      name,
      entityId: PERSONAL_TAB_ENTITY_ID,
    }),
  };
}
