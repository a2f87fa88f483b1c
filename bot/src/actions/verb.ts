import { ok, type Result } from '@crm/shared';
import type { z } from 'zod';
import { adaptiveCard, line, type AdaptiveCard } from '../cards/adaptive-card';
import type { BotReply } from '../replies/bot-reply';
import type { ReplyContext } from '../replies/reply-context';

/** What a card verb runs with: the presser, the workspace the card is about, the language, its readers. */
export type ActionContext = ReplyContext;

/** A press whose data fit its verb: the workspace it names, and the verb ready to run on that data. */
export type Press = {
  readonly ws: string;
  /** Whether it writes (its answer then becomes everyone's card); otherwise it only shows. */
  readonly writes: boolean;
  /** It shows the presser's own things (their day): pressed only in their personal chat. */
  readonly personalOnly: boolean;
  readonly run: (ctx: ActionContext) => Promise<Result<AdaptiveCard>>;
};

/** One `Action.Execute` verb, its data's type erased behind `read` (the registry holds them all). */
export type CardVerb = {
  /** The press's data read with the verb's schema; undefined when it does not fit. */
  readonly read: (data: unknown) => Press | undefined;
};

/**
 * Declares a card verb, as `route()` declares an API route: the schema checks the press's data and
 * types it for `run` and `writes`, so a handler never sees data its schema did not accept. Every
 * verb's data names its workspace (`ws`). `run` reads the record as it is now and answers with the
 * card that replaces the pressed one.
 */
export function verb<Schema extends z.ZodType<{ readonly ws: string }>>(spec: {
  readonly schema: Schema;
  readonly run: (ctx: ActionContext, data: z.output<Schema>) => Promise<Result<AdaptiveCard>>;
  /** Whether a press writes; absent: it only shows. */
  readonly writes?: (data: z.output<Schema>) => boolean;
  /** About the presser's own things: refused outside their personal chat. */
  readonly personalOnly?: boolean;
}): CardVerb {
  return {
    read: (data) => {
      const parsed = spec.schema.safeParse(data);
      if (!parsed.success) return undefined;
      const value = parsed.data;
      return {
        ws: value.ws,
        writes: spec.writes?.(value) ?? false,
        personalOnly: spec.personalOnly ?? false,
        run: (ctx) => spec.run(ctx, value),
      };
    },
  };
}

/** A command's reply as the card that replaces the pressed one (a text becomes a one-line card). */
export function asCard(result: Result<BotReply>): Result<AdaptiveCard> {
  if (!result.ok) return result;
  const reply = result.value;
  return ok(
    reply.kind === 'card' ? reply.card : adaptiveCard([line(reply.kind === 'text' ? reply.text : '')]),
  );
}
