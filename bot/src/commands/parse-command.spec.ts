import { MAX_LINE, parseLine, plainText } from './parse-command';

describe('parseLine', () => {
  it.each([
    ['<at>Pipeline CRM</at> leads', { word: 'leads', args: undefined }],
    ['<at id="0">Pipeline CRM</at>&nbsp;deals acme', { word: 'deals', args: 'acme' }],
    ['LEADS  ada   lovelace', { word: 'leads', args: 'ada lovelace' }],
    ['/deals <b>acme</b>', { word: 'deals', args: 'acme' }],
    ['move Big deal &amp; co proposal', { word: 'move', args: 'Big deal & co proposal' }],
    ['lead &lt;at&gt;x&lt;/at&gt;', { word: 'lead', args: '<at>x</at>' }],
    ['', { word: '', args: undefined }],
  ])('%j → %j', (text, expected) => {
    expect(parseLine(text)).toMatchObject(expected);
  });

  it('given a line longer than a command can be, then only its first MAX_LINE characters are read', () => {
    const line = parseLine(`leads ${'a'.repeat(MAX_LINE)} tail`);
    expect(line.word).toBe('leads');
    expect(line.plain.length).toBeLessThanOrEqual(MAX_LINE);
    expect(line.plain).not.toContain('tail');
    expect(parseLine('<at>'.repeat(60_000))).toEqual({ word: '', args: undefined, plain: '' });
  });

  // Linear, not timed tight: each input is a million characters, which the former lazy `<at>…</at>`
  // and `<[^>]+>` patterns took from over a minute (`<at>` × 250,000) to a quarter of an hour (`<`
  // × 1,000,000) on; linear, each takes tens of milliseconds. Two seconds leaves a busy machine room.
  it.each([
    ['<at> × 250,000 (no </at>)', '<at>'.repeat(250_000)],
    ['< × 1,000,000 (no >)', '<'.repeat(1_000_000)],
    ['<at x × 200,000', '<at x'.repeat(200_000)],
    ['<at>a × 200,000 then one </at>', `${'<at>a'.repeat(200_000)}</at>`],
  ])('given %s, then markup is stripped in linear time', (_, text) => {
    const started = performance.now();
    plainText(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
