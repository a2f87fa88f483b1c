/**
 * Card and chat text is markdown: text people typed (a lead named `[Pay](https://evil.example)`)
 * must read as itself, never as a link, emphasis or heading. Backslash escapes the characters that
 * make links and emphasis anywhere, and the ones that make headings, quotes and lists at the start
 * of a line; `<` (HTML) becomes an entity. Amounts and dates keep their dots and dashes.
 */
const INLINE = /[\\`*_[\]()~]/g;
const LINE_MARK = /^(\s*)([#>+-])/gm;
const LINE_NUMBER = /^(\s*\d+)([.)])/gm;

export function md(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_MARK, (_, space: string, mark: string) => `${space}\\${mark}`)
    .replace(LINE_NUMBER, (_, number: string, mark: string) => `${number}\\${mark}`)
    .replace(/</g, '&lt;');
}
