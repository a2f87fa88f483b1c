/** The slice of the Adaptive Card schema the bot uses; Teams renders schema 1.5 and below. */
export type CardElement =
  | {
      readonly type: 'TextBlock';
      readonly text: string;
      readonly wrap?: boolean;
      readonly weight?: 'Bolder' | 'Default';
      readonly size?: 'Small' | 'Default' | 'Medium' | 'Large';
      readonly isSubtle?: boolean;
      readonly spacing?: 'None' | 'Small' | 'Medium';
    }
  | { readonly type: 'ColumnSet'; readonly columns: readonly CardColumn[]; readonly separator?: boolean }
  | {
      readonly type: 'FactSet';
      readonly facts: readonly { readonly title: string; readonly value: string }[];
    }
  | { readonly type: 'Container'; readonly items: readonly CardElement[]; readonly separator?: boolean };

export type CardColumn = {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch' | number;
  readonly items: readonly CardElement[];
};

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
};

export const adaptiveCard = (body: readonly CardElement[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
});

export const title = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
});

export const note = (text: string): CardElement => ({ type: 'TextBlock', text, isSubtle: true, wrap: true });

/** A table as column sets: a bold header row, then one row per item. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): CardElement[] {
  const row = (cells: readonly string[], header: boolean): CardElement => ({
    type: 'ColumnSet',
    separator: header ? false : true,
    columns: cells.map((text, i) => ({
      type: 'Column',
      width: widths[i] ?? 1,
      items: [{ type: 'TextBlock', text, wrap: true, ...(header ? { weight: 'Bolder' as const } : {}) }],
    })),
  });
  return [row(headers, true), ...rows.map((cells) => row(cells, false))];
}
