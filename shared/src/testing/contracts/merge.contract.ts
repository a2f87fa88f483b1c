import { createActivity } from '../../application/activity/activity.use-case';
import type { AppDeps, Caller } from '../../application/deps';
import { mergeRecords } from '../../application/duplicates/merge-records.use-case';
import { createContact } from '../../application/contact/contact.use-case';
import { convertLead } from '../../application/lead/convert-lead.use-case';
import { createLead } from '../../application/lead/lead.use-case';
import { createOpportunity } from '../../application/opportunity/opportunity.use-case';
import { createOrganisation } from '../../application/organisation/organisation.use-case';
import { createWorkspace } from '../../application/workspace/workspace.use-case';
import type { Version } from '../../records/versions';
import { fixedClock } from '../clock';
import { expectOk, uniqueId, type StorageUnderTest } from './contract-fixtures';

const anna = { tenantId: 'tenant-merge', userId: 'user-anna', name: 'Anna' };
const caller: Caller = { actor: anna };

/**
 * Merging two organisations or contacts through the use case, over each storage: everything the
 * loser had moves in the one transaction, or nothing does.
 */
export function mergeContract(storage: () => StorageUnderTest): void {
  describe('merging records', () => {
    const given = async () => {
      const deps: AppDeps = {
        ...storage(),
        clock: fixedClock(),
        ids: { newId: () => uniqueId('m') },
      };
      const ws = expectOk(await createWorkspace(deps, anna, { name: 'Merge' })).record.id;
      const org = async (body: object) => expectOk(await createOrganisation(deps, caller, ws, body));
      return { deps, ws, org };
    };

    it("moves the loser's contacts, deals, activities and converted leads to the survivor and bins the loser, in one commit", async () => {
      const { deps, ws, org } = await given();
      const survivor = await org({ name: 'Fjordlys Logistikk AS' });
      const loser = await org({ name: 'Fjordlys Logistikk', website: 'fjordlys.example', city: 'Bergen' });
      const ingrid = expectOk(
        await createContact(deps, caller, ws, {
          organisationId: loser.record.id,
          lastName: 'Solberg',
          email: 'ingrid@fjordlys.example',
        }),
      );
      const deal = expectOk(
        await createOpportunity(deps, caller, ws, { name: 'Scanners', organisationId: loser.record.id }),
      );
      const call = expectOk(
        await createActivity(deps, caller, ws, {
          type: 'call',
          subject: 'Intro',
          regarding: { type: 'organisation', id: loser.record.id },
        }),
      );
      const lead = expectOk(await createLead(deps, caller, ws, { lastName: 'Nordmann' }));
      const converted = expectOk(
        await convertLead(deps, caller, ws, lead.record.id, {
          organisationId: loser.record.id,
          createOpportunity: false,
        }),
      );

      const merged = expectOk(
        await mergeRecords(deps, caller, ws, 'organisation', {
          survivor: { id: survivor.record.id, version: survivor.version },
          loser: { id: loser.record.id, version: loser.version },
        }),
      );

      expect(merged.moved).toEqual({ contacts: 2, opportunities: 1, activities: 1, leads: 1 });
      expect(merged.survivor.record).toMatchObject({
        name: 'Fjordlys Logistikk AS',
        website: 'fjordlys.example',
        city: 'Bergen',
      });
      const { records } = deps;
      expect((await records.get(ws, 'organisation', survivor.record.id))?.version).toBe(
        merged.survivor.version,
      );
      expect(await records.get(ws, 'organisation', loser.record.id)).toBeUndefined();
      expect((await records.getDeleted(ws, 'organisation', loser.record.id))?.record.id).toBe(
        loser.record.id,
      );
      const contacts = await records.list(ws, 'contact', {
        limit: 10,
        filters: { organisationId: survivor.record.id },
      });
      expect(contacts.items.map((c) => c.record.id).sort()).toEqual(
        [ingrid.record.id, converted.contact.record.id].sort(),
      );
      expect((await records.get(ws, 'opportunity', deal.record.id))?.record.organisationId).toBe(
        survivor.record.id,
      );
      const about = await records.listActivities(ws, {
        limit: 10,
        regarding: [{ type: 'organisation', id: survivor.record.id }],
      });
      expect(about.items.map((a) => a.record.id)).toEqual([call.record.id]);
      const aboutLoser = await records.listActivities(ws, {
        limit: 10,
        regarding: [{ type: 'organisation', id: loser.record.id }],
      });
      expect(aboutLoser.items).toEqual([]);
      const leads = await records.list(ws, 'lead', {
        limit: 10,
        filters: { convertedOrganisationId: survivor.record.id },
      });
      expect(leads.items.map((l) => l.record.id)).toEqual([lead.record.id]);
    });

    it('given a stale loser, then 412 and nothing moved; given contacts of two organisations, then refused', async () => {
      const { deps, ws, org } = await given();
      const survivor = await org({ name: 'Bakker Bouw' });
      const loser = await org({ name: 'Bakker Bouw BV' });
      const sanne = expectOk(
        await createContact(deps, caller, ws, { organisationId: loser.record.id, lastName: 'de Vries' }),
      );

      const stale = await mergeRecords(deps, caller, ws, 'organisation', {
        survivor: { id: survivor.record.id, version: survivor.version },
        loser: { id: loser.record.id, version: survivor.version as Version },
      });

      expect(!stale.ok && stale.error.code).toBe('CONCURRENCY.STALE');
      expect((await deps.records.get(ws, 'contact', sanne.record.id))?.version).toBe(sanne.version);
      expect(await deps.records.get(ws, 'organisation', loser.record.id)).toBeDefined();

      const piet = expectOk(
        await createContact(deps, caller, ws, { organisationId: survivor.record.id, lastName: 'Bakker' }),
      );
      const apart = await mergeRecords(deps, caller, ws, 'contact', {
        survivor: { id: piet.record.id, version: piet.version },
        loser: { id: sanne.record.id, version: sanne.version },
      });
      expect(!apart.ok && apart.error.code).toBe('MERGE.DIFFERENT_ORGANISATIONS');
    });
  });
}
