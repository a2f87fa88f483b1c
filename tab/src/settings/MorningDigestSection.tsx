import { Button, Checkbox, Field, Select, Text, Subtitle2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag, WorkspaceSummary } from '../api/api-client';
import { useUpdateWorkspace } from '../api/mutations';
import { readerTimeZone } from '../my-day/when';
import type { RecordActions } from '../records/useRecordActions';
import { useSettingsStyles } from './SettingsView.styles';

type MorningDigestSectionProps = {
  readonly workspace: WithEtag<WorkspaceSummary>;
  readonly act: RecordActions;
};

/** The IANA zones the browser knows, with `current` among them whatever it is. */
function timeZones(current: string): readonly string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/**
 * Owners turn the workspace's morning digest on or off: each member's day in their personal chat
 * with the bot (the bot reads `settings.morningDigest`). Keyed by the workspace's ETag, as the other
 * settings forms are; the outcome shows in `act`'s notice.
 */
export function MorningDigestSection({ workspace, act }: MorningDigestSectionProps) {
  const { t } = useTranslation();
  const styles = useSettingsStyles();
  const update = useUpdateWorkspace(workspace.id);
  const current = workspace.settings.morningDigest;
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  // Until an owner chose one, the zone of the owner who turns it on.
  const [timeZone, setTimeZone] = useState(current?.timeZone ?? readerTimeZone());

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await act.run(
      () => update.mutateAsync({ workspace, patch: { morningDigest: { enabled, timeZone } } }),
      t('morningDigest.saved'),
    );
  };

  return (
    <section className={styles.view} aria-labelledby="morning-digest-heading">
      <Subtitle2 as="h3" id="morning-digest-heading">
        {t('morningDigest.heading')}
      </Subtitle2>
      <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
        <Text>{t('morningDigest.explain')}</Text>
        <Checkbox
          label={t('morningDigest.enabled')}
          checked={enabled}
          onChange={(_e, data) => setEnabled(data.checked === true)}
        />
        <Field label={t('morningDigest.timeZone')}>
          <Select value={timeZone} onChange={(_e, data) => setTimeZone(data.value)}>
            {timeZones(timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={update.isPending}>
            {t('morningDigest.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
