/** Who, where and when of a test event (the relay's events all carry these). */
export const EVENT_META = {
  id: 'E1',
  workspaceId: 'W1',
  occurredAt: '2026-11-29T10:00:00.000Z',
  actorId: 'carol',
} as const;

/** The deal summary events carry, for a deal named `name`. */
export const dealSummary = (name: string) => ({
  opportunityId: 'D1',
  name,
  organisationId: 'O1',
  amount: 12000,
  currency: 'EUR',
});
