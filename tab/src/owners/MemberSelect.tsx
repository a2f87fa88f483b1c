import { Select } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';

export type MemberSelectProps = {
  readonly workspaceId: string;
  readonly value: string;
  readonly onChange: (userId: string) => void;
  /** The first choice, value `''` ("Me": the server's default; "Choose…"); none when absent. */
  readonly blankLabel?: string;
  /** Choices before the members (a filter's "Everyone", "Me"), after the blank one. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  readonly className?: string;
  readonly disabled?: boolean;
};

/** The workspace's members as choices (value: user id, label: name), for a select or an in-place editor. */
export function useMemberOptions(workspaceId: string): readonly { value: string; label: string }[] {
  const api = useApi();
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  return (members.data ?? []).map((member) => ({
    value: member.userId,
    label: member.name ?? member.userId,
  }));
}

/** A member of the workspace, by name (owner pickers, whose day, the new owner of a reassign). */
export function MemberSelect({
  workspaceId,
  value,
  onChange,
  blankLabel,
  choices,
  className,
  disabled,
}: MemberSelectProps) {
  const members = useMemberOptions(workspaceId);
  return (
    <Select
      value={value}
      disabled={disabled}
      onChange={(_e, data) => onChange(data.value)}
      {...(className ? { className } : {})}
    >
      {blankLabel !== undefined && <option value="">{blankLabel}</option>}
      {choices?.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
      {members.map((member) => (
        <option key={member.value} value={member.value}>
          {member.label}
        </option>
      ))}
    </Select>
  );
}
