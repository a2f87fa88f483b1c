import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { Checkmark16Regular, Search20Regular } from '@fluentui/react-icons';
import { contactMergeFills, organisationMergeFills } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { errorMessage, isStale } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useMerge } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { NoticeBar } from '../app/StateViews';
import { useToast } from '../app/Toasts';
import { MemberName } from '../owners/MemberName';
import type { EntityDescriptor } from '../records/entity';
import type { FormField } from '../records/form-field';
import { useClosingDialog } from '../records/useClosingDialog';
import { useDebouncedValue } from '../records/useDebouncedValue';
import { useMergeDialogStyles } from './MergeDialog.styles';
import type { MergeablePlural, MergeableRecord } from './mergeable';
import { useMergeMoves, type MergeMoves } from './useMergeMoves';

export type { MergeablePlural, MergeableRecord } from './mergeable';

/** What to merge: the record whose "Merge with…" was chosen, and the other one when already known. */
export type MergeRequest<T> = { readonly first: WithEtag<T>; readonly second?: WithEtag<T> };

export type MergeDialogProps<T extends MergeableRecord> = {
  readonly workspaceId: string;
  readonly entity: EntityDescriptor<T> & { readonly plural: MergeablePlural };
  /** Open while given; closing keeps it mounted until the next request (see `useClosingDialog`). */
  readonly request: MergeRequest<T> | undefined;
  readonly onClose: () => void;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/**
 * "Merge with…": pick the other record, see both side by side with what the fill-only merge keeps
 * (shared's `organisationMergeFills` / `contactMergeFills`, the server's own rule) and what moves,
 * choose which one stays, confirm. One call to the merge endpoint; the loser goes to the recycle bin.
 */
export function MergeDialog<T extends MergeableRecord>(props: MergeDialogProps<T>) {
  const { shown, open, key } = useClosingDialog(props.request);
  if (!shown) return null;
  return <MergeForm<T> key={key} {...props} request={shown} open={open} />;
}

const FILLS = {
  organisations: organisationMergeFills,
  contacts: contactMergeFills,
} as const;

const fillsOf = <T extends MergeableRecord>(plural: MergeablePlural, survivor: T, loser: T): Partial<T> =>
  (FILLS[plural] as unknown as (s: T, l: T) => Partial<T>)(survivor, loser);

type MergeFormProps<T extends MergeableRecord> = Omit<MergeDialogProps<T>, 'request'> & {
  readonly request: MergeRequest<T>;
  readonly open: boolean;
};

function MergeForm<T extends MergeableRecord>({
  workspaceId,
  entity,
  request,
  open,
  onClose,
  debounceMs = 300,
}: MergeFormProps<T>) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const navigation = useNavigation();
  const styles = useMergeDialogStyles();
  const merge = useMerge<T>(workspaceId, entity.plural);
  const [records, setRecords] = useState<readonly [WithEtag<T>, WithEtag<T> | undefined]>([
    request.first,
    request.second,
  ]);
  const [keepSecond, setKeepSecond] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [first, second] = records;
  const survivor: WithEtag<T> = keepSecond && second ? second : first;
  const loser: WithEtag<T> | undefined = keepSecond && second ? first : second;
  const name = (record: T) => entity.title(record) || t('records.untitled');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!loser) return setFailure(t('merge.chooseFirst'));
    setFailure(undefined);
    try {
      const merged = await merge.mutateAsync({ survivor, loser });
      onClose();
      const kept = merged.survivor;
      toast({
        intent: 'success',
        text: t('merge.merged', {
          loser: name(loser),
          name: name(kept),
          interpolation: { escapeValue: false },
        }),
        action: {
          label: t('merge.open', { name: name(kept), interpolation: { escapeValue: false } }),
          run: async () => navigation.go(entity.plural, kept.id),
        },
      });
    } catch (error) {
      setFailure(errorMessage(error, t));
      // One of them changed meanwhile: show both as they are now, so the user decides again.
      if (isStale(error)) {
        const fresh = await Promise.all(
          [first, second].map((r) => (r ? api.get<T>(workspaceId, entity.plural, r.id) : undefined)),
        ).catch(() => undefined);
        if (fresh?.[0]) setRecords([fresh[0], fresh[1]]);
      }
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined} className={styles.surface}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>
              {t('merge.title', { name: name(first), interpolation: { escapeValue: false } })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              {second ? (
                <Comparison
                  entity={entity}
                  first={first}
                  second={second}
                  keepSecond={keepSecond}
                  onKeep={setKeepSecond}
                  survivor={survivor}
                  loser={loser ?? second}
                  name={name}
                  workspaceId={workspaceId}
                  onOther={() => {
                    setRecords([first, undefined]);
                    setKeepSecond(false);
                  }}
                />
              ) : (
                <Picker
                  workspaceId={workspaceId}
                  entity={entity}
                  first={first}
                  name={name}
                  debounceMs={debounceMs}
                  onPick={(other) => {
                    setFailure(undefined);
                    setRecords([first, other]);
                  }}
                />
              )}
              {failure && <NoticeBar notice={{ intent: 'error', text: failure }} />}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t('dialog.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={merge.isPending || !second}>
                {t('merge.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

type PickerProps<T extends MergeableRecord> = {
  readonly workspaceId: string;
  readonly entity: EntityDescriptor<T> & { readonly plural: MergeablePlural };
  readonly first: WithEtag<T>;
  readonly name: (record: T) => string;
  readonly debounceMs: number;
  readonly onPick: (record: WithEtag<T>) => void;
};

/** The other record, found by name: contacts only among their organisation's (the merge needs that). */
function Picker<T extends MergeableRecord>({
  workspaceId,
  entity,
  first,
  name,
  debounceMs,
  onPick,
}: PickerProps<T>) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useMergeDialogStyles();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), debounceMs);
  // Back from "Choose another", focus is where the user goes on (the button pressed is gone).
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const query = {
    limit: '11',
    ...(q ? { q } : {}),
    ...('organisationId' in first ? { organisationId: first.organisationId } : {}),
  };
  const candidates = useQuery({
    queryKey: queryKeys.mergeCandidates(workspaceId, entity.plural, query),
    queryFn: () => api.list<T>(workspaceId, entity.plural, query),
  });
  const others = (candidates.data?.items ?? []).filter((r) => r.id !== first.id).slice(0, 10);
  return (
    <div className={styles.picker}>
      <Field label={t('merge.search')} hint={t('merge.searchHint')}>
        <Input
          ref={input}
          type="search"
          value={search}
          contentBefore={<Search20Regular aria-hidden />}
          onChange={(_e, data) => setSearch(data.value)}
        />
      </Field>
      {entity.plural === 'contacts' && <Caption1>{t('merge.contactsHint')}</Caption1>}
      {candidates.isPending ? (
        <Spinner size="tiny" label={t('app.loading')} />
      ) : candidates.error ? (
        <Text role="alert">{errorMessage(candidates.error, t)}</Text>
      ) : others.length === 0 ? (
        <Text>{t('merge.noMatches', { q, interpolation: { escapeValue: false } })}</Text>
      ) : (
        <ul className={styles.candidates} aria-label={t('merge.search')}>
          {others.map((record) => (
            // The button is named by the record's name alone; what tells two of one name apart describes it.
            <li key={record.id} className={styles.candidateRow}>
              <Button
                appearance="subtle"
                className={styles.candidate}
                onClick={() => onPick(record)}
                {...(detailOf(record) ? { 'aria-describedby': `merge-detail-${record.id}` } : {})}
              >
                {name(record)}
              </Button>
              {detailOf(record) && (
                <Caption1 id={`merge-detail-${record.id}`} className={styles.candidateDetail}>
                  {detailOf(record)}
                </Caption1>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What tells two records of one name apart in the picker. */
const detailOf = (record: MergeableRecord): string =>
  'lastName' in record
    ? [record.title, record.email].filter(Boolean).join(' · ')
    : [record.city, record.website].filter(Boolean).join(' · ');

type ComparisonProps<T extends MergeableRecord> = {
  readonly workspaceId: string;
  readonly entity: EntityDescriptor<T> & { readonly plural: MergeablePlural };
  readonly first: WithEtag<T>;
  readonly second: WithEtag<T>;
  readonly keepSecond: boolean;
  readonly onKeep: (second: boolean) => void;
  readonly survivor: WithEtag<T>;
  readonly loser: WithEtag<T>;
  readonly name: (record: T) => string;
  readonly onOther: () => void;
};

function Comparison<T extends MergeableRecord>({
  workspaceId,
  entity,
  first,
  second,
  keepSecond,
  onKeep,
  survivor,
  loser,
  name,
  onOther,
}: ComparisonProps<T>) {
  const { t } = useTranslation();
  const styles = useMergeDialogStyles();
  const fills = fillsOf(entity.plural, survivor, loser);
  const merged = { ...survivor, ...fills } as Record<string, unknown>;
  const show = useShownValue();
  const fields = entity.form.filter(
    (f) => f.kind !== 'reference' && (!isEmpty(valueOf(survivor, f)) || !isEmpty(valueOf(loser, f))),
  );
  const moves = useMergeMoves(workspaceId, entity.plural, loser);
  const noEscape = { interpolation: { escapeValue: false } };
  // The candidate pressed is gone: focus the choice of which one stays, so the keyboard (and
  // Escape) carry on from inside the dialog.
  const keepFirst = useRef<HTMLInputElement>(null);
  useEffect(() => keepFirst.current?.focus(), []);
  return (
    <div className={styles.comparison}>
      <div className={styles.keepRow}>
        <Field label={t('merge.keep')} className={styles.keepField}>
          <RadioGroup
            layout="horizontal"
            value={keepSecond ? 'second' : 'first'}
            onChange={(_e, data) => onKeep(data.value === 'second')}
          >
            <Radio
              ref={keepFirst}
              value="first"
              label={t('merge.keepOption', { name: name(first), ...noEscape })}
            />
            <Radio value="second" label={t('merge.keepOption', { name: name(second), ...noEscape })} />
          </RadioGroup>
        </Field>
        <Button size="small" onClick={onOther}>
          {t('merge.other')}
        </Button>
      </div>
      <div className={styles.tableScroll}>
        {/* Both records side by side, every value whole (wrapped): the one table that is not one line a row. */}
        <table className={styles.table} data-multiline>
          <thead>
            <tr>
              <th scope="col" className={styles.fieldHead}>
                {t('merge.field')}
              </th>
              <th scope="col">{t('merge.stays', { name: name(survivor), ...noEscape })}</th>
              <th scope="col">{t('merge.mergedIn', { name: name(loser), ...noEscape })}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const filled = field.name in fills;
              const mine = valueOf(survivor, field);
              const keptMine = !filled && !isEmpty(mine) && merged[field.name] === mine;
              return (
                <tr key={field.name}>
                  <th scope="row" className={styles.fieldName}>
                    {t(field.labelKey)}
                  </th>
                  <td className={keptMine ? styles.kept : styles.unused}>
                    <Value shown={show(field, mine)} mark={keptMine ? t('merge.kept') : undefined} />
                  </td>
                  <td className={filled ? styles.kept : styles.unused}>
                    <Value
                      shown={show(field, valueOf(loser, field))}
                      mark={filled ? t('merge.fills') : undefined}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Moves moves={moves} survivor={name(survivor)} loser={name(loser)} />
    </div>
  );
}

/** A value, and when the merged record takes it, a check mark with the word for it. */
function Value({ shown, mark }: { readonly shown: ReactNode; readonly mark: string | undefined }) {
  const styles = useMergeDialogStyles();
  return (
    <span className={styles.value}>
      <span className={styles.valueText}>{shown}</span>
      {mark && (
        <span className={styles.mark}>
          <Checkmark16Regular aria-hidden />
          {mark}
        </span>
      )}
    </span>
  );
}

/** What moves to the survivor (counted from the lists as they are now) and where the loser goes. */
function Moves({
  moves,
  survivor,
  loser,
}: {
  readonly moves: MergeMoves;
  readonly survivor: string;
  readonly loser: string;
}) {
  const { t } = useTranslation();
  const styles = useMergeDialogStyles();
  const noEscape = { interpolation: { escapeValue: false } };
  if (moves.pending) return <Spinner size="tiny" label={t('merge.counting')} />;
  const parts = (['contacts', 'deals', 'activities', 'leads'] as const)
    .filter((kind) => (moves.counts[kind] ?? 0) > 0)
    .map((kind) => t(`merge.${kind}`, { count: moves.counts[kind] ?? 0 }));
  return (
    <div className={styles.moves}>
      {parts.length > 0 ? (
        <Text>
          {t('merge.moves', { name: survivor, ...noEscape })} {parts.join(', ')}
        </Text>
      ) : (
        <Text>{t('merge.nothingMoves', { name: loser, ...noEscape })}</Text>
      )}
      <Text>{t('merge.bin', { name: loser, ...noEscape })}</Text>
    </div>
  );
}

const valueOf = (record: MergeableRecord, field: FormField): unknown =>
  (record as unknown as Record<string, unknown>)[field.name];

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || value === false;

/** A field's value as the user reads it (the merge's fields: text, choices, yes/no, owner). */
function useShownValue() {
  const { t } = useTranslation();
  return (field: FormField, value: unknown): ReactNode => {
    if (field.kind === 'boolean') return value === true ? t('records.yes') : t('merge.empty');
    if (isEmpty(value)) return t('merge.empty');
    if (field.kind === 'enum') return t(`${field.prefix}.${String(value)}`);
    if (field.kind === 'owner') return <MemberName userId={String(value)} />;
    return String(value);
  };
}
