import { RATINGS } from '../common/rating';
import { CONTACT_RELATIONSHIPS } from '../contact/contact';
import { LEAD_SOURCES, LEAD_STATUSES } from '../lead/lead';
import { ORGANISATION_SIZES, ORGANISATION_STATUSES } from '../organisation/organisation';
import { headerKey } from './import-headers';
import type { ImportKind } from './import-fields';

/**
 * The picklists an import maps: our ids and their labels in our four languages (exact), the values
 * the CRMs our users leave write (synonyms: Salesforce's default picklists, HubSpot's internal values
 * and labels, Pipedrive's), and what an unknown value becomes (`fallback`, the original then kept on
 * the record). Compared by `headerKey`: case, accents, spaces and punctuation ignored, so
 * "Open - Not Contacted", "Open – Not Contacted" and "OPEN_NOT_CONTACTED" are one value.
 */
export type ChoiceTable = {
  readonly values: readonly string[];
  /** Our own words for each value: the id and its labels (en, nl, pt-BR, nb). */
  readonly exact: Readonly<Record<string, readonly string[]>>;
  /** Other systems' words for each value. */
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  /** An unknown value becomes this (undefined: the field stays empty); the file's text is kept. */
  readonly fallback: string | undefined;
};

const SOURCE: ChoiceTable = {
  values: LEAD_SOURCES,
  exact: {
    web: ['Web', 'Website', 'Site', 'Nettside'],
    'phone-inquiry': ['Phone inquiry', 'Telefonische aanvraag', 'Contato telefônico', 'Telefonhenvendelse'],
    'customer-referral': [
      'Customer referral',
      'Verwijzing door klant',
      'Indicação de cliente',
      'Anbefalt av kunde',
    ],
    'partner-referral': [
      'Partner referral',
      'Verwijzing door partner',
      'Indicação de parceiro',
      'Anbefalt av partner',
    ],
    'purchased-list': ['Purchased list', 'Gekochte lijst', 'Lista comprada', 'Kjøpt liste'],
    'trade-show': ['Trade show', 'Beurs', 'Feira', 'Messe'],
    event: ['Event', 'Evenement', 'Evento', 'Arrangement'],
    other: ['Other', 'Overig', 'Outro', 'Annet'],
  },
  synonyms: {
    web: [
      'Web form',
      'Web forms',
      'Webform',
      'Web site',
      'Online',
      'Internet',
      'Inbound',
      'Organic Search',
      'ORGANIC_SEARCH',
      'Paid Search',
      'PAID_SEARCH',
      'Direct Traffic',
      'DIRECT_TRAFFIC',
      'Social Media',
      'SOCIAL_MEDIA',
      'Organic Social',
      'Paid Social',
      'PAID_SOCIAL',
      'Email Marketing',
      'EMAIL_MARKETING',
      'Referrals',
      'AI Referrals',
      'AI_REFERRALS',
      'Web visitors',
      'Chatbot',
      'Live chat',
      'SEO',
      'Google Ads',
    ],
    'phone-inquiry': [
      'Phone',
      'Phone Inquiry',
      'Inbound call',
      'Call',
      'Telephone',
      'Telefoon',
      'Telefone',
      'Telefon',
    ],
    'customer-referral': [
      'Referral',
      'Customer',
      'Client referral',
      'External Referral',
      'Word of mouth',
      'Mond-tot-mond',
      'Indicação',
      'Boca a boca',
      'Anbefaling',
      'Jungeltelegrafen',
    ],
    'partner-referral': ['Partner', 'Channel partner', 'Reseller', 'Parceiro', 'Partnerverwijzing'],
    'purchased-list': [
      'List',
      'Purchased List',
      'List purchase',
      'Bought list',
      'Data provider',
      'Prospector',
    ],
    'trade-show': ['Tradeshow', 'Trade fair', 'Fair', 'Expo', 'Exhibition', 'Vakbeurs', 'Beurs'],
    event: [
      'Seminar',
      'Seminar - Internal',
      'Seminar - Partner',
      'Webinar',
      'Conference',
      'Meetup',
      'Workshop',
      'Congres',
      'Congresso',
      'Konferanse',
      'Seminário',
    ],
    other: ['Offline', 'OFFLINE', 'Other Campaigns', 'OTHER_CAMPAIGNS', 'Manually created', 'API', 'Import'],
  },
  fallback: 'other',
};

const LEAD_STATUS: ChoiceTable = {
  values: LEAD_STATUSES,
  exact: {
    'open-not-contacted': [
      'Open – Not Contacted',
      'Open – Niet benaderd',
      'Aberto – Não contatado',
      'Åpen – Ikke kontaktet',
    ],
    'working-contacted': [
      'Working – Contacted',
      'In behandeling – Benaderd',
      'Em andamento – Contatado',
      'Under arbeid – Kontaktet',
    ],
    'closed-converted': [
      'Closed – Converted',
      'Gesloten – Geconverteerd',
      'Fechado – Convertido',
      'Lukket – Konvertert',
    ],
    'closed-not-converted': [
      'Closed – Not Converted',
      'Gesloten – Niet geconverteerd',
      'Fechado – Não convertido',
      'Lukket – Ikke konvertert',
    ],
  },
  synonyms: {
    // Salesforce's four ("Open - Not Contacted" with a hyphen), its older defaults, HubSpot's lead statuses.
    'open-not-contacted': ['Open', 'New', 'NEW', 'Not Contacted', 'Nieuw', 'Novo', 'Ny'],
    'working-contacted': [
      'Working',
      'Contacted',
      'Qualified',
      'In Progress',
      'IN_PROGRESS',
      'Attempted to Contact',
      'ATTEMPTED_TO_CONTACT',
      'Connected',
      'CONNECTED',
      'Open Deal',
      'OPEN_DEAL',
      'Nurturing',
      'Benaderd',
      'Contatado',
      'Kontaktet',
    ],
    'closed-converted': ['Converted', 'Closed Converted', 'Geconverteerd', 'Convertido', 'Konvertert'],
    'closed-not-converted': [
      'Unqualified',
      'UNQUALIFIED',
      'Disqualified',
      'Bad Timing',
      'BAD_TIMING',
      'Not Converted',
      'Junk',
      'Lost',
      'Gediskwalificeerd',
      'Desqualificado',
      'Diskvalifisert',
    ],
  },
  fallback: 'open-not-contacted',
};

/** HubSpot's lifecycle stages (internal values and labels), read as a lead's status. */
const LIFECYCLE_AS_LEAD_STATUS: ChoiceTable = {
  values: LEAD_STATUSES,
  exact: {},
  synonyms: {
    'open-not-contacted': [
      'Subscriber',
      'Lead',
      'Marketing Qualified Lead',
      'marketingqualifiedlead',
      'MQL',
      'Other',
    ],
    'working-contacted': ['Sales Qualified Lead', 'salesqualifiedlead', 'SQL', 'Opportunity'],
    'closed-converted': ['Customer', 'Evangelist'],
  },
  fallback: 'open-not-contacted',
};

const RATING: ChoiceTable = {
  values: RATINGS,
  exact: {
    hot: ['Hot', 'Heet', 'Quente', 'Het'],
    warm: ['Warm', 'Morno', 'Lunken'],
    cold: ['Cold', 'Koud', 'Frio', 'Kald'],
  },
  synonyms: {
    hot: ['Hot lead', 'A'],
    warm: ['Warm lead', 'B'],
    cold: ['Cold lead', 'C'],
  },
  fallback: undefined,
};

const ORGANISATION_STATUS: ChoiceTable = {
  values: ORGANISATION_STATUSES,
  exact: {
    prospect: ['Prospect', 'Prospekt'],
    customer: ['Customer', 'Klant', 'Cliente', 'Kunde'],
    partner: ['Partner', 'Parceiro'],
    supplier: ['Supplier', 'Leverancier', 'Fornecedor', 'Leverandør'],
    'former-customer': ['Former customer', 'Voormalige klant', 'Ex-cliente', 'Tidligere kunde'],
  },
  synonyms: {
    prospect: ['PROSPECT', 'Lead', 'Potential customer', 'Potentiële klant', 'Potencial'],
    customer: ['Customer - Direct', 'Customer - Channel', 'Client', 'Active customer'],
    partner: [
      'Channel Partner / Reseller',
      'Installation Partner',
      'Technology Partner',
      'Reseller',
      'RESELLER',
      'PARTNER',
    ],
    supplier: ['Vendor', 'VENDOR'],
    'former-customer': ['Ex-customer', 'Churned', 'Lost customer', 'Ex-klant'],
  },
  fallback: 'prospect',
};

/** HubSpot's lifecycle stages read as an organisation's status. */
const LIFECYCLE_AS_ORGANISATION_STATUS: ChoiceTable = {
  values: ORGANISATION_STATUSES,
  exact: {},
  synonyms: {
    prospect: [
      'Subscriber',
      'Lead',
      'Marketing Qualified Lead',
      'marketingqualifiedlead',
      'Sales Qualified Lead',
      'salesqualifiedlead',
      'Opportunity',
      'Other',
    ],
    customer: ['Customer', 'Evangelist'],
  },
  fallback: 'prospect',
};

const SIZE: ChoiceTable = {
  values: ORGANISATION_SIZES,
  exact: {
    '1-10': ['1–10'],
    '11-50': ['11–50'],
    '51-200': ['51–200'],
    '201-1000': ['201–1000', '201–1,000', '201–1.000'],
    '1001-5000': ['1001–5000', '1,001–5,000', '1.001–5.000'],
    '5001+': ['5,001+', '5.001+'],
  },
  synonyms: {
    '1-10': ['1-5', '2-10', '1 to 10', 'Micro'],
    '11-50': ['11 to 50', 'Small'],
    '51-200': ['51 to 200'],
    '201-1000': ['201-500', '501-1000', '201 to 1000'],
    '1001-5000': ['1001-2000', '2001-5000', '1001 to 5000'],
    '5001+': ['5001-10000', '10001+', '10000+', '5000+', 'Enterprise'],
  },
  fallback: undefined,
};

const RELATIONSHIP: ChoiceTable = {
  values: CONTACT_RELATIONSHIPS,
  exact: {
    customer: ['Customer', 'Klant', 'Cliente', 'Kunde'],
    supplier: ['Supplier', 'Leverancier', 'Fornecedor', 'Leverandør'],
    colleague: ['Colleague', 'Collega', 'Colega', 'Kollega'],
    partner: ['Partner', 'Parceiro'],
    other: ['Other', 'Overig', 'Outro', 'Annet'],
  },
  synonyms: {
    customer: ['Client'],
    supplier: ['Vendor'],
    colleague: ['Employee', 'Internal', 'Medewerker', 'Funcionário', 'Ansatt'],
    partner: ['Reseller'],
  },
  fallback: 'other',
};

/** HubSpot's lifecycle stages read as a contact's relationship. */
const LIFECYCLE_AS_RELATIONSHIP: ChoiceTable = {
  values: CONTACT_RELATIONSHIPS,
  exact: {},
  synonyms: { customer: ['Customer', 'Evangelist'] },
  fallback: 'other',
};

/** Pipedrive's deal status: won and lost close the deal whatever its stage column says. */
export const DEAL_STATUSES = ['open', 'won', 'lost', 'deleted'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
const DEAL_STATUS: ChoiceTable = {
  values: DEAL_STATUSES,
  exact: {
    open: ['Open', 'Aberto', 'Åpen'],
    won: ['Won', 'Gewonnen', 'Ganho', 'Ganha', 'Vunnet'],
    lost: ['Lost', 'Verloren', 'Perdido', 'Perdida', 'Tapt'],
    deleted: ['Deleted', 'Verwijderd', 'Excluído', 'Slettet'],
  },
  synonyms: { won: ['Closed Won'], lost: ['Closed Lost'] },
  fallback: undefined,
};

/** The picklist of a choice field, per kind. */
export const CHOICES: Readonly<Record<ImportKind, Readonly<Record<string, ChoiceTable>>>> = {
  lead: { source: SOURCE, status: LEAD_STATUS, lifecycleStage: LIFECYCLE_AS_LEAD_STATUS, rating: RATING },
  organisation: {
    status: ORGANISATION_STATUS,
    lifecycleStage: LIFECYCLE_AS_ORGANISATION_STATUS,
    size: SIZE,
    rating: RATING,
  },
  contact: { relationship: RELATIONSHIP, lifecycleStage: LIFECYCLE_AS_RELATIONSHIP },
  opportunity: { status: DEAL_STATUS },
};

/** How a file's value became ours: one of our own words, a known synonym, the fallback, or the user's choice. */
export type ValueHow = 'exact' | 'synonym' | 'fallback' | 'chosen';

export type MappedChoice = { readonly value: string | undefined; readonly how: ValueHow };

type Lookup = { readonly exact: ReadonlyMap<string, string>; readonly synonyms: ReadonlyMap<string, string> };
const LOOKUPS = new WeakMap<ChoiceTable, Lookup>();

function lookupOf(table: ChoiceTable): Lookup {
  let found = LOOKUPS.get(table);
  if (found) return found;
  const exact = new Map<string, string>();
  const synonyms = new Map<string, string>();
  for (const value of table.values) exact.set(headerKey(value), value);
  for (const [value, words] of Object.entries(table.exact))
    for (const word of words) exact.set(headerKey(word), value);
  for (const [value, words] of Object.entries(table.synonyms))
    for (const word of words) if (!exact.has(headerKey(word))) synonyms.set(headerKey(word), value);
  found = { exact, synonyms };
  LOOKUPS.set(table, found);
  return found;
}

/** A non-blank picklist text mapped by the table (never an error: an unknown value falls back). */
export function mapChoice(table: ChoiceTable, text: string): MappedChoice {
  const key = headerKey(text);
  const { exact, synonyms } = lookupOf(table);
  const mine = exact.get(key);
  if (mine) return { value: mine, how: 'exact' };
  const theirs = synonyms.get(key);
  if (theirs) return { value: theirs, how: 'synonym' };
  return { value: table.fallback, how: 'fallback' };
}

/** Whether `value` is one of the table's own values (a user's choice in a mapping is checked with it). */
export const isChoice = (table: ChoiceTable, value: string): boolean => table.values.includes(value);
