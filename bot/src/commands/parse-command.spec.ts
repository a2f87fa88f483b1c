import { parseLine } from './parse-command';

describe('parseLine', () => {
  it.each([
    ['<at>Pipeline CRM</at> leads', { word: 'leads', args: undefined }],
    ['LEADS  ada   lovelace', { word: 'leads', args: 'ada lovelace' }],
    ['/deals <b>acme</b>', { word: 'deals', args: 'acme' }],
    ['move Big deal &amp; co proposal', { word: 'move', args: 'Big deal & co proposal' }],
    ['', { word: '', args: undefined }],
  ])('%j → %j', (text, expected) => {
    expect(parseLine(text)).toMatchObject(expected);
  });
});
