import { enPipeline } from './en.pipeline';

/** English: the source of every key. The other locales are typed `Messages`, so a missing key fails tsc. */
export const en = {
  ...enPipeline,
  app: {
    title: 'Pipeline CRM',
    loading: 'Loading…',
    signedInAs: 'Signed in as {{name}}',
  },
  signIn: {
    heading: 'Sign in',
    intro: 'Local sign-in for development, outside Teams.',
    tenantId: 'Tenant id',
    userId: 'User id',
    name: 'Name',
    submit: 'Sign in',
  },
  workspaces: {
    heading: 'Workspaces',
    empty: 'You are not a member of any workspace yet. Create one to start.',
    listLabel: 'Your workspaces',
    role: { owner: 'Owner', member: 'Member' },
    newName: 'New workspace name',
    create: 'Create workspace',
    change: 'Change workspace',
  },
  leads: {
    heading: 'Leads',
    search: 'Search leads',
    status: 'Status',
    allStatuses: 'All statuses',
    new: 'New lead',
    empty: 'No leads match.',
    tableLabel: 'Leads',
    actions: 'Actions',
    convert: 'Convert',
    convertLead: 'Convert {{name}}',
    converted: '{{name}} was converted into {{organisation}} and contact {{contact}}.',
    convertedWithDeal:
      '{{name}} was converted into {{organisation}}, contact {{contact}} and deal {{opportunity}}.',
    field: {
      name: 'Name',
      firstName: 'First name',
      lastName: 'Last name',
      company: 'Company',
      email: 'Email',
      phone: 'Phone',
      title: 'Job title',
      source: 'Source',
      status: 'Status',
    },
    statusLabel: {
      'open-not-contacted': 'Open – Not Contacted',
      'working-contacted': 'Working – Contacted',
      'closed-converted': 'Closed – Converted',
      'closed-not-converted': 'Closed – Not Converted',
    },
    sourceLabel: {
      web: 'Web',
      'phone-inquiry': 'Phone inquiry',
      'customer-referral': 'Customer referral',
      'partner-referral': 'Partner referral',
      'purchased-list': 'Purchased list',
      'trade-show': 'Trade show',
      event: 'Event',
      other: 'Other',
    },
  },
  dialog: {
    create: 'Create',
    cancel: 'Cancel',
    close: 'Close',
  },
  validation: {
    required: 'This field is required.',
    email: 'Enter a valid email address.',
    tooLong: 'This is too long.',
    invalid: 'This value is not valid.',
  },
  errors: {
    generic: 'Something went wrong. Try again.',
    network: 'The server cannot be reached. Check your connection and try again.',
    kind: {
      invalid: 'Some of the data is not valid.',
      forbidden: 'You are not allowed to do this.',
      'not-found': 'This no longer exists, or you cannot see it.',
      conflict: 'This cannot be done in the current state.',
      gone: 'This has been removed for good.',
      stale: 'Someone else changed this meanwhile. Reload and try again.',
      'precondition-required': 'The app sent an incomplete request. Reload and try again.',
      unauthenticated: 'Your sign-in has expired. Sign in again.',
      'rate-limited': 'Too many requests. Wait a moment and try again.',
    },
    code: {
      LEAD_ALREADY_CONVERTED: 'This lead has already been converted.',
      LEAD_READ_ONLY: 'A converted lead can no longer be changed.',
      WORKSPACE_FORBIDDEN: 'You are not a member of this workspace.',
      CONCURRENCY_STALE: 'Someone else changed this meanwhile. Reload and try again.',
    },
  },
};

export type Messages = typeof en;
