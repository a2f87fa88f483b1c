/** `lead` → `Lead`: operation ids and schema names are camelCase. */
export const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `a lead`, `an organisation`. */
export const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
