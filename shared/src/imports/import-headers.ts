import { normaliseText } from '../common/search-tokens';
import { exportHeader } from '../records/export-columns';
import { IMPORT_FIELDS, type ImportKind } from './import-fields';

/**
 * Which field a file's column feeds, recognised from its header as the CRMs our users leave write
 * it: our own export (its exact column names, and our labels in en, nl, pt-BR and nb), Salesforce
 * (report exports' labels, the weekly Data Export's API field names), HubSpot (export labels) and
 * Pipedrive (`Person - Name`, `Deal - Value`: its entity prefix, then the field). Sources: the
 * Salesforce field references of Lead, Account, Contact and Opportunity (label and API name), HubSpot's
 * default contact, company and deal properties, and Pipedrive's exported field names.
 */

/** "First Name", "first_name", "FIRSTNAME", "E-mail", "Zip/Postal Code" → one key each. */
export const headerKey = (header: string): string =>
  normaliseText(header.replace(/^\uFEFF/, '')).replace(/[^\p{L}\p{N}]+/gu, '');

type Aliases = Readonly<Record<string, readonly string[]>>;

const PERSON: Aliases = {
  name: [
    'Name',
    'Full Name',
    'Contact Name',
    'Person',
    'Naam',
    'Volledige naam',
    'Nome completo',
    'Navn',
    'Fullt navn',
  ],
  firstName: ['First Name', 'FirstName', 'Given Name', 'Voornaam', 'Nome', 'Primeiro nome', 'Fornavn'],
  lastName: ['Last Name', 'LastName', 'Surname', 'Family Name', 'Achternaam', 'Sobrenome', 'Etternavn'],
  email: [
    'Email',
    'E-mail',
    'Email Address',
    'E-mail address',
    'Email Work',
    'Email Home',
    'Email Other',
    'E-mailadres',
    'Endereço de e-mail',
    'E-post',
    'E-postadresse',
  ],
  phone: [
    'Phone',
    'Phone Number',
    'Business Phone',
    'Work Phone',
    'Phone Work',
    'Phone Home',
    'Phone Other',
    'Telefoon',
    'Telefoonnummer',
    'Telefone',
    'Telefon',
    'Telefonnummer',
  ],
  mobile: [
    'Mobile',
    'Mobile Phone',
    'MobilePhone',
    'Mobile Phone Number',
    'Cell Phone',
    'Phone Mobile',
    'Mobiel',
    'Mobiel nummer',
    'Celular',
    'Mobil',
    'Mobilnummer',
  ],
  title: ['Title', 'Job Title', 'Position', 'Job title', 'Functie', 'Functietitel', 'Cargo', 'Stilling'],
  description: [
    'Description',
    'Notes',
    'Note',
    'Omschrijving',
    'Notities',
    'Descrição',
    'Beskrivelse',
    'Notat',
  ],
  owner: [
    'Owner',
    'OwnerId',
    'Owner ID',
    'Owner Name',
    'Owner Email',
    'HubSpot Owner',
    'Eigenaar',
    'Responsável',
    'Eier',
  ],
  createdAt: [
    'Created Date',
    'CreatedDate',
    'Create Date',
    'Created',
    'Date Created',
    'Created At',
    'Aangemaakt',
    'Aangemaakt op',
    'Criado em',
    'Data de criação',
    'Opprettet',
  ],
  updatedAt: [
    'Last Modified Date',
    'LastModifiedDate',
    'Last Modified',
    'Updated',
    'Update time',
    'Updated At',
    'Gewijzigd',
    'Laatst gewijzigd',
    'Atualizado em',
    'Endret',
    'Sist endret',
  ],
  deleted: ['IsDeleted', 'Deleted'],
  externalId: ['Id', 'ID', 'Record ID', 'External ID', 'Externe ID', 'ID externo', 'Ekstern ID'],
};

const ADDRESS: Aliases = {
  address: [
    'Street',
    'Street Address',
    'Address',
    'Address Line 1',
    'Address 1',
    'Mailing Street',
    'Adres',
    'Straat',
    'Endereço',
    'Rua',
    'Adresse',
    'Gateadresse',
  ],
  city: ['City', 'Town', 'Mailing City', 'Plaats', 'Woonplaats', 'Stad', 'Cidade', 'Sted', 'Poststed', 'By'],
  postalCode: [
    'Postal Code',
    'PostalCode',
    'Zip',
    'Zip Code',
    'Zip/Postal Code',
    'Postcode',
    'CEP',
    'Código postal',
    'Postnummer',
  ],
  region: [
    'State',
    'State/Province',
    'State/Region',
    'Province',
    'Region',
    'County',
    'Provincie',
    'Estado',
    'UF',
    'Fylke',
  ],
  country: ['Country', 'Country/Region', 'Country/Territory', 'Land', 'País'],
};

const COMPANY_FACTS: Aliases = {
  industry: ['Industry', 'Branche', 'Sector', 'Setor', 'Segmento', 'Bransje'],
  annualRevenue: [
    'Annual Revenue',
    'AnnualRevenue',
    'Revenue',
    'Jaaromzet',
    'Omzet',
    'Receita anual',
    'Faturamento anual',
    'Faturamento',
    'Årlig omsetning',
    'Omsetning',
  ],
  employees: [
    'Employees',
    'NumberOfEmployees',
    'Number of Employees',
    'No. of Employees',
    'Headcount',
    'Head Count',
    'Medewerkers',
    'Aantal medewerkers',
    'Funcionários',
    'Número de funcionários',
    'Ansatte',
    'Antall ansatte',
  ],
  website: ['Website', 'Website URL', 'Web Site', 'URL', 'Site', 'Nettsted', 'Nettside', 'Hjemmeside'],
};

const OWN_ID = ['Our ID', 'Pipeline CRM ID'];

/** A contact's or deal's organisation, by name (Salesforce's account, HubSpot's company, Pipedrive's organization). */
const ORGANISATION_NAME = [
  'Account Name',
  'Account',
  'Company',
  'Company Name',
  'Associated Company',
  'Organization',
  'Organisation',
  'Organization Name',
  'Organization - Name',
  'Organisatie',
  'Organização',
  'Empresa',
  'Bedrijf',
  'Organisasjon',
  'Firma',
];

/** The same organisation by the export's own id. */
const ORGANISATION_ID = [
  'AccountId',
  'Account ID',
  'Associated Company ID',
  'Associated Company IDs',
  'Company ID',
  'Organization ID',
  'Organization - ID',
];

/** Per kind: field → the headers that name it (compared by `headerKey`). */
const ALIASES: { readonly [K in ImportKind]: Aliases } = {
  lead: {
    ...PERSON,
    ...ADDRESS,
    ...COMPANY_FACTS,
    id: OWN_ID,
    externalId: [...(PERSON.externalId ?? []), 'Lead ID', 'Contact ID'],
    company: [
      'Company',
      'Company Name',
      'Organization',
      'Organisation',
      'Organization Name',
      'Organization - Name',
      'Account Name',
      'Bedrijf',
      'Bedrijfsnaam',
      'Organisatie',
      'Empresa',
      'Nome da empresa',
      'Firma',
      'Firmanavn',
      'Organisasjon',
    ],
    owner: [...(PERSON.owner ?? []), 'Lead Owner', 'Contact owner'],
    rating: ['Rating', 'Lead Rating', 'Label', 'Labels', 'Beoordeling', 'Classificação', 'Vurdering'],
    source: [
      'Lead Source',
      'LeadSource',
      'Source',
      'Original Source',
      'Original Source Type',
      'Bron',
      'Leadbron',
      'Origem',
      'Fonte',
      'Kilde',
    ],
    status: ['Lead Status', 'Status', 'Leadstatus', 'Status do lead', 'Status do Lead'],
    lifecycleStage: ['Lifecycle Stage', 'Lifecyclestage'],
    campaign: [
      'Campaign',
      'Campaign Name',
      'Primary Campaign',
      'Primary Campaign Source',
      'Campagne',
      'Campanha',
      'Kampanje',
    ],
    campaignId: ['Campaign ID', 'CampaignId'],
    disqualificationReason: [
      'Disqualification Reason',
      'Disqualified Reason',
      'Unqualified Reason',
      'Reden van diskwalificatie',
      'Motivo da desqualificação',
      'Årsak til diskvalifisering',
    ],
    converted: ['IsConverted', 'Converted', 'Is Converted'],
    convertedAt: ['Converted Date', 'ConvertedDate'],
    createdAt: [...(PERSON.createdAt ?? []), 'Lead created', 'Person created', 'Contact created'],
  },
  organisation: {
    ...ADDRESS,
    ...COMPANY_FACTS,
    id: OWN_ID,
    externalId: [...(PERSON.externalId ?? []), 'Account ID', 'Company ID', 'Organization ID'],
    name: [
      'Name',
      'Account Name',
      'Company Name',
      'Company',
      'Organization',
      'Organisation',
      'Organization Name',
      'Naam',
      'Bedrijfsnaam',
      'Nome',
      'Nome da empresa',
      'Navn',
      'Firmanavn',
    ],
    status: ['Status', 'Type', 'Account Type', 'Company Type', 'Soort', 'Tipo'],
    lifecycleStage: ['Lifecycle Stage', 'Lifecyclestage'],
    website: [...(COMPANY_FACTS.website ?? []), 'Company Domain Name', 'Domain', 'Domain Name'],
    size: ['Size', 'Company Size', 'Grootte', 'Porte', 'Størrelse'],
    rating: ['Rating', 'Account Rating', 'Label', 'Labels', 'Beoordeling', 'Classificação', 'Vurdering'],
    phone: ['Phone', 'Phone Number', 'Telefoon', 'Telefone', 'Telefon'],
    email: ['Email', 'E-mail', 'E-post', 'Email Address'],
    address: [
      ...(ADDRESS.address ?? []),
      'Billing Street',
      'BillingStreet',
      'Address Street/road name',
      'Address Full/combined address',
    ],
    city: [...(ADDRESS.city ?? []), 'Billing City', 'BillingCity', 'Address City/town/village/locality'],
    postalCode: [
      ...(ADDRESS.postalCode ?? []),
      'Billing Zip/Postal Code',
      'BillingPostalCode',
      'Address ZIP/Postal code',
    ],
    region: [...(ADDRESS.region ?? []), 'Billing State/Province', 'BillingState', 'Address State/County'],
    country: [...(ADDRESS.country ?? []), 'Billing Country', 'BillingCountry', 'Address Country'],
    description: ['Description', 'About Us', 'About', 'Notes', 'Omschrijving', 'Descrição', 'Beskrivelse'],
    owner: [...(PERSON.owner ?? []), 'Account Owner', 'Company owner'],
    createdAt: [...(PERSON.createdAt ?? []), 'Organization created'],
    updatedAt: PERSON.updatedAt ?? [],
    deleted: PERSON.deleted ?? [],
  },
  contact: {
    ...PERSON,
    id: OWN_ID,
    externalId: [...(PERSON.externalId ?? []), 'Contact ID', 'Person ID'],
    organisation: ORGANISATION_NAME,
    organisationExternalId: ORGANISATION_ID,
    relationship: ['Relationship', 'Contact Type', 'Relatie', 'Relacionamento', 'Relasjon'],
    lifecycleStage: ['Lifecycle Stage', 'Lifecyclestage'],
    isDecisionMaker: ['Decision Maker', 'Is Decision Maker', 'Beslisser', 'Decisor', 'Beslutningstaker'],
    owner: [...(PERSON.owner ?? []), 'Contact Owner'],
    createdAt: [...(PERSON.createdAt ?? []), 'Person created', 'Contact created'],
  },
  opportunity: {
    id: OWN_ID,
    externalId: [...(PERSON.externalId ?? []), 'Opportunity ID', 'Deal ID'],
    name: [
      'Name',
      'Opportunity Name',
      'Deal Name',
      'Title',
      'Deal Title',
      'Naam',
      'Nome',
      'Navn',
      'Verkoopkans',
      'Oportunidade',
      'Salgsmulighet',
    ],
    organisation: ORGANISATION_NAME,
    organisationExternalId: ORGANISATION_ID,
    primaryContact: [
      'Contact',
      'Contact Name',
      'Primary Contact',
      'Contact person',
      'Associated Contact',
      'Person - Name',
      'Contactpersoon',
      'Contato',
      'Kontaktperson',
    ],
    primaryContactExternalId: [
      'ContactId',
      'Contact ID',
      'Associated Contact ID',
      'Associated Contact IDs',
      'Person - ID',
    ],
    stage: ['Stage', 'StageName', 'Deal Stage', 'Opportunity Stage', 'Fase', 'Etapa'],
    status: ['Status', 'Deal Status'],
    probability: [
      'Probability',
      'Probability (%)',
      'Deal probability',
      'Kans',
      'Probabilidade',
      'Sannsynlighet',
    ],
    amount: ['Amount', 'Value', 'Deal Value', 'Opportunity Amount', 'Bedrag', 'Valor', 'Beløp', 'Verdi'],
    currency: [
      'Currency',
      'CurrencyIsoCode',
      'Opportunity Currency',
      'Deal Currency',
      'Currency Code',
      'Valuta',
      'Moeda',
    ],
    closeDate: [
      'Close Date',
      'CloseDate',
      'Expected close date',
      'Expected Close',
      'Sluitingsdatum',
      'Data de fechamento',
      'Avslutningsdato',
    ],
    owner: [...(PERSON.owner ?? []), 'Opportunity Owner', 'Deal owner'],
    campaign: ['Campaign', 'Campaign Name', 'Primary Campaign Source', 'Campagne', 'Campanha', 'Kampanje'],
    campaignId: ['Campaign ID', 'CampaignId'],
    lostReason: [
      'Lost Reason',
      'Loss Reason',
      'Closed Lost Reason',
      'Reden verloren',
      'Motivo da perda',
      'Tapsårsak',
    ],
    closedAt: ['Closed Date', 'Deal closed on', 'Close time', 'Won time', 'Lost time'],
    nextStep: ['Next Step', 'NextStep', 'Volgende stap', 'Próximo passo', 'Neste steg'],
    description: ['Description', 'Deal Description', 'Notes', 'Omschrijving', 'Descrição', 'Beskrivelse'],
    createdAt: [...(PERSON.createdAt ?? []), 'Deal created'],
    updatedAt: PERSON.updatedAt ?? [],
    deleted: PERSON.deleted ?? [],
  },
};

/**
 * Pipedrive writes `<Entity> - <Field>`: a kind's own entity prefix is dropped before the lookup
 * ("Deal - Value" is an opportunity's "Value"); another entity's column keeps its prefix and finds
 * its own alias ("Organization - Name" on a deal is its organisation) or none.
 */
const OWN_PREFIXES: { readonly [K in ImportKind]: readonly string[] } = {
  lead: ['Lead - ', 'Person - '],
  organisation: ['Organization - ', 'Organisation - '],
  contact: ['Person - ', 'Contact - '],
  opportunity: ['Deal - ', 'Opportunity - '],
};

/** Our own export's column names, exactly as written (`id` is ours; Salesforce's `Id` is theirs). */
function exactColumns(kind: ImportKind): ReadonlyMap<string, string> {
  const fields = IMPORT_FIELDS[kind] as Readonly<Record<string, unknown>>;
  const exact = new Map<string, string>();
  for (const column of exportHeader(kind)) {
    const field = column === 'ownerId' ? 'owner' : column;
    if (field in fields) exact.set(column, field);
  }
  return exact;
}

/** Headers that look like one of our fields but are another CRM's something else. */
const NOT_FIELDS: { readonly [K in ImportKind]: readonly string[] } = {
  // Pipedrive's lead title ("Acme – 10 licences") is no job title.
  lead: ['Lead - Title', 'Lead Title'],
  organisation: [],
  contact: [],
  opportunity: [],
};

const EXACT_ONLY: ReadonlySet<string> = new Set([
  'id',
  'convertedOrganisationId',
  'convertedContactId',
  'convertedOpportunityId',
]);

function aliasKeys(kind: ImportKind): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  // Our `id` and the ids a converted lead points at are recognised only as our export writes them
  // (exactly `id`, `convertedContactId`): any other spelling is another system's (Salesforce's
  // `ConvertedContactId` holds its own ids).
  for (const field of Object.keys(IMPORT_FIELDS[kind]))
    if (!EXACT_ONLY.has(field)) keys.set(headerKey(field), field);
  for (const [field, headers] of Object.entries(ALIASES[kind]))
    for (const header of headers) if (!keys.has(headerKey(header))) keys.set(headerKey(header), field);
  return keys;
}

const EXACT = new Map<ImportKind, ReadonlyMap<string, string>>();
const KEYS = new Map<ImportKind, ReadonlyMap<string, string>>();

/** The field a header names for this kind, or undefined. */
export function fieldOfHeader(kind: ImportKind, header: string): string | undefined {
  let exact = EXACT.get(kind);
  if (!exact) EXACT.set(kind, (exact = exactColumns(kind)));
  let keys = KEYS.get(kind);
  if (!keys) KEYS.set(kind, (keys = aliasKeys(kind)));
  const trimmed = header.replace(/^\uFEFF/, '').trim();
  if (NOT_FIELDS[kind].some((h) => headerKey(h) === headerKey(trimmed))) return undefined;
  const found = exact.get(trimmed) ?? keys.get(headerKey(trimmed));
  if (found) return found;
  const prefix = OWN_PREFIXES[kind].find((p) => trimmed.toLowerCase().startsWith(p.toLowerCase()));
  return prefix ? keys.get(headerKey(trimmed.slice(prefix.length))) : undefined;
}

/** The aliases of a kind, for the spec that checks no header names two fields. */
export const aliasesOf = (kind: ImportKind): Aliases => ALIASES[kind];
