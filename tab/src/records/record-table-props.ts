import type { FieldDescriptor } from './field-descriptor';
import type { TableSort } from './list-sort';
import type { RowAction } from './row-action';

export type RecordSelection<T> = {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (selected: ReadonlySet<string>) => void;
  /** Rows a bulk action cannot change (a converted lead) have a disabled checkbox; absent: every row. */
  readonly selectable?: (record: T) => boolean;
};

export type RecordTableProps<T> = {
  /** Accessible name of the table. */
  readonly label: string;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly records: readonly T[];
  readonly emptyText: string;
  /** How a record is named: its checkbox ("Select Pieter Jansen"), its menu ("Actions for …"). */
  readonly name: (record: T) => string;
  /** The record's own page: the first column (a card's title) links there. */
  readonly href?: (record: T) => string;
  /** What a row offers in its "…" menu. */
  readonly actions?: (record: T) => readonly RowAction[];
  /** More pages on the server: fetched when the last rows scroll into view (or on the button). */
  readonly hasMore?: boolean;
  readonly loadingMore?: boolean;
  readonly onLoadMore?: () => void;
  readonly selection?: RecordSelection<T>;
  /**
   * Server-side sort: the columns whose ids are in `sortable` get sortable headers (a button,
   * `aria-sort`); a click asks `onSort`, and the rows arrive in that order from the server.
   */
  readonly sort?: TableSort;
  readonly sortable?: readonly string[];
  readonly onSort?: (field: string) => void;
  /** On a narrow screen, the fields a card shows under its title (default: the next two). */
  readonly cardFields?: readonly string[];
};
