/**
 * English keys of the record pages (issue 20): the deal page's stage path, facts and history, fields
 * edited in place, and people named in a record's history. Kept apart from `en.ts` and spread into it.
 */
export const enRecordPages = {
  dealPage: {
    stagePath: 'Stage',
    stageCurrent: '{{stage}} (current stage)',
    moveTo: 'Move to {{stage}}',
    moved: '{{name}} is now in {{stage}}.',
    wonTitle: 'Mark {{name}} as won?',
    wonText: 'The deal closes as won and its organisation becomes a customer.',
    markWon: 'Mark as won',
    facts: 'Details',
    contacts: 'Contacts',
    primaryContact: 'Primary contact',
    noContacts: 'No contacts at this organisation yet.',
    notes: 'Notes',
    noNotes: 'No notes yet.',
    history: 'Stage history',
    historyEmpty: 'No stage changes yet.',
    historyStart: 'Opened in {{to}}',
    historyMove: '{{from}} → {{to}}',
    historyReopened: 'Reopened: {{from}} → {{to}}',
    historyBy: '{{who}} · {{when}}',
    lostBecause: 'Lost: {{reason}}',
  },
  inline: {
    edit: 'Edit {{field}}',
    empty: 'Add',
    saved: '{{field}} saved.',
    stale: 'Someone else changed this meanwhile; your change was not saved.',
    reload: 'Reload',
    hint: 'Enter saves, Escape cancels.',
    hintMultiline: 'Ctrl+Enter saves, Escape cancels.',
  },
  people: {
    former: 'a former member',
  },
};

export type RecordPagesMessages = typeof enRecordPages;
