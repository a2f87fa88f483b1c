/** The commands the bot understands today (all read-only). */
export type Command =
  | { readonly name: 'help'; readonly unknown?: string }
  | { readonly name: 'leads'; readonly search?: string }
  | { readonly name: 'deals'; readonly search?: string }
  | { readonly name: 'pipeline' };

const MENTION = /<at\b[^>]*>.*?<\/at>/gis;
const TAGS = /<[^>]+>/g;
const MAX_SEARCH = 200;

/**
 * Reads a chat message as a command: @mentions and markup removed, case-insensitive, extra words as
 * the search. Anything else is help (remembering what was not understood).
 */
export function parseCommand(text: string): Command {
  const plain = decodeEntities(text.replace(MENTION, ' ').replace(TAGS, ' ')).replace(/\s+/g, ' ').trim();
  const [word = '', ...rest] = plain.split(' ');
  const search = rest.join(' ').trim().slice(0, MAX_SEARCH) || undefined;
  switch (word.toLowerCase().replace(/^\//, '')) {
    case '':
    case 'help':
    case '?':
      return { name: 'help' };
    case 'leads':
    case 'lead':
      return search ? { name: 'leads', search } : { name: 'leads' };
    case 'deals':
    case 'deal':
      return search ? { name: 'deals', search } : { name: 'deals' };
    case 'pipeline':
      return { name: 'pipeline' };
    default:
      return { name: 'help', unknown: plain.slice(0, 60) };
  }
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
