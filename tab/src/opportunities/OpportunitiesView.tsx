import { Button, MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { type Opportunity } from '@crm/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorMessage, isStale } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useCreateRecord, useUpdateRecord } from '../api/mutations';
import { NoticeBar, type Notice } from '../app/StateViews';
import { useToast } from '../app/Toasts';
import { useNarrow } from '../app/useNarrow';
import { DEAL_LINKS } from '../organisations/deal-entity';
import { ReassignButton } from '../owners/ReassignButton';
import { stageName } from '../pipeline/pipeline-format';
import { useWorkspaceLookups } from '../pipeline/useWorkspaceLookups';
import { ColumnChooser } from '../records/ColumnChooser';
import { ToolbarSelect } from '../records/FilterSelect';
import { sortableFields } from '../records/list-sort';
import { ListToolbar } from '../records/ListToolbar';
import { RecordCount } from '../records/RecordCount';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { RecordTable } from '../records/RecordTable';
import { SortNotices } from '../records/SortNotices';
import { useColumnChoice } from '../records/useColumnChoice';
import { useDeleteWithUndo } from '../records/useDeleteWithUndo';
import { useListState, useSortRefusal } from '../records/useListState';
import { useRecordList } from '../records/useRecordList';
import { useNavigation } from '../app/navigation';
import { DealPage } from '../deals/DealPage';
import { OpportunityDialog } from './OpportunityDialog';
import { opportunityFields } from './opportunity-fields';
import {
  emptyOpportunityForm,
  opportunityFormOf,
  validateNewOpportunity,
  validateOpportunityChange,
} from './opportunity-form';

export type OpportunitiesViewProps = {
  readonly workspaceId: string;
  /** A deal's own page. */
  readonly recordId?: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** The dialog's record; `open` false closes it in place (it stays mounted until the next one). */
type Editing = {
  readonly record?: WithEtag<Opportunity>;
  readonly notice?: string;
  readonly open: boolean;
  readonly seq: number;
};

/** Opportunities: search, filters (stage, owner, organisation), create and edit. */
export default function OpportunitiesView({ recordId, ...props }: OpportunitiesViewProps) {
  return recordId ? (
    <DealPage workspaceId={props.workspaceId} recordId={recordId} />
  ) : (
    <DealList {...props} />
  );
}

function DealList({ workspaceId, debounceMs = 300 }: OpportunitiesViewProps) {
  const { t } = useTranslation();
  const styles = useRecordListStyles();
  const narrow = useNarrow();
  const toast = useToast();
  const api = useApi();
  const create = useCreateRecord<Opportunity>(workspaceId, 'opportunities');
  const update = useUpdateRecord<Opportunity>(workspaceId, 'opportunities');
  const lookups = useWorkspaceLookups(workspaceId);
  const state = useListState(debounceMs);
  const [editing, setEditing] = useState<Editing>();
  const edit = (next: Omit<Editing, 'open' | 'seq'>) =>
    setEditing((current) => ({ ...next, open: true, seq: (current?.seq ?? 0) + 1 }));
  const close = () => setEditing((current) => current && { ...current, open: false });
  const list = useRecordList<Opportunity>(workspaceId, 'opportunities', state.query);
  const refused = useSortRefusal(state, list.error);
  const remove = useDeleteWithUndo(workspaceId, DEAL_LINKS);
  // Bulk "Give to…", as the other lists have it.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>();
  const selectedDeals = list.records.filter((r) => selected.has(r.id));

  const stageLabels = useMemo(
    () => new Map(lookups.stages.map((s) => [s.id, stageName(s, t)])),
    [lookups.stages, t],
  );
  const navigation = useNavigation();
  const fields = useMemo(
    () =>
      opportunityFields({
        organisationName: lookups.organisationName,
        memberName: lookups.memberName,
        stageName: (id) => stageLabels.get(id) ?? stageName(id, t),
      }),
    [lookups, stageLabels, t],
  );

  const save = async (input: unknown) => {
    const record = editing?.record;
    try {
      const saved = record
        ? await update.mutateAsync({ record, patch: input as Record<string, unknown> })
        : await create.mutateAsync(input);
      close();
      toast({
        intent: 'success',
        text: t(record ? 'opportunities.saved' : 'opportunities.created', { name: saved.name }),
      });
    } catch (error) {
      if (record && isStale(error)) {
        // Someone else saved first: show their version, so the user decides again on fresh data.
        const fresh = await api.get<Opportunity>(workspaceId, 'opportunities', record.id);
        edit({ record: fresh, notice: t('opportunities.stale', { name: fresh.name }) });
        return;
      }
      throw error;
    }
  };

  const columns = useColumnChoice('opportunities', fields);
  const filterSelects: readonly [string, string, string, readonly { id: string; label: string }[]][] = [
    [
      'stage',
      t('opportunities.field.stage'),
      t('opportunities.allStages'),
      [...stageLabels].map(([id, label]) => ({ id, label })),
    ],
    [
      'ownerId',
      t('opportunities.field.owner'),
      t('opportunities.allOwners'),
      lookups.members.map((m) => ({ id: m.userId, label: lookups.memberName(m.userId) })),
    ],
    [
      'organisationId',
      t('opportunities.field.organisation'),
      t('opportunities.allOrganisations'),
      [...lookups.organisations].map(([id, label]) => ({ id, label })),
    ],
  ];

  const error = (refused ? null : list.error) ?? lookups.error;
  return (
    <section className={styles.view} aria-labelledby="opportunities-heading">
      <div className={styles.heading}>
        <div className={styles.title}>
          <Title2 as="h2" id="opportunities-heading" className={styles.titleText}>
            {t('opportunities.heading')}
          </Title2>
          {!list.isPending && !list.error && (
            <RecordCount ns="opportunities" count={list.records.length} more={list.hasMore} />
          )}
        </div>
        <div className={styles.tools}>
          {!narrow && <ColumnChooser fields={fields} hidden={columns.hidden} onToggle={columns.toggle} />}
          <Button appearance="primary" disabled={lookups.isPending} onClick={() => edit({})}>
            {t('opportunities.new')}
          </Button>
        </div>
      </div>
      <ListToolbar
        searchLabel={t('opportunities.search')}
        search={state.search}
        onSearch={state.setSearch}
        filtersOn={Object.keys(state.filters).length}
      >
        {filterSelects.map(([name, label, all, options]) => (
          <ToolbarSelect
            key={name}
            label={label}
            allLabel={all}
            value={state.filters[name] ?? ''}
            onChange={(value) => state.setFilter(name, value)}
            options={options}
          />
        ))}
      </ListToolbar>
      {selectedDeals.length > 0 && (
        <div
          className={styles.toolbar}
          role="group"
          aria-label={t('table.bulkLabel', { count: selectedDeals.length })}
        >
          <Text>{t('table.selected', { count: selectedDeals.length })}</Text>
          <ReassignButton
            workspaceId={workspaceId}
            plural="opportunities"
            records={selectedDeals}
            title={(deal) => deal.name}
            done={(done) => {
              setNotice(done);
              setSelected(new Set());
            }}
          />
        </div>
      )}
      <NoticeBar notice={notice} />
      <SortNotices refused={state.refused} searching={state.searching} />
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {list.isPending || lookups.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <RecordTable
          label={t('opportunities.tableLabel')}
          fields={columns.visible}
          records={list.records}
          emptyText={t('opportunities.empty')}
          name={(record) => record.name}
          href={(record) => navigation.href('opportunities', record.id)}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          {...(state.sort ? { sort: state.sort } : {})}
          sortable={state.q ? [] : sortableFields('opportunities')}
          onSort={state.toggleSort}
          cardFields={['organisation', 'amount']}
          selection={{ selected, onChange: setSelected }}
          actions={(record) => [
            { id: 'edit', label: t('opportunities.edit'), run: () => edit({ record }) },
            remove(record),
          ]}
        />
      )}
      {editing && (
        <OpportunityDialog
          // Each opening (and a fresh record after a 412) starts a fresh form.
          key={editing.seq}
          open={editing.open}
          title={
            editing.record
              ? t('opportunities.editNamed', { name: editing.record.name })
              : t('opportunities.new')
          }
          submitLabel={editing.record ? t('opportunities.save') : t('dialog.create')}
          initial={
            editing.record
              ? opportunityFormOf(editing.record)
              : emptyOpportunityForm({
                  currency: lookups.defaultCurrency,
                  stage: lookups.stages[0]?.id ?? '',
                })
          }
          lookups={lookups}
          validate={(values) =>
            editing.record
              ? validateOpportunityChange(editing.record, values)
              : validateNewOpportunity(values)
          }
          onSubmit={save}
          onClose={() => close()}
          {...(editing.notice ? { notice: editing.notice } : {})}
        />
      )}
    </section>
  );
}
