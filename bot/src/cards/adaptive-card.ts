import { md } from '../messages/markdown';

/**
 * The slice of the Adaptive Card schema the bot uses; Teams renders schema 1.5 and below. A
 * TextBlock's text and a fact's title and value are Teams markdown; an input's labels and a choice's
 * title are plain text.
 */
export type CardElement =
  | {
      readonly type: 'TextBlock';
      readonly text: string;
      readonly wrap?: boolean;
      readonly weight?: 'Bolder' | 'Default';
      readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
      readonly isSubtle?: boolean;
      readonly color?: 'Good' | 'Attention' | 'Warning' | 'Accent';
      readonly spacing?: 'None' | 'Small' | 'Medium';
    }
  | { readonly type: 'ColumnSet'; readonly columns: readonly CardColumn[]; readonly separator?: boolean }
  | {
      readonly type: 'FactSet';
      readonly facts: readonly { readonly title: string; readonly value: string }[];
    }
  | { readonly type: 'Container'; readonly items: readonly CardElement[]; readonly separator?: boolean }
  | {
      readonly type: 'Input.Toggle';
      readonly id: string;
      readonly title: string;
      readonly value?: 'true' | 'false';
    }
  | {
      readonly type: 'Input.Text';
      readonly id: string;
      readonly label?: string;
      readonly value?: string;
      readonly placeholder?: string;
      readonly isMultiline?: boolean;
      readonly isRequired?: boolean;
      readonly errorMessage?: string;
      readonly maxLength?: number;
    }
  | {
      readonly type: 'Input.Number';
      readonly id: string;
      readonly label?: string;
      readonly value?: number;
      readonly min?: number;
    }
  | { readonly type: 'Input.Date'; readonly id: string; readonly label?: string; readonly value?: string }
  | {
      readonly type: 'Input.ChoiceSet';
      readonly id: string;
      readonly label?: string;
      readonly value?: string;
      readonly choices: readonly { readonly title: string; readonly value: string }[];
    }
  | { readonly type: 'ActionSet'; readonly actions: readonly (CardAction | LinkAction)[] };

export type CardColumn = {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch' | number;
  readonly items: readonly CardElement[];
};

/** Universal Actions: the bot answers with the card that replaces this one, for everyone. */
export type CardAction = {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly style?: 'positive' | 'destructive';
};

/**
 * A button that leaves the card: a URL to open (a Teams deep link opens the app's tab), or Teams'
 * Stage View of a tab page (`tab/tabInfoAction`, an `Action.Submit` Teams handles itself).
 */
export type LinkAction =
  | { readonly type: 'Action.OpenUrl'; readonly title: string; readonly url: string }
  | {
      readonly type: 'Action.Submit';
      readonly title: string;
      readonly data: {
        readonly msteams: {
          readonly type: 'invoke';
          readonly value: {
            readonly type: 'tab/tabInfoAction';
            readonly tabInfo: {
              readonly contentUrl: string;
              readonly websiteUrl: string;
              readonly name: string;
              readonly entityId: string;
            };
          };
        };
      };
    };

/** A dialog's button (a message action's dialog): Teams sends its inputs and data to the bot. */
export type SubmitAction = {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly style?: 'positive';
};

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly (CardAction | LinkAction | SubmitAction)[];
  /** Shown to each viewer as the bot renders it for them (their language, their actions). */
  readonly refresh?: { readonly action: CardAction; readonly userIds?: readonly string[] };
};

export const adaptiveCard = (
  body: readonly CardElement[],
  extra: Pick<AdaptiveCard, 'actions' | 'refresh'> = {},
): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(extra.actions && extra.actions.length > 0 ? { actions: extra.actions } : {}),
  ...(extra.refresh ? { refresh: extra.refresh } : {}),
});

/** A card's own buttons, without the ones that leave it (links, Stage View). */
export const executeActions = (card: AdaptiveCard): CardAction[] =>
  (card.actions ?? []).filter((a): a is CardAction => a.type === 'Action.Execute');

export const submit = (title: string, data: Readonly<Record<string, unknown>>): SubmitAction => ({
  type: 'Action.Submit',
  title,
  data,
  style: 'positive',
});

/** Teams refreshes a card by itself for at most 60 listed people. */
export const MAX_REFRESH_USERS = 60;

/**
 * A refresh's `userIds`: the people listed (at most 60); none listed means none (an empty list would
 * turn automatic refresh off, so it is left out and Teams refreshes for everyone in a chat of ≤ 60).
 */
export const refreshFor = (
  viewers: readonly string[] | undefined,
): { readonly userIds?: readonly string[] } =>
  viewers && viewers.length > 0 ? { userIds: viewers.slice(0, MAX_REFRESH_USERS) } : {};

export const execute = (
  title: string,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  style?: CardAction['style'],
): CardAction => ({ type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) });

/** "Open in Pipeline CRM": the record in the tab (a Teams deep link, or its web URL). */
export const openLink = (title: string, url: string): LinkAction => ({ type: 'Action.OpenUrl', title, url });

/** The record's tab page in Teams' Stage View. */
export const stageView = (
  title: string,
  tabInfo: Extract<LinkAction, { type: 'Action.Submit' }>['data']['msteams']['value']['tabInfo'],
): LinkAction => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'invoke', value: { type: 'tab/tabInfoAction', tabInfo } } },
});

/** `title`, `note` and `line` take markdown: a translation (its values escaped), or `md(…)` of typed text. */
export const title = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
});

export const note = (text: string): CardElement => ({ type: 'TextBlock', text, isSubtle: true, wrap: true });

export const line = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true });

/**
 * Title/value pairs, both plain text: each is escaped here, so a stage labelled or a company named
 * `[Pay](https://evil.example)` reads as typed. Pairs without a value are left out.
 */
export const facts = (pairs: readonly (readonly [string, string | undefined])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.flatMap(([t, v]) => (v === undefined || v === '' ? [] : [{ title: md(t), value: md(v) }])),
});

/**
 * A table as column sets: a bold header row, then one row per item. Every cell is plain text,
 * escaped here (a lead named like a link stays text, whichever command lists it).
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  /** A row's link: its first cell becomes a link to it (the record in the tab). */
  links: readonly (string | undefined)[] = [],
): CardElement[] {
  const cell = (text: string, link: string | undefined) =>
    link ? `[${md(text)}](${link.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : md(text);
  const row = (cells: readonly string[], header: boolean, link?: string): CardElement => ({
    type: 'ColumnSet',
    separator: header ? false : true,
    columns: cells.map((text, i) => ({
      type: 'Column',
      width: widths[i] ?? 1,
      items: [
        {
          type: 'TextBlock',
          text: i === 0 ? cell(text, link) : md(text),
          wrap: true,
          ...(header ? { weight: 'Bolder' as const } : {}),
        },
      ],
    })),
  });
  return [row(headers, true), ...rows.map((cells, i) => row(cells, false, links[i]))];
}
