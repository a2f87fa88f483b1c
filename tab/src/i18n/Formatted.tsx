import { useFormat } from './useFormat';

/** Values formatted for the user's language, for table cells and read-only fields. */
export function FormattedDateTime({ value }: { readonly value: string }) {
  return <>{useFormat().dateTime(value)}</>;
}

export function FormattedDate({ value }: { readonly value: string }) {
  return <>{useFormat().date(value)}</>;
}

export function FormattedMoney({ amount, currency }: { readonly amount: number; readonly currency: string }) {
  return <>{useFormat().money(amount, currency)}</>;
}

export function FormattedNumber({ value }: { readonly value: number }) {
  return <>{useFormat().number(value)}</>;
}
