import type { Lead } from '@crm/shared';
import { fakeApi } from './fake-api';

/**
 * For specs of what is due when: the fake API with its clock at the reader's now (the browser's
 * "today" and the server's agree) and one lead, Kari Nordmann of Fjordlys.
 */
export async function fakeApiWithKari() {
  const fake = await fakeApi();
  fake.clock.advance(Date.now() - Date.parse(fake.clock.now()));
  const lead = await fake.add<Lead>('leads', {
    firstName: 'Kari',
    lastName: 'Nordmann',
    company: 'Fjordlys',
  });
  return { fake, lead };
}
