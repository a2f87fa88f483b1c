/** The lead the Teams stories qualify and convert (its company becomes the deal's organisation). */
export const ADA_LEAD = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  email: 'ada@engines.example',
} as const;
