import { parseCommand } from './parse-command';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['', { name: 'help' }],
    ['  HELP  ', { name: 'help' }],
    ['leads', { name: 'leads' }],
    ['Leads   Ada  Lovelace ', { name: 'leads', search: 'Ada Lovelace' }],
    ['<at>Pipeline CRM</at> leads ada', { name: 'leads', search: 'ada' }],
    ['<at>Pipeline CRM</at>&nbsp;pipeline', { name: 'pipeline' }],
    ['<p><at>CRM</at> deals</p>', { name: 'deals' }],
    ['DEALS fjord', { name: 'deals', search: 'fjord' }],
    ['/pipeline', { name: 'pipeline' }],
    ['pipeline please', { name: 'pipeline' }],
    ['convert lead 42', { name: 'help', unknown: 'convert lead 42' }],
    ['Tom &amp; Jerry', { name: 'help', unknown: 'Tom & Jerry' }],
  ])('%j → %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it('keeps a search to 200 characters', () => {
    const parsed = parseCommand(`leads ${'x'.repeat(500)}`);
    expect(parsed).toEqual({ name: 'leads', search: 'x'.repeat(200) });
  });
});
