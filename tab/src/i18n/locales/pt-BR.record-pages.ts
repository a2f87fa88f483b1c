import type { RecordPagesMessages } from './en.record-pages';

export const ptBRRecordPages: RecordPagesMessages = {
  dealPage: {
    stagePath: 'Etapa',
    stageCurrent: '{{stage}} (etapa atual)',
    moveTo: 'Mover para {{stage}}',
    moved: '{{name}} está agora em {{stage}}.',
    wonTitle: 'Marcar {{name}} como ganho?',
    wonText: 'O negócio fecha como ganho e a organização passa a ser cliente.',
    markWon: 'Marcar como ganho',
    facts: 'Detalhes',
    contacts: 'Contatos',
    primaryContact: 'Contato principal',
    noContacts: 'Ainda não há contatos nesta organização.',
    notes: 'Notas',
    noNotes: 'Ainda não há notas.',
    history: 'Histórico de etapas',
    historyEmpty: 'Ainda sem mudanças de etapa.',
    historyStart: 'Aberto em {{to}}',
    historyMove: '{{from}} → {{to}}',
    historyReopened: 'Reaberto: {{from}} → {{to}}',
    historyBy: '{{who}} · {{when}}',
    lostBecause: 'Perdido: {{reason}}',
  },
  inline: {
    edit: 'Editar {{field}}',
    empty: 'Adicionar',
    saved: '{{field}} salvo.',
    stale: 'Outra pessoa alterou isto enquanto isso; sua alteração não foi salva.',
    reload: 'Recarregar',
    hint: 'Enter salva, Escape cancela.',
    hintMultiline: 'Ctrl+Enter salva, Escape cancela.',
  },
  people: {
    former: 'um ex-membro',
  },
};
