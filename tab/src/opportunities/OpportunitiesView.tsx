import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Title2,
} from '@fluentui/react-components';
import { type Opportunity } from '@crm/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorMessage, isStale } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useCreateRecord, useUpdateRecord } from '../api/mutations';
import { stageName } from '../pipeline/pipeline-format';
import { useWorkspaceLookups } from '../pipeline/useWorkspaceLookups';
import { RecordTable } from '../records/RecordTable';
import { SortNotices } from '../records/SortNotices';
import { useDebouncedValue } from '../records/useDebouncedValue';
import { sortableFields, useListSort, useSortRefusal } from '../records/useListSort';
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
import { useOpportunitiesViewStyles } from './OpportunitiesView.styles';

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
  const { t, i18n } = useTranslation();
  const styles = useOpportunitiesViewStyles();
  const api = useApi();
  const create = useCreateRecord<Opportunity>(workspaceId, 'opportunities');
  const update = useUpdateRecord<Opportunity>(workspaceId, 'opportunities');
  const lookups = useWorkspaceLookups(workspaceId);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState({ stage: '', ownerId: '', organisationId: '' });
  const q = useDebouncedValue(search.trim(), debounceMs);
  const [editing, setEditing] = useState<Editing>();
  const edit = (next: Omit<Editing, 'open' | 'seq'>) =>
    setEditing((current) => ({ ...next, open: true, seq: (current?.seq ?? 0) + 1 }));
  const close = () => setEditing((current) => current && { ...current, open: false });
  const [notice, setNotice] = useState<string>();

  const listSort = useListSort(q);
  const query = {
    ...(q ? { q } : {}),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    ...listSort.param,
  };
  const list = useRecordList<Opportunity>(workspaceId, 'opportunities', query);
  const refused = useSortRefusal(listSort, list.error);

  const stageLabels = useMemo(
    () => new Map(lookups.stages.map((s) => [s.id, stageName(s, t)])),
    [lookups.stages, t],
  );
  const navigation = useNavigation();
  const fields = useMemo(
    () =>
      opportunityFields({
        dealHref: (id) => navigation.href('opportunities', id),
        language: i18n.language,
        organisationName: lookups.organisationName,
        memberName: lookups.memberName,
        stageName: (id) => stageLabels.get(id) ?? stageName(id, t),
      }),
    [i18n.language, lookups, stageLabels, t, navigation],
  );

  const save = async (input: unknown) => {
    const record = editing?.record;
    try {
      const saved = record
        ? await update.mutateAsync({ record, patch: input as Record<string, unknown> })
        : await create.mutateAsync(input);
      close();
      setNotice(t(record ? 'opportunities.saved' : 'opportunities.created', { name: saved.name }));
    } catch (error) {
      if (record && isStale(error)) {
        // Someone else saved first: show their version, so the user decides again on fresh data.
        const fresh = await api.get<Opportunity>(workspaceId, 'opportunities', record.id);
        edit({ record: fresh, notice: t('opportunities.stale', { name: fresh.name }) });
        return;
      }
      throw new Error(errorMessage(error, t), { cause: error });
    }
  };

  const filter = (name: keyof typeof filters, label: string, all: string, options: [string, string][]) => (
    <Field label={label}>
      <Select value={filters[name]} onChange={(_e, d) => setFilters((f) => ({ ...f, [name]: d.value }))}>
        <option value="">{all}</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );

  const error = (refused ? null : list.error) ?? lookups.error;
  return (
    <section className={styles.view} aria-labelledby="opportunities-heading">
      <Title2 as="h2" id="opportunities-heading">
        {t('opportunities.heading')}
      </Title2>
      <div className={styles.toolbar}>
        <Field label={t('opportunities.search')}>
          <SearchBox className={styles.search} value={search} onChange={(_e, d) => setSearch(d.value)} />
        </Field>
        {filter('stage', t('opportunities.field.stage'), t('opportunities.allStages'), [...stageLabels])}
        {filter(
          'ownerId',
          t('opportunities.field.owner'),
          t('opportunities.allOwners'),
          lookups.members.map((m) => [m.userId, lookups.memberName(m.userId)]),
        )}
        {filter(
          'organisationId',
          t('opportunities.field.organisation'),
          t('opportunities.allOrganisations'),
          [...lookups.organisations],
        )}
        <Button appearance="primary" disabled={lookups.isPending} onClick={() => edit({})}>
          {t('opportunities.new')}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <SortNotices refused={listSort.refused} searching={listSort.searching} />
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
          fields={fields}
          records={list.records}
          emptyText={t('opportunities.empty')}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          {...(listSort.sort ? { sort: listSort.sort } : {})}
          sortable={q ? [] : sortableFields('opportunities')}
          onSort={listSort.toggle}
          actionsLabel={t('opportunities.actions')}
          actions={(record) => (
            <Button
              size="small"
              aria-label={t('opportunities.editNamed', { name: record.name })}
              onClick={() => edit({ record })}
            >
              {t('opportunities.edit')}
            </Button>
          )}
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
