import type { PathParams } from './route-spec';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Checked by the type checker: a wrong answer makes a `true` below a type error.
const answers: [
  Same<PathParams<'/workspaces/:ws/leads/:id'>, 'ws' | 'id'>,
  Same<PathParams<'/workspaces/:ws'>, 'ws'>,
  Same<PathParams<'/workspaces'>, never>,
  Same<PathParams<`/workspaces/:ws/${string}/:id`>, 'ws' | 'id'>,
  Same<PathParams<string>, string>,
] = [true, true, true, true, true];

describe('PathParams', () => {
  it('names exactly the :params of a path', () => {
    expect(answers.every(Boolean)).toBe(true);
  });
});
