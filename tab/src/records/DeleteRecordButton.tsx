import type { WithEtag } from '../api/api-client';
import { useNavigation } from '../app/navigation';
import { ConfirmButton } from './ConfirmButton';
import type { EntityDescriptor } from './entity';
import { useDeleteWithUndo } from './useDeleteWithUndo';

export type DeleteRecordButtonProps<T extends { readonly id: string }> = {
  readonly workspaceId: string;
  readonly entity: EntityDescriptor<T>;
  readonly record: WithEtag<T>;
};

/**
 * A record page's Delete: asks, moves the record to the recycle bin and goes back to its list; the
 * toast's Undo restores it and opens its page again.
 */
export function DeleteRecordButton<T extends { readonly id: string }>({
  workspaceId,
  entity,
  record,
}: DeleteRecordButtonProps<T>) {
  const navigation = useNavigation();
  const remove = useDeleteWithUndo(workspaceId, entity, {
    onDeleted: () => navigation.go(entity.plural),
    onRestored: () => navigation.go(entity.plural, record.id),
  });
  const action = remove(record);
  return (
    <ConfirmButton
      label={action.label}
      title={action.confirm?.title ?? action.label}
      {...(action.confirm?.text ? { text: action.confirm.text } : {})}
      confirmLabel={action.confirm?.confirmLabel ?? action.label}
      onConfirm={async () => {
        await action.run();
      }}
    />
  );
}
