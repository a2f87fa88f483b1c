/** A chat line as a command word and the rest. */
export type ParsedLine = { readonly word: string; readonly args: string | undefined; readonly plain: string };

/**
 * Longer lines are cut here before anything else reads them: a command with its arguments is a few
 * hundred characters (Teams' mention markup included), and every step after this is linear in it.
 */
export const MAX_LINE = 2_000;
const MAX_ARGS = 200;

/**
 * Linear on any input: every repetition stops at the next `<`, so a scan from one `<` never runs past
 * the second `<` after it (`<at>` × 60,000 took 13 s with the lazy `.*?` that searched to the end for
 * `</at>` from every `<at>`). Teams HTML-encodes a mention's name, so it holds no `<`.
 */
const MENTION = /<at\b[^<>]*>[^<]*<\/at>/gi;
const TAGS = /<[^<>]*>/g;

/** @mentions and markup removed, whitespace collapsed; the first word lower-cased (a leading `/` dropped). */
export function parseLine(text: string): ParsedLine {
  const plain = plainText(text.slice(0, MAX_LINE));
  const [word = '', ...rest] = plain.split(' ');
  const args = rest.join(' ').trim().slice(0, MAX_ARGS) || undefined;
  return { word: word.toLowerCase().replace(/^\//, ''), args, plain };
}

/** The text without mentions and tags, entities decoded, whitespace collapsed (any length, linear). */
export function plainText(text: string): string {
  return decodeEntities(text.replace(MENTION, ' ').replace(TAGS, ' ')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
