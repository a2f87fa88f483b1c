import { Field, Select } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { FilterDescriptor } from './entity';

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

/** One filter of a list, as a labelled select whose first choice is "All". */
export function FilterSelect({ workspaceId, filter, value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  const options = useFilterOptions(workspaceId, filter);
  return (
    <Field label={t(filter.labelKey)}>
      <Select value={value} onChange={(_e, data) => onChange(data.value)}>
        <option value="">{t('table.all')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
