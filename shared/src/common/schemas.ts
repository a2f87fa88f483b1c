import * as z from 'zod';

/** Building blocks every entity's input schema uses; shared by the API, the tab's forms and the bot. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
/**
 * Entra object ids are GUIDs, which are one id in any letter case; tokens carry them in lower case.
 * Kept in lower case so that a member added as `ABCD…` is the person who signs in as `abcd…`.
 */
export const userIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'must be a user id')
  .transform((id) => id.toLowerCase());

/** Whether two user ids name the same person (ids stored before they were kept in lower case too). */
export const sameUser = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
/** ISO 4217 codes in circulation, as the platform's Intl knows them (Node and every current browser). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
  .transform((c) => c.toUpperCase())
  .refine((c) => CURRENCIES.has(c), 'must be an ISO 4217 currency in use (EUR, NOK, BRL...)');
export const isoDateSchema = z.iso.date();
export const instantSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
export const amountSchema = z.number().finite().min(0).max(1e15);
export const percentSchema = z.number().int().min(0).max(100);
/** A company's yearly revenue (major unit of the workspace's currency). */
export const revenueSchema = z.number().finite().min(0).max(1e15);
/** A company's head count. */
export const employeesSchema = z.number().int().min(0).max(100_000_000);
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) => z.string().trim().max(max).optional();
export const longText = (max = 10_000) => z.string().max(max).optional();
export const emailSchema = z.string().trim().max(254).pipe(z.email());
export const urlSchema = z.string().trim().max(2048);
