import { leadDisplayName } from '../lead/lead';
import type { RecordKind, RecordOf } from './records';

/** How a record is named where another one points at it (an activity's Regarding, My day, cards). */
export function recordDisplayName<K extends RecordKind>(kind: K, record: RecordOf[K]): string {
  switch (kind) {
    case 'lead':
    case 'contact':
      return leadDisplayName(record as RecordOf['lead' | 'contact']);
    case 'organisation':
    case 'opportunity':
    case 'campaign':
      return (record as RecordOf['organisation' | 'opportunity' | 'campaign']).name;
    case 'activity':
      return (record as RecordOf['activity']).subject;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}
