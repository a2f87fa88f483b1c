import { Button } from '@fluentui/react-components';
import { subEntityIdOf, tabWebUrl, type TabAddress } from '@crm/shared';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from './StateViews';
import type { ShareDeepLink } from '../teams/teams-host';

/**
 * "Copy link" for a record: inside Teams, Teams' own share (`pages.shareDeepLink`, a deep link back
 * to the tab that opens at the record, `subPageId` `<ws>/<view>/<id>`); outside, the tab's web URL
 * (`<origin>/#/w/<ws>/<view>/<id>`) to the clipboard. Both are links the bot unfurls.
 */
export type RecordLinkSharing = {
  /** Teams' share, when the tab runs in Teams. */
  readonly shareDeepLink?: (link: ShareDeepLink) => void;
  /** The tab's web page (`https://host/`), where the plain link points. */
  readonly page: string;
  readonly clipboard: { writeText(text: string): Promise<void> };
};

/** What sharing did: Teams took it, the web URL is on the clipboard, or it could not be copied. */
export type ShareOutcome =
  | { readonly kind: 'teams' }
  | { readonly kind: 'copied'; readonly url: string }
  | { readonly kind: 'failed'; readonly url: string };

export async function shareRecordLink(
  sharing: RecordLinkSharing,
  address: TabAddress,
  label: string,
): Promise<ShareOutcome> {
  const url = tabWebUrl(sharing.page, address);
  if (sharing.shareDeepLink) {
    sharing.shareDeepLink({ subPageId: subEntityIdOf(address), subPageLabel: label, subPageWebUrl: url });
    return { kind: 'teams' };
  }
  try {
    await sharing.clipboard.writeText(url);
    return { kind: 'copied', url };
  } catch {
    return { kind: 'failed', url };
  }
}

const browserSharing = (): RecordLinkSharing => ({
  page: `${window.location.origin}/`,
  // Read when used: absent where the page may not write to it (an insecure origin).
  clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
});

const RecordLinkContext = createContext<RecordLinkSharing | undefined>(undefined);

export function RecordLinkProvider({
  shareDeepLink,
  children,
}: {
  readonly shareDeepLink?: (link: ShareDeepLink) => void;
  readonly children: ReactNode;
}) {
  const value = { ...browserSharing(), ...(shareDeepLink ? { shareDeepLink } : {}) };
  return <RecordLinkContext.Provider value={value}>{children}</RecordLinkContext.Provider>;
}

export type CopyLinkButtonProps = {
  readonly address: TabAddress;
  readonly label: string;
  readonly onNotice: (notice: Notice | undefined) => void;
};

/** The record's "Copy link" (Teams' share inside Teams, the clipboard outside). */
export function CopyLinkButton({ address, label, onNotice }: CopyLinkButtonProps) {
  const { t } = useTranslation();
  const sharing = useContext(RecordLinkContext) ?? browserSharing();
  const share = async () => {
    const outcome = await shareRecordLink(sharing, address, label);
    if (outcome.kind === 'copied') onNotice({ intent: 'success', text: t('records.linkCopied') });
    else if (outcome.kind === 'failed')
      onNotice({ intent: 'warning', text: t('records.linkNotCopied', { url: outcome.url }) });
    else onNotice(undefined);
  };
  return (
    <Button size="small" onClick={() => void share()}>
      {t('records.copyLink')}
    </Button>
  );
}
