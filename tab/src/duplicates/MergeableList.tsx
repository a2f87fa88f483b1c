import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { reassignBulk } from '../owners/ReassignButton';
import type { EntityDescriptor } from '../records/entity';
import { RecordListView } from '../records/RecordListView';
import { MergeDialog, type MergeablePlural, type MergeableRecord, type MergeRequest } from './MergeDialog';

export type MergeableListProps<T extends MergeableRecord> = {
  readonly workspaceId: string;
  readonly entity: EntityDescriptor<T> & { readonly plural: MergeablePlural };
};

/**
 * The list of a kind two records of which can be merged (organisations, contacts): every row's menu
 * has "Merge with…", and two selected rows a "Merge" button beside "Give to…".
 */
export function MergeableList<T extends MergeableRecord>({ workspaceId, entity }: MergeableListProps<T>) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<MergeRequest<T>>();
  const reassign = reassignBulk<T>(workspaceId, entity.plural, entity.title);
  return (
    <RecordListView<T>
      entity={entity}
      workspaceId={workspaceId}
      actions={(record) => [
        { id: 'merge', label: t('merge.action'), run: () => setRequest({ first: record }) },
      ]}
      bulk={(selected: readonly WithEtag<T>[], done) => (
        <>
          {reassign(selected, done)}
          {selected.length === 2 && (
            <Button onClick={() => setRequest({ first: selected[0]!, second: selected[1]! })}>
              {t('merge.bulk')}
            </Button>
          )}
        </>
      )}
    >
      <MergeDialog<T>
        workspaceId={workspaceId}
        entity={entity}
        request={request}
        onClose={() => setRequest(undefined)}
      />
    </RecordListView>
  );
}
