import { upgradeActivity, type Activity } from '../activity/activity';
import type { AnyRecord } from './records';

/**
 * A stored record as today's types describe it: records written by earlier versions are read through
 * this (storage does, on every read), so no rule meets an old shape. Today: activities without
 * `completed` (activity.ts `upgradeActivity`).
 */
export function upgradeRecord(record: AnyRecord): AnyRecord {
  // Only activities have `regarding`: the row's kind need not be read (scans select the JSON alone).
  return 'regarding' in record ? upgradeActivity(record as Activity) : record;
}
