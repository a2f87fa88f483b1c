/**
 * English keys of merging two records and the morning digest setting (issue 18). Kept apart from
 * `en.ts` and spread into it, as `en.my-day.ts` is.
 */
export const enDuplicates = {
  merge: {
    action: 'Merge with…',
    bulk: 'Merge',
    title: 'Merge {{name}}',
    search: 'Find the record to merge with',
    searchHint: 'Type part of its name.',
    noMatches: 'Nothing else matches “{{q}}”.',
    contactsHint: 'Only contacts of the same organisation can be merged.',
    chooseFirst: 'Choose the record to merge with first.',
    other: 'Choose another',
    keep: 'Which one stays?',
    keepOption: 'Keep {{name}}',
    field: 'Field',
    stays: '{{name}} (stays)',
    mergedIn: '{{name}} (to the recycle bin)',
    kept: 'kept',
    fills: 'fills in',
    empty: '—',
    moves: 'Moves to {{name}}:',
    counting: 'Counting what moves…',
    contacts_one: '{{count}} contact',
    contacts_other: '{{count}} contacts',
    deals_one: '{{count}} deal',
    deals_other: '{{count}} deals',
    activities_one: '{{count}} activity',
    activities_other: '{{count}} activities',
    leads_one: '{{count}} converted lead',
    leads_other: '{{count}} converted leads',
    nothingMoves: 'Nothing else points at {{name}}.',
    bin: '{{name}} goes to the recycle bin (you can restore it from there for 30 days).',
    submit: 'Merge',
    merged: '{{loser}} was merged into {{name}}.',
    open: 'Open {{name}}',
  },
  morningDigest: {
    heading: 'Morning digest',
    explain:
      "Each member gets their day (overdue and today's activities) in their personal chat with the bot at 08:00 on working days, where they are. Nothing is sent when nothing is due.",
    enabled: 'Send the morning digest',
    timeZone: 'Time zone for members the bot has not heard from yet',
    save: 'Save morning digest',
    saved: 'Morning digest saved.',
  },
};

export type DuplicatesMessages = typeof enDuplicates;
