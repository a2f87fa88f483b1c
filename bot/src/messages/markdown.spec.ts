import { md } from './markdown';

describe('md', () => {
  it.each([
    ['[Pay](https://evil.example)', '\\[Pay\\]\\(https://evil.example\\)'],
    ['**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['<script>', '&lt;script>'],
    ['Ødegård Bygg AS – 1.234,50 €', 'Ødegård Bygg AS – 1.234,50 €'],
  ])('%s → %s', (input, output) => {
    expect(md(input)).toBe(output);
  });

  it('never leaves a markdown link behind', () => {
    expect(md('[x](y)')).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
  });
});
