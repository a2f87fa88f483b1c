import { ok } from '@crm/shared';
import { personalTimeZone } from '@crm/shared/application';
import { cardReply } from '../replies/bot-reply';
import { dayCardNow } from '../replies/day-replies';
import type { CommandSpec } from './command';

/**
 * `today` (`my day`; `vandaag`, `hoje`, `i dag`...): the asker's overdue and today's activities, as My
 * day in the tab shows them, in the time zone their client names, with Done and snooze buttons.
 */
export const todayCommand: CommandSpec = {
  name: 'today',
  aliases: ['my day', 'vandaag', 'mijn dag', 'hoje', 'meu dia', 'i dag', 'idag', 'min dag'],
  help: 'help.today',
  manifest: 'manifest.today',
  listedIn: 'personal',
  showsRecords: true,
  personalOnly: true,
  async run(ctx) {
    const { app, caller, workspace, message, localized } = ctx;
    const timeZone = await personalTimeZone(app, caller.actor, workspace.record, message.timeZone);
    const day = await dayCardNow(ctx, timeZone);
    if (!day.ok) return day;
    const summary = localized.t('day.summary', { overdue: day.value.overdue, today: day.value.today });
    return ok(cardReply(day.value.card, summary));
  },
};
