import type { Contact } from './contact';

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Existing contacts with the same email address (case and surrounding spaces ignored), in the given order. */
export function suggestContacts<T extends Pick<Contact, 'email'>>(
  wanted: { readonly email?: string },
  candidates: readonly T[],
): T[] {
  const email = wanted.email ? normaliseEmail(wanted.email) : '';
  if (!email) return [];
  return candidates.filter((c) => c.email !== undefined && normaliseEmail(c.email) === email);
}
