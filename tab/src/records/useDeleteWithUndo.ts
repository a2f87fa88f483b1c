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
  const remove = useDeleteRecord(workspaceId, entity.plural);
  const restore = useRestoreRecord(workspaceId);
  return (record) => {
    const name = entity.title(record) || t('records.untitled');
    return {
      id: 'delete',
      label: t('records.delete'),
      confirm: {
        title: t('records.deleteTitle', { name }),
        text: t('records.deleteText'),
        confirmLabel: t('records.delete'),
      },
      run: async () => {
        try {
          await remove.mutateAsync(record);
        } catch (error) {
          toast({ intent: isStale(error) ? 'warning' : 'error', text: errorText(error, t) });
          return;
        }
        followUp.onDeleted?.();
        toast({
          intent: 'success',
          text: t('records.deleted', { name }),
          action: {
            label: t('records.undo'),
            run: async () => {
              await restore.mutateAsync({ plural: entity.plural, id: record.id });
              toast({ intent: 'success', text: t('records.restored', { name }) });
              followUp.onRestored?.();
            },
          },
        });
      },
    };
  };
}
