import { Button, Link, SearchBox, Spinner, Text } from '@fluentui/react-components';
import { Dismiss20Regular, Search20Regular } from '@fluentui/react-icons';
import { useQueries } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlural } from '../api/api-client';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useFormat } from '../i18n/useFormat';
import { useDebouncedValue } from '../records/useDebouncedValue';
import { useGlobalSearchStyles } from './GlobalSearch.styles';
import { useNavigation } from './navigation';
import { HITS_PER_KIND, SEARCH_KINDS, searchHit } from './search-hits';

export type GlobalSearchProps = {
  readonly workspaceId: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** Where a hit opens: its record's page (a deal's too). */
const hitHref = (
  navigation: ReturnType<typeof useNavigation>,
  plural: RecordPlural,
  hit: { readonly id: string; readonly title: string },
) => navigation.href(plural, hit.id);

/**
 * The header's search across every kind of record: the first hits of each kind, asked for in
 * parallel with each list's own `q`, grouped by kind, each group with a link to its whole list.
 * Arrow keys move from the box through the results; Escape closes them. On a narrow screen it is a
 * button that opens the box over the header.
 */
export function GlobalSearch({ workspaceId, debounceMs = 250 }: GlobalSearchProps) {
  const { t } = useTranslation();
  const styles = useGlobalSearchStyles();
  const api = useApi();
  const format = useFormat();
  const navigation = useNavigation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const q = useDebouncedValue(text.trim(), debounceMs);
  const results = useQueries({
    queries: SEARCH_KINDS.map((plural) => ({
      queryKey: queryKeys.search(workspaceId, plural, q),
      queryFn: () =>
        api.list<{ id: string } & Record<string, unknown>>(workspaceId, plural, {
          q,
          limit: String(HITS_PER_KIND),
        }),
      enabled: q !== '',
    })),
  });
  const shown = open && q !== '';
  const pending = results.some((r) => r.isPending && r.fetchStatus !== 'idle');
  const groups = SEARCH_KINDS.map((plural, i) => ({ plural, result: results[i] })).filter(
    ({ result }) => (result?.data?.items.length ?? 0) > 0,
  );
  const failed = results.find((r) => r.error)?.error;

  const links = () => Array.from(root.current?.querySelectorAll<HTMLAnchorElement>('[data-hit]') ?? []);
  const move = (event: KeyboardEvent, from: number) => {
    const all = links();
    const next = event.key === 'ArrowDown' ? from + 1 : event.key === 'ArrowUp' ? from - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) box.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };
  const close = () => {
    setOpen(false);
    setExpanded(false);
  };
  /** Focus given back to the box by Escape does not open the results again; typing does. */
  const quiet = useRef(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    close();
    quiet.current = true;
    box.current?.focus();
    quiet.current = false;
  };
  let index = -1;

  return (
    <div
      ref={root}
      className={expanded ? styles.rootExpanded : styles.root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) close();
      }}
    >
      <Button
        appearance="subtle"
        icon={<Search20Regular />}
        aria-label={t('search.open')}
        className={expanded ? styles.hidden : styles.opener}
        onClick={() => {
          setExpanded(true);
          requestAnimationFrame(() => box.current?.focus());
        }}
      />
      <div className={expanded ? styles.fieldExpanded : styles.field}>
        <SearchBox
          input={{ ref: box }}
          className={styles.box}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onFocus={() => !quiet.current && setOpen(true)}
          onChange={(_e, data) => {
            setText(data.value);
            setOpen(true);
          }}
          onKeyDown={(event) => move(event, -1)}
          {...(shown ? { 'aria-controls': 'global-search-results' } : {})}
        />
        <Button
          appearance="subtle"
          icon={<Dismiss20Regular />}
          aria-label={t('search.close')}
          className={styles.closer}
          onClick={close}
        />
      </div>
      {shown && (
        <div
          id="global-search-results"
          className={styles.panel}
          role="region"
          aria-label={t('search.results')}
        >
          {pending && <Spinner size="tiny" label={t('search.searching')} />}
          {failed ? <Text className={styles.note}>{errorMessage(failed, t)}</Text> : null}
          {!pending && !failed && groups.length === 0 && (
            <Text className={styles.note}>{t('search.nothing', { q })}</Text>
          )}
          {groups.map(({ plural, result }) => (
            <div key={plural} role="group" aria-labelledby={`search-${plural}`} className={styles.group}>
              <div className={styles.groupHeading}>
                <Text id={`search-${plural}`} weight="semibold" size={200}>
                  {t(`nav.${plural}`)}
                </Text>
                <Link href={navigation.href(plural, undefined, { q })} className={styles.all} onClick={close}>
                  {t('search.all', { view: t(`nav.${plural}`) })}
                </Link>
              </div>
              <ul className={styles.hits}>
                {result?.data?.items.map((record) => {
                  const hit = searchHit(plural, record, t, format);
                  const at = ++index;
                  return (
                    <li key={hit.id}>
                      <a
                        data-hit
                        href={hitHref(navigation, plural, hit)}
                        className={styles.hit}
                        onKeyDown={(event) => move(event, at)}
                        onClick={close}
                      >
                        <span className={styles.hitTitle}>{hit.title || t('records.untitled')}</span>
                        {hit.detail && <span className={styles.hitDetail}>{hit.detail}</span>}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
