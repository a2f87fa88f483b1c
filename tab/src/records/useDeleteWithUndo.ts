import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorText, isStale } from '../api/api-error';
import { useDeleteRecord, useRestoreRecord } from '../api/mutations';
import { useToast } from '../app/Toasts';
import type { EntityDescriptor } from './entity';
import type { RowAction } from './row-action';

/** What a record's own page does around a delete: leave for the list, and come back on Undo. */
export type DeleteFollowUp = {
  readonly onDeleted?: () => void;
  readonly onRestored?: () => void;
};

/**
 * A record's Delete (a row's menu, a record's page): asks first, moves the record to the recycle
 * bin, and says so in a toast whose Undo restores it from there. A refusal (a converted lead, an
 * organisation with contacts) is said in the toast instead.
 */
export function useDeleteWithUndo<T extends { readonly id: string }>(
  workspaceId: string,
  entity: EntityDescriptor<T>,
  followUp: DeleteFollowUp = {},
): (record: WithEtag<T>) => RowAction {
  const { t } = useTranslation();
  const toast = useToast();
  const remove = useDeleteRecord(workspaceId, entity.plural).mutateAsync;
  const restore = useRestoreRecord(workspaceId).mutateAsync;
  const { onDeleted, onRestored } = followUp;
  const label = t('records.delete');
  const text = t('records.deleteText');
  // The same function while nothing it uses changes: a long list's memoised rows take it as a prop,
  // and call it for every row they show (the record's own wording waits until it is asked for).
  return useCallback(
    (record) => {
      const named = () => entity.title(record) || t('records.untitled');
      return {
        id: 'delete',
        label,
        confirm: {
          get title() {
            return t('records.deleteTitle', { name: named() });
          },
          text,
          confirmLabel: label,
        },
        run: async () => {
          const name = named();
          try {
            await remove(record);
          } catch (error) {
            toast({ intent: isStale(error) ? 'warning' : 'error', text: errorText(error, t) });
            return;
          }
          onDeleted?.();
          toast({
            intent: 'success',
            text: t('records.deleted', { name }),
            action: {
              label: t('records.undo'),
              run: async () => {
                await restore({ plural: entity.plural, id: record.id });
                toast({ intent: 'success', text: t('records.restored', { name }) });
                onRestored?.();
              },
            },
          });
        },
      };
    },
    [t, label, text, toast, remove, restore, entity, onDeleted, onRestored],
  );
}
