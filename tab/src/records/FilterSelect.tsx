import { Label, Select, useId } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { FilterDescriptor } from './entity';
import { useFilterSelectStyles } from './FilterSelect.styles';

export type FilterSelectProps = {
  readonly workspaceId: string;
  readonly filter: FilterDescriptor;
  readonly value: string;
  readonly onChange: (value: string) => void;
};

const OPTION_LIMIT = '200';

/** The choices of an owner or campaign filter: the workspace's members or campaigns. */
function useFilterOptions(workspaceId: string, filter: FilterDescriptor) {
  const api = useApi();
  const { t } = useTranslation();
  const kind = filter.kind ?? 'enum';
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
    enabled: kind === 'owner',
  });
  const campaigns = useQuery({
    queryKey: queryKeys.options(workspaceId, 'campaigns'),
    queryFn: () => api.list<{ id: string; name: string }>(workspaceId, 'campaigns', { limit: OPTION_LIMIT }),
    enabled: kind === 'campaign',
  });
  switch (filter.kind) {
    case 'owner':
      return (members.data ?? []).map((m) => ({ id: m.userId, label: m.name ?? m.userId }));
    case 'campaign':
      return (campaigns.data?.items ?? []).map((c) => ({ id: c.id, label: c.name }));
    case undefined:
    case 'enum':
      return filter.options.map((id) => ({ id, label: t(`${filter.prefix}.${id}`) }));
  }
}

export type ToolbarSelectProps = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  /** The first choice, which filters nothing (default "All"). */
  readonly allLabel?: string;
};

/** A filter in a toolbar: its name beside a select whose first choice is "All" (one line). */
export function ToolbarSelect({ label, value, onChange, options, allLabel }: ToolbarSelectProps) {
  const { t } = useTranslation();
  const styles = useFilterSelectStyles();
  const id = useId('filter');
  return (
    <div className={styles.filter}>
      <Label htmlFor={id} size="small" className={styles.label}>
        {label}
      </Label>
      <Select
        id={id}
        size="small"
        className={styles.select}
        value={value}
        onChange={(_e, data) => onChange(data.value)}
      >
        <option value="">{allLabel ?? t('table.all')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** One filter of a list, from the entity's description. */
export function FilterSelect({ workspaceId, filter, value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  const options = useFilterOptions(workspaceId, filter);
  return <ToolbarSelect label={t(filter.labelKey)} value={value} onChange={onChange} options={options} />;
}
