/** `lead` → `Lead`: operation ids and schema names are camelCase. */
export const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `a lead`, `an organisation`. */
export const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** The 403 of an owners-only operation, as the document describes it. */
export const OWNERS_ONLY = 'WORKSPACE.OWNER_REQUIRED: owners only';
