import type { RecordPagesMessages } from './en.record-pages';

export const nbRecordPages: RecordPagesMessages = {
  dealPage: {
    stagePath: 'Fase',
    stageCurrent: '{{stage}} (nåværende fase)',
    moveTo: 'Flytt til {{stage}}',
    moved: '{{name}} er nå i {{stage}}.',
    wonTitle: 'Merke {{name}} som vunnet?',
    wonText: 'Avtalen lukkes som vunnet, og organisasjonen blir kunde.',
    markWon: 'Merk som vunnet',
    facts: 'Detaljer',
    contacts: 'Kontakter',
    primaryContact: 'Hovedkontakt',
    noContacts: 'Ingen kontakter i denne organisasjonen ennå.',
    notes: 'Notater',
    noNotes: 'Ingen notater ennå.',
    history: 'Fasehistorikk',
    historyEmpty: 'Ingen faseendringer ennå.',
    historyStart: 'Åpnet i {{to}}',
    historyMove: '{{from}} → {{to}}',
    historyReopened: 'Gjenåpnet: {{from}} → {{to}}',
    historyBy: '{{who}} · {{when}}',
    lostBecause: 'Tapt: {{reason}}',
  },
  inline: {
    edit: 'Rediger {{field}}',
    empty: 'Legg til',
    saved: '{{field}} lagret.',
    stale: 'Noen andre endret dette i mellomtiden; endringen din ble ikke lagret.',
    reload: 'Last inn på nytt',
    hint: 'Enter lagrer, Escape avbryter.',
    hintMultiline: 'Ctrl+Enter lagrer, Escape avbryter.',
  },
  people: {
    former: 'et tidligere medlem',
  },
};
