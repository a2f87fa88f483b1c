import { DEFAULT_STAGES } from '../opportunity/stage';
import { decideWorkspaceSettingsUpdate } from './update-workspace-settings';
import { aWorkspace, T0, T1 } from './workspace.fixtures';
import type { MorningDigestSetting, Workspace } from './workspace';
import type { WorkspacePatchInput } from './workspace.schema';

describe('decideWorkspaceSettingsUpdate', () => {
  const ctx = { actor: 'alice', now: T1 };
  const openStages = DEFAULT_STAGES.filter((s) => s.kind === 'open').map(({ kind: _kind, ...s }) => s);

  it('given a new name, currency and stale threshold, then they apply and the audit moves', () => {
    const result = decideWorkspaceSettingsUpdate(
      aWorkspace(),
      { name: 'Sales BE', defaultCurrency: 'USD', staleAfterDays: 30 },
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: 'Sales BE',
        settings: { defaultCurrency: 'USD', staleAfterDays: 30, stages: DEFAULT_STAGES },
        createdAt: T0,
        updatedAt: T1,
        updatedBy: 'alice',
      },
    });
  });

  it('given open stages only, then the fixed closed stages are appended', () => {
    const stages = [
      { id: 'first-call', label: 'Eerste gesprek', probability: 5, forecastCategory: 'pipeline' as const },
      ...openStages,
    ];
    const result = decideWorkspaceSettingsUpdate(aWorkspace(), { stages }, ctx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.settings.stages.map((s) => s.id)).toEqual([
      'first-call',
      ...openStages.map((s) => s.id),
      'closed-won',
      'closed-lost',
    ]);
    expect(result.value.settings.stages[0]).toEqual({
      id: 'first-call',
      label: 'Eerste gesprek',
      probability: 5,
      forecastCategory: 'pipeline',
      kind: 'open',
    });
  });

  it('given an invalid stage configuration, then it is refused with WORKSPACE.INVALID_STAGES', () => {
    const stages = [
      { id: 'a', probability: 10, forecastCategory: 'pipeline' as const },
      { id: 'a', probability: 20, forecastCategory: 'pipeline' as const },
    ];
    const result = decideWorkspaceSettingsUpdate(aWorkspace(), { stages }, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe('WORKSPACE.INVALID_STAGES');
  });

  it.each<[string, WorkspacePatchInput]>([
    ['an empty patch', {}],
    ['the settings it has', { name: 'Sales NL', defaultCurrency: 'EUR', staleAfterDays: 14 }],
    ['the stages it has', { stages: openStages }],
  ])('given %s, then the workspace comes back unchanged, audit included', (_, patch) => {
    const workspace = aWorkspace();
    expect(decideWorkspaceSettingsUpdate(workspace, patch, ctx)).toEqual({ ok: true, value: workspace });
  });

  describe('the morning digest', () => {
    const withDigest = (morningDigest: MorningDigestSetting): Workspace => {
      const workspace = aWorkspace();
      return { ...workspace, settings: { ...workspace.settings, morningDigest } };
    };

    it('given it is turned on with a time zone, then it is on with that zone', () => {
      const result = decideWorkspaceSettingsUpdate(
        aWorkspace(),
        { morningDigest: { enabled: true, timeZone: 'Europe/Oslo' } },
        ctx,
      );
      expect(result.ok && result.value.settings.morningDigest).toEqual({
        enabled: true,
        timeZone: 'Europe/Oslo',
      });
    });

    it('given it is turned on without a time zone, then UTC stands in for people not heard from', () => {
      const result = decideWorkspaceSettingsUpdate(aWorkspace(), { morningDigest: { enabled: true } }, ctx);
      expect(result.ok && result.value.settings.morningDigest).toEqual({ enabled: true, timeZone: 'UTC' });
    });

    it('given it is turned off without a time zone, then the zone chosen before stays', () => {
      const on = withDigest({ enabled: true, timeZone: 'America/Sao_Paulo' });
      const result = decideWorkspaceSettingsUpdate(on, { morningDigest: { enabled: false } }, ctx);
      expect(result.ok && result.value).toMatchObject({
        settings: { morningDigest: { enabled: false, timeZone: 'America/Sao_Paulo' } },
        updatedAt: T1,
      });
    });

    it('given the setting it has, then nothing changes', () => {
      const on = withDigest({ enabled: true, timeZone: 'UTC' });
      expect(decideWorkspaceSettingsUpdate(on, { morningDigest: { enabled: true } }, ctx)).toEqual({
        ok: true,
        value: on,
      });
    });
  });
});
