import { SearchBox, ToggleButton } from '@fluentui/react-components';
import { Filter20Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../app/useNarrow';
import { useRecordListStyles } from './RecordListView.styles';

export type ListToolbarProps = {
  /** The search box's name ("Search leads"). */
  readonly searchLabel: string;
  readonly search: string;
  readonly onSearch: (value: string) => void;
  /** How many filters are set (the narrow screen's button says so). */
  readonly filtersOn: number;
  /** The list's filters; on a narrow screen they show on demand. */
  readonly children?: ReactNode;
};

/** A list's search and its filters on one line; on a narrow screen the filters hide behind a button. */
export function ListToolbar({ searchLabel, search, onSearch, filtersOn, children }: ListToolbarProps) {
  const { t } = useTranslation();
  const styles = useRecordListStyles();
  const narrow = useNarrow();
  const [showFilters, setShowFilters] = useState(false);
  return (
    <div className={styles.toolbar} role="search" aria-label={searchLabel}>
      <SearchBox
        className={styles.search}
        aria-label={searchLabel}
        placeholder={searchLabel}
        value={search}
        onChange={(_e, data) => onSearch(data.value)}
      />
      {narrow && children && (
        <ToggleButton
          icon={<Filter20Regular />}
          checked={showFilters}
          aria-expanded={showFilters}
          onClick={() => setShowFilters((on) => !on)}
        >
          {filtersOn ? t('table.filtersOn', { count: filtersOn }) : t('table.filters')}
        </ToggleButton>
      )}
      {(!narrow || showFilters) && children}
    </div>
  );
}
