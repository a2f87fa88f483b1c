/** A chat line as a command word and the rest. */
export type ParsedLine = { readonly word: string; readonly args: string | undefined; readonly plain: string };

const MENTION = /<at\b[^>]*>.*?<\/at>/gis;
const TAGS = /<[^>]+>/g;
const MAX_ARGS = 200;

/** @mentions and markup removed, whitespace collapsed; the first word lower-cased (a leading `/` dropped). */
export function parseLine(text: string): ParsedLine {
  const plain = decodeEntities(text.replace(MENTION, ' ').replace(TAGS, ' ')).replace(/\s+/g, ' ').trim();
  const [word = '', ...rest] = plain.split(' ');
  const args = rest.join(' ').trim().slice(0, MAX_ARGS) || undefined;
  return { word: word.toLowerCase().replace(/^\//, ''), args, plain };
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
