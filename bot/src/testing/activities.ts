/** Who sends a test activity, and from where. */
export type TestSender = {
  readonly tenantId?: string;
  readonly aadObjectId?: string;
  readonly name?: string;
  readonly teamId?: string;
  readonly locale?: string;
};

let sequence = 0;

/** A Teams message activity as the Bot Connector service delivers it. */
export function teamsMessage(serviceUrl: string, text: string, from: TestSender): Record<string, unknown> {
  sequence += 1;
  const conversationType = from.teamId ? 'channel' : 'personal';
  return {
    type: 'message',
    id: `activity-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    text,
    ...(from.locale ? { locale: from.locale } : {}),
    from: {
      id: `29:${from.aadObjectId ?? 'anonymous'}`,
      name: from.name ?? 'Someone',
      aadObjectId: from.aadObjectId,
    },
    recipient: { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' },
    conversation: {
      id: from.teamId ? `19:${from.teamId}@thread.tacv2` : `a:personal-${from.aadObjectId ?? 'anonymous'}`,
      conversationType,
      ...(from.tenantId ? { tenantId: from.tenantId } : {}),
    },
    channelData: {
      ...(from.tenantId ? { tenant: { id: from.tenantId } } : {}),
      ...(from.teamId
        ? { team: { id: from.teamId }, channel: { id: `19:${from.teamId}@thread.tacv2` } }
        : {}),
    },
  };
}
