import type { RecordPagesMessages } from './en.record-pages';

export const nlRecordPages: RecordPagesMessages = {
  dealPage: {
    stagePath: 'Fase',
    stageCurrent: '{{stage}} (huidige fase)',
    moveTo: 'Naar {{stage}}',
    moved: '{{name}} staat nu in {{stage}}.',
    wonTitle: '{{name}} als gewonnen markeren?',
    wonText: 'De deal sluit als gewonnen en de organisatie wordt klant.',
    markWon: 'Gewonnen',
    facts: 'Gegevens',
    contacts: 'Contactpersonen',
    primaryContact: 'Hoofdcontact',
    noContacts: 'Nog geen contactpersonen bij deze organisatie.',
    notes: 'Notities',
    noNotes: 'Nog geen notities.',
    history: 'Fasegeschiedenis',
    historyEmpty: 'Nog geen fasewijzigingen.',
    historyStart: 'Geopend in {{to}}',
    historyMove: '{{from}} → {{to}}',
    historyReopened: 'Heropend: {{from}} → {{to}}',
    historyBy: '{{who}} · {{when}}',
    lostBecause: 'Verloren: {{reason}}',
  },
  inline: {
    edit: '{{field}} bewerken',
    empty: 'Toevoegen',
    saved: '{{field}} opgeslagen.',
    stale: 'Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen.',
    reload: 'Opnieuw laden',
    hint: 'Enter slaat op, Escape annuleert.',
    hintMultiline: 'Ctrl+Enter slaat op, Escape annuleert.',
  },
  people: {
    former: 'een voormalig lid',
  },
};
