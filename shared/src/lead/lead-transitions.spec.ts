import { LEAD_STATUSES, type LeadStatus } from './lead';
import { canMoveLead } from './lead-transitions';

describe('lead transition table', () => {
  const allowed: readonly [LeadStatus, LeadStatus][] = [
    ['open-not-contacted', 'working-contacted'],
    ['open-not-contacted', 'closed-not-converted'],
    ['open-not-contacted', 'closed-converted'],
    ['working-contacted', 'open-not-contacted'],
    ['working-contacted', 'closed-not-converted'],
    ['working-contacted', 'closed-converted'],
    ['closed-not-converted', 'working-contacted'],
  ];
  const isAllowed = (from: LeadStatus, to: LeadStatus) => allowed.some(([f, t]) => f === from && t === to);
  const pairs = LEAD_STATUSES.flatMap((from) =>
    LEAD_STATUSES.map((to) => [from, to, isAllowed(from, to)] as const),
  );

  it.each(pairs)('given a lead in %s, when it moves to %s, then allowed is %s', (from, to, expected) => {
    expect(canMoveLead(from, to)).toBe(expected);
  });
});
