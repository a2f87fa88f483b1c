/** A chat message someone turns into CRM data ("Create lead from this message", "Log to CRM"). */
export type ChatMessageForCrm = {
  /** The sender as the chat names them. */
  readonly senderName?: string;
  /** The sender's e-mail, where the chat gives it. */
  readonly senderEmail?: string;
  /** The message's body as the chat sends it (Teams: HTML). */
  readonly html: string;
  /** A link back to the message. */
  readonly link?: string;
};

/** What the "create lead" dialog starts from: the sender as the person, the text as the description. */
export type LeadDraft = {
  readonly firstName?: string;
  readonly lastName: string;
  readonly email?: string;
  readonly description: string;
};

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A message's HTML as plain text: tags out (a line per paragraph or break), entities decoded. */
export function messagePlainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The lead a message proposes: its sender split into first and last name, its text (and link) the description. */
export function decideLeadDraft(message: ChatMessageForCrm, limits = { description: 10_000 }): LeadDraft {
  const words = (message.senderName ?? '').trim().split(/\s+/).filter(Boolean);
  const lastName = words.length > 0 ? (words.at(-1) ?? '') : '';
  const firstName = words.slice(0, -1).join(' ');
  const text = messagePlainText(message.html);
  const description = [text, message.link].filter(Boolean).join('\n\n').slice(0, limits.description);
  return {
    ...(firstName ? { firstName } : {}),
    lastName,
    ...(message.senderEmail ? { email: message.senderEmail.trim() } : {}),
    description,
  };
}

/** The note a message becomes on a record: its text, and the link back to it. */
export function decideMessageNote(message: ChatMessageForCrm, limit = 10_000): string {
  return [messagePlainText(message.html), message.link].filter(Boolean).join('\n\n').slice(0, limit);
}
