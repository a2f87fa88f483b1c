import { DEFAULT_WORKSPACES_PER_USER, decideWorkspaceAllowance } from './workspace-allowance';

describe('decideWorkspaceAllowance', () => {
  it.each([
    [0, 20, true],
    [19, 20, true],
    [20, 20, false],
    [25, 20, false],
    [0, 1, true],
    [1, 1, false],
  ])('given %i created under a cap of %i, then one more is allowed: %s', (created, max, allowed) => {
    expect(decideWorkspaceAllowance(created, max).ok).toBe(allowed);
  });

  it('given the cap is reached, then the refusal is WORKSPACE.LIMIT_REACHED naming the cap', () => {
    expect(decideWorkspaceAllowance(20, 20)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'WORKSPACE.LIMIT_REACHED', details: { max: 20 } }),
    });
  });

  it('defaults to 20 workspaces a person', () => {
    expect(DEFAULT_WORKSPACES_PER_USER).toBe(20);
  });
});
