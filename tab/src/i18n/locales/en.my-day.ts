/**
 * English keys of My day, the activity form and list, next steps and owners (issue 18). Kept apart
 * from `en.ts` and spread into it, as `en.pipeline.ts` is.
 */
export const enMyDay = {
  myDay: {
    heading: 'My day',
    whose: 'Whose day',
    me: 'Mine',
    overdue: 'Overdue ({{count}})',
    today: 'Today ({{count}})',
    upcoming: 'Upcoming ({{count}})',
    none: {
      overdue: 'Nothing overdue.',
      today: 'Nothing planned for today.',
      upcoming: 'Nothing planned for the coming week.',
    },
    more: 'Showing the first 100.',
    move: 'Move',
    moveNamed: 'Move {{subject}} to another day',
    tomorrow: 'Tomorrow',
    nextWeek: 'Next week (Monday)',
    pickDate: 'Pick a date…',
    pickDateTitle: 'Move {{subject}}',
    moveSubmit: 'Move',
    date: 'Date',
    moved: '{{subject}} is now due {{when}}.',
    doneNotice: '{{subject}} is done.',
    doneLabel: 'Done',
    reopened: '{{subject}} is open again.',
    stale:
      'Someone else changed {{subject}} meanwhile, so nothing was changed. It now shows as it is; try again.',
    refused: '{{subject}} was not changed: {{reason}}',
    planNext: 'Plan next activity',
    planNextTitle: 'Plan the next activity for {{name}}',
  },
  activityForm: {
    new: 'New activity',
    regardingType: 'About a',
    due: 'Due',
    owner: 'Owner',
    ownerMe: 'Me',
    logged: '{{subject}} was logged.',
    planned: '{{subject}} is planned.',
  },
  activityList: {
    due: 'Due',
    dueOption: {
      overdue: 'Overdue',
      today: 'Today',
      upcoming: 'Upcoming',
      range: 'Between dates',
    },
    from: 'From',
    to: 'Until',
    done: 'Done',
    doneOption: { true: 'Done', false: 'Open' },
    markDone: 'Mark as done',
    reopen: 'Reopen',
  },
  due: {
    overdue_one: '{{count}} day overdue',
    overdue_other: '{{count}} days overdue',
  },
  nextStep: {
    label: 'Next step',
    none: 'No next step',
    at: '{{subject}} · {{when}}',
  },
  owners: {
    owner: 'Owner',
    me: 'Me',
    auto: 'Me (or in turn, when owners turned that on)',
    reassign: 'Give to…',
    reassignTitle: 'Give {{count}} records to another owner',
    newOwner: 'New owner',
    reassignSubmit: 'Give',
    reassigned: '{{count}} given to {{name}}.',
    reassignFailed: '{{done}} given to {{name}}; {{failed}} not: {{reasons}}',
  },
  leadAssignment: {
    heading: 'Who gets new leads',
    mode: {
      creator: 'The person who adds them',
      'round-robin': 'In turn, among the members chosen here',
    },
    members: 'Members who take turns',
    save: 'Save lead assignment',
    saved: 'Lead assignment saved.',
  },
};

export type MyDayMessages = typeof enMyDay;
