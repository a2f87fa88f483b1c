import { createRequire } from 'node:module';

/** The part of Microsoft's Adaptive Cards SDK (`adaptivecards`) the check uses. */
type Sdk = {
  readonly Versions: { readonly v1_5: unknown };
  readonly SerializationContext: new (targetVersion: unknown) => {
    readonly eventCount: number;
    getEventAt(index: number): { readonly message: string };
  };
  readonly AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { readonly validationEvents: readonly { readonly message: string }[] };
  };
};

// The package's `lib/` is ESM without file extensions (Node cannot load it); its `dist/` bundle is
// CommonJS with its one dependency inside.
const sdk = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as Sdk;

/**
 * What Microsoft's Adaptive Cards SDK says about a card read as schema 1.5 (what Teams renders): an
 * unknown element or property value, a property newer than 1.5, a choice without title or value, a
 * duplicate input id... Empty: the SDK accepts it.
 */
export function cardProblems(card: unknown): string[] {
  const context = new sdk.SerializationContext(sdk.Versions.v1_5);
  const parsed = new sdk.AdaptiveCard();
  parsed.parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...problems, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}
