import {
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Subtitle2,
  Title2,
} from '@fluentui/react-components';
import { snoozedDueAt, type SnoozeUntil } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityView, MyDay, PlanNext, WithEtag } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { useCompleteActivity, useReopenActivity, useRescheduleActivity } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { ErrorState, LoadingState, NoticeBar, type Notice } from '../app/StateViews';
import { NewActivityButton, REGARDING_PLURAL } from '../activities/ActivityFormDialog';
import { activityRefusal } from '../activities/activity-refusal';
import { useFormat } from '../i18n/useFormat';
import { MemberSelect } from '../owners/MemberSelect';
import { FormDialog } from '../records/FormDialog';
import { useMyDayStyles } from './MyDayView.styles';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { PlanNextOffer } from './PlanNextOffer';
import { localDateInput, onDateAt, readerTimeZone } from './when';

export type MyDayViewProps = { readonly workspaceId: string };

const SECTIONS = ['overdue', 'today', 'upcoming'] as const;
type SectionId = (typeof SECTIONS)[number];
type Activity = WithEtag<ActivityView>;
/** Done here, in this visit: still shown (struck through) in its section, with a way back. */
type DoneHere = ReadonlyMap<string, { readonly activity: Activity; readonly section: SectionId }>;
type Offer = { readonly text: string; readonly hint: PlanNext; readonly seq: number };

const UPCOMING_DAYS = 7;

/** The sections' items: what the server lists plus what was done here, by due time. */
function itemsOf(day: MyDay, doneHere: DoneHere, section: SectionId): Activity[] {
  const listed = day[section].items.filter((a) => !doneHere.has(a.id));
  const done = [...doneHere.values()].filter((d) => d.section === section).map((d) => d.activity);
  return [...listed, ...done].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The tab's home: my open activities before today, today and in the coming week (owners can look
 * at a member's), each done in one click (shown done at once, taken back with the reason if the
 * server refuses) or moved to another day, and after each, an offer to plan the next one.
 */
export default function MyDayView({ workspaceId }: MyDayViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const styles = useMyDayStyles();
  const list = useRecordListStyles();
  const [ownerId, setOwnerId] = useState('');
  const [doneHere, setDoneHere] = useState<DoneHere>(new Map());
  const [notice, setNotice] = useState<Notice>();
  const [offer, setOffer] = useState<Offer>();
  const [picking, setPicking] = useState<Activity>();
  const complete = useCompleteActivity(workspaceId);
  const reopen = useReopenActivity(workspaceId);
  const reschedule = useRescheduleActivity(workspaceId);
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  const isOwner = workspace.data?.role === 'owner';
  const query = { ...(ownerId ? { ownerId } : {}), tz: readerTimeZone(), days: UPCOMING_DAYS };
  const day = useQuery({
    queryKey: queryKeys.myDay(workspaceId, query),
    queryFn: () => api.myDay(workspaceId, query),
  });

  const forget = (id: string) =>
    setDoneHere((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  const refusal = (error: unknown, subject: string) => activityRefusal(error, subject, t);

  const markDone = async (activity: Activity, section: SectionId) => {
    setDoneHere((current) =>
      new Map(current).set(activity.id, { activity: { ...activity, completed: true }, section }),
    );
    setOffer(undefined);
    setNotice(undefined);
    try {
      const done = await complete.mutateAsync(activity);
      setDoneHere((current) => new Map(current).set(activity.id, { activity: done.activity, section }));
      setOffer((current) => ({
        text: t('myDay.doneNotice', { subject: activity.subject }),
        hint: done.planNext,
        seq: (current?.seq ?? 0) + 1,
      }));
    } catch (error) {
      forget(activity.id);
      setNotice(refusal(error, activity.subject));
    }
  };

  const undo = async (activity: Activity) => {
    setOffer(undefined);
    try {
      await reopen.mutateAsync(activity);
      forget(activity.id);
      setNotice({ intent: 'success', text: t('myDay.reopened', { subject: activity.subject }) });
    } catch (error) {
      setNotice(refusal(error, activity.subject));
    }
  };

  const move = async (activity: Activity, to: Date | undefined) => {
    if (!to) return;
    setOffer(undefined);
    try {
      await reschedule.mutateAsync({ activity, dueAt: to.toISOString() });
      setNotice({
        intent: 'success',
        text: t('myDay.moved', { subject: activity.subject, when: format.dateTime(to.toISOString()) }),
      });
    } catch (error) {
      setNotice(refusal(error, activity.subject));
    }
  };

  return (
    <section className={styles.view} aria-labelledby="my-day-heading">
      <Title2 as="h2" id="my-day-heading" className={list.titleText}>
        {t('myDay.heading')}
      </Title2>
      <div className={styles.toolbar}>
        {isOwner && (
          <Field label={t('myDay.whose')}>
            <MemberSelect
              workspaceId={workspaceId}
              value={ownerId}
              onChange={setOwnerId}
              blankLabel={t('myDay.me')}
            />
          </Field>
        )}
        <NewActivityButton workspaceId={workspaceId} />
      </div>
      <NoticeBar notice={notice} />
      {offer && (
        <PlanNextOffer key={offer.seq} workspaceId={workspaceId} text={offer.text} hint={offer.hint} />
      )}
      {day.isPending ? (
        <LoadingState />
      ) : day.isError ? (
        <ErrorState error={day.error} onRetry={() => void day.refetch()} />
      ) : (
        SECTIONS.map((section) => (
          <DaySection
            key={section}
            section={section}
            items={itemsOf(day.data, doneHere, section)}
            more={day.data[section].more}
            doneHere={doneHere}
            onDone={(a) => void markDone(a, section)}
            onUndo={(a) => void undo(a)}
            onMove={(a, to) => void move(a, to)}
            onPick={setPicking}
          />
        ))
      )}
      <PickDateDialog
        activity={picking}
        onClose={() => setPicking(undefined)}
        onMove={(activity, to) => {
          setPicking(undefined);
          void move(activity, to);
        }}
      />
    </section>
  );
}

type DaySectionProps = {
  readonly section: SectionId;
  readonly items: readonly Activity[];
  readonly more: boolean;
  readonly doneHere: DoneHere;
  readonly onDone: (activity: Activity) => void;
  readonly onUndo: (activity: Activity) => void;
  readonly onMove: (activity: Activity, to: Date) => void;
  readonly onPick: (activity: Activity) => void;
};

function DaySection({ section, items, more, doneHere, onDone, onUndo, onMove, onPick }: DaySectionProps) {
  const { t } = useTranslation();
  const styles = useMyDayStyles();
  const headingId = `my-day-${section}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.sectionHeading}>
        {t(`myDay.${section}`, { count: items.length })}
      </Subtitle2>
      {items.length === 0 ? (
        <Text>{t(`myDay.none.${section}`)}</Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {items.map((activity) => (
            <DayItem
              key={activity.id}
              activity={activity}
              overdue={section === 'overdue'}
              done={doneHere.has(activity.id)}
              onDone={onDone}
              onUndo={onUndo}
              onMove={onMove}
              onPick={onPick}
            />
          ))}
        </ul>
      )}
      {more && <Caption1>{t('myDay.more')}</Caption1>}
    </section>
  );
}

type DayItemProps = Omit<DaySectionProps, 'section' | 'items' | 'more' | 'doneHere'> & {
  readonly activity: Activity;
  readonly overdue: boolean;
  readonly done: boolean;
};

/** Where "Tomorrow" / "Next week" move an open activity: shared's snooze rule, the bot card's too. */
const snoozed = (activity: Activity, until: SnoozeUntil): Date =>
  new Date(snoozedDueAt(activity.occurredAt, until, new Date().toISOString(), readerTimeZone()));

function DayItem({ activity, overdue, done, onDone, onUndo, onMove, onPick }: DayItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigation = useNavigation();
  const styles = useMyDayStyles();
  const plural = REGARDING_PLURAL[activity.regarding.type];
  return (
    <li className={styles.item}>
      <div className={styles.what}>
        <Checkbox
          checked={done}
          label={<span className={done ? styles.done : styles.subject}>{activity.subject}</span>}
          onChange={() => (done ? onUndo(activity) : onDone(activity))}
        />
        <Caption1 className={styles.meta}>
          {t(`activities.typeLabel.${activity.type}`)} ·{' '}
          {/* Open: short ("Today · 4:30 PM", "2 days overdue · 9:00 AM"), the full date in its title. */}
          <span
            className={overdue && !done ? styles.overdue : undefined}
            title={format.dateTime(activity.occurredAt)}
          >
            {done
              ? format.dateTime(activity.occurredAt)
              : `${format.due(activity.occurredAt, Date.now())} · ${format.time(activity.occurredAt)}`}
          </span>{' '}
          ·{' '}
          <Link href={navigation.href(plural, activity.regarding.id)}>
            {activity.regardingName ?? t(`activities.regardingLabel.${activity.regarding.type}`)}
          </Link>
          {done ? ` · ${t('myDay.doneLabel')}` : ''}
        </Caption1>
      </div>
      {!done && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            {/* The visible word starts the accessible name, so voice control users can say it. */}
            <MenuButton size="small" aria-label={t('myDay.moveNamed', { subject: activity.subject })}>
              {t('myDay.move')}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onMove(activity, snoozed(activity, 'tomorrow'))}>
                {t('myDay.tomorrow')}
              </MenuItem>
              <MenuItem onClick={() => onMove(activity, snoozed(activity, 'next-week'))}>
                {t('myDay.nextWeek')}
              </MenuItem>
              <MenuItem onClick={() => onPick(activity)}>{t('myDay.pickDate')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </li>
  );
}

type PickDateDialogProps = {
  readonly activity: Activity | undefined;
  readonly onClose: () => void;
  readonly onMove: (activity: Activity, to: Date) => void;
};

/** "Pick a date": the day it moves to, at the time it was due. */
function PickDateDialog({ activity, onClose, onMove }: PickDateDialogProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [shownFor, setShownFor] = useState<string>();
  if (activity && activity.id !== shownFor) {
    setShownFor(activity.id);
    setDate(localDateInput(new Date(activity.occurredAt)));
  }
  const to = activity ? onDateAt(date, new Date(activity.occurredAt)) : undefined;
  return (
    <FormDialog
      open={activity !== undefined}
      title={t('myDay.pickDateTitle', { subject: activity?.subject ?? '' })}
      submitLabel={t('myDay.moveSubmit')}
      onClose={() => {
        setShownFor(undefined);
        onClose();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (activity && to) {
          setShownFor(undefined);
          onMove(activity, to);
        }
      }}
      {...(activity && !to ? { failure: t('validation.invalid') } : {})}
    >
      <Field label={t('myDay.date')}>
        <Input type="date" value={date} onChange={(_e, data) => setDate(data.value)} />
      </Field>
    </FormDialog>
  );
}
