import { convert } from './conversion.fixtures';
import { isOpenLeadStatus, LEAD_STATUSES } from './lead';
import { aLeadIn } from './lead.fixtures';
import { LeadCreateInputSchema } from './lead.schema';

describe('open lead statuses', () => {
  it.each(LEAD_STATUSES)('given a %s lead, then it is open exactly when conversion accepts it', (status) => {
    expect(isOpenLeadStatus(status)).toBe(convert({}, { lead: aLeadIn(status) }).ok);
  });

  it.each(LEAD_STATUSES)(
    'given a new lead in %s, then it is accepted exactly when that is open',
    (status) => {
      const parsed = LeadCreateInputSchema.safeParse({ lastName: 'Jansen', status });
      expect(parsed.success).toBe(isOpenLeadStatus(status));
    },
  );
});
