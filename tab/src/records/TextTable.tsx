import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';

/** Column headers and rows of text, already formatted for the reader. */
export type TextRows = { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

export type TextTableProps = {
  readonly label: string;
  readonly numbers: TextRows;
  readonly className?: string;
};

/** A small read-only table of text (a chart's numbers, a history). */
export function TextTable({ label, numbers, className }: TextTableProps) {
  return (
    <Table aria-label={label} size="small" className={className}>
      <TableHeader>
        <TableRow>
          {numbers.columns.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {numbers.rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
