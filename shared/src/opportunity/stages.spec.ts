import { DEFAULT_STAGES, LOST, WON } from './stage';
import { stageIdSchema } from './stage.schema';
import { findStage, firstOpenStage, isClosed, newStageId, openStages, validateStageConfig } from './stages';

const open = (id: string, probability = 30, forecastCategory = 'pipeline') => ({
  id,
  probability,
  forecastCategory,
});
const won = { id: WON, probability: 100, forecastCategory: 'closed' };
const lost = { id: LOST, probability: 0, forecastCategory: 'omitted' };

describe('validateStageConfig', () => {
  it('given the default table, then it is accepted unchanged', () => {
    expect(validateStageConfig(DEFAULT_STAGES)).toEqual({ ok: true, value: DEFAULT_STAGES });
  });

  it('given only open stages, then the two fixed closed stages are appended in order', () => {
    const result = validateStageConfig([open('discovery', 15), open('demo', 60, 'best-case')]);
    expect(result.ok && result.value.map((s) => [s.id, s.kind, s.probability, s.forecastCategory])).toEqual([
      ['discovery', 'open', 15, 'pipeline'],
      ['demo', 'open', 60, 'best-case'],
      [WON, 'won', 100, 'closed'],
      [LOST, 'lost', 0, 'omitted'],
    ]);
  });

  it('given renamed, reordered and re-weighted stages with labelled closed ones, then labels are kept', () => {
    const result = validateStageConfig([
      { ...open('proposal', 70, 'commit'), label: 'Tilbud' },
      open('prospecting', 5),
      { ...won, label: 'Gewonnen' },
      { ...lost, kind: 'lost' },
    ]);
    expect(result.ok && result.value.map((s) => [s.id, s.label])).toEqual([
      ['proposal', 'Tilbud'],
      ['prospecting', undefined],
      [WON, 'Gewonnen'],
      [LOST, undefined],
    ]);
  });

  it.each([
    ['not a list', { stages: [] }],
    ['an empty list', []],
    ['only closed stages', [won, lost]],
    ['an id that is not kebab-case', [open('Needs_Analysis')]],
    ['an id with a trailing dash', [open('demo-')]],
    ['a duplicate id', [open('demo'), open('demo')]],
    ['a fractional probability', [open('demo', 12.5)]],
    ['a probability above 100', [open('demo', 101)]],
    ['a negative probability', [open('demo', -1)]],
    ['an unknown forecast category', [open('demo', 10, 'maybe')]],
    ['an open stage forecast as closed', [open('demo', 10, 'closed')]],
    ['an open stage forecast as omitted', [open('demo', 10, 'omitted')]],
    ['an open stage of kind won', [{ ...open('demo'), kind: 'won' }]],
    ['closed stages in the wrong order', [open('demo'), lost, won]],
    ['closed stages not last', [won, lost, open('demo')]],
    ['only one closed stage', [open('demo'), won]],
    ['a closed stage twice', [open('demo'), won, won, lost]],
    ['a re-weighted closed-won', [open('demo'), { ...won, probability: 90 }, lost]],
    ['a re-categorised closed-lost', [open('demo'), won, { ...lost, forecastCategory: 'pipeline' }]],
    ['closed-won of kind open', [open('demo'), { ...won, kind: 'open' }, lost]],
    ['an unknown key', [{ ...open('demo'), colour: 'red' }]],
    ['too many stages', Array.from({ length: 31 }, (_, i) => open(`stage-${i}`))],
  ])('given %s, then WORKSPACE.INVALID_STAGES', (_case, stages) => {
    const result = validateStageConfig(stages);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('WORKSPACE.INVALID_STAGES');
      expect(result.error.message.length).toBeGreaterThan(20);
    }
  });

  it('given a bad field, then the message and fields name where it is', () => {
    const result = validateStageConfig([open('demo'), open('Bad Id')]);
    expect(!result.ok && result.error.fields).toEqual({ '1.id': 'must be a kebab-case stage id' });
    expect(!result.ok && result.error.message).toContain('1.id');
  });
});

describe('stage helpers', () => {
  it('findStage finds by id, and nothing for an unknown id', () => {
    expect(findStage(DEFAULT_STAGES, 'proposal')?.probability).toBe(75);
    expect(findStage(DEFAULT_STAGES, 'nope')).toBeUndefined();
  });

  it('firstOpenStage is the first open stage in config order', () => {
    expect(firstOpenStage(DEFAULT_STAGES)?.id).toBe('prospecting');
    expect(firstOpenStage(DEFAULT_STAGES.filter((s) => s.kind !== 'open'))).toBeUndefined();
  });

  it('openStages excludes the closed ones; isClosed is true for won and lost only', () => {
    expect(openStages(DEFAULT_STAGES)).toHaveLength(6);
    expect(DEFAULT_STAGES.filter(isClosed).map((s) => s.id)).toEqual([WON, LOST]);
  });
});

describe('newStageId', () => {
  it.each([
    ['Demo gegeven', [], 'demo-gegeven'],
    ['Negociação', [], 'negociacao'],
    ['Tilbud sendt – før møte', [], 'tilbud-sendt-for-mote'],
    ['  ***  ', [], 'stage'],
    ['Proposal', ['proposal'], 'proposal-2'],
    ['Proposal', ['proposal', 'proposal-2'], 'proposal-3'],
    ['Closed won', [], 'closed-won-2'],
    ['x'.repeat(80), [], 'x'.repeat(36)],
  ])('given the name %p and the ids %p, then the id is %p', (label, taken, id) => {
    expect(newStageId(label, taken)).toBe(id);
  });

  it('given any name, then the id is a valid stage id', () => {
    for (const label of ['Ærlig talt', 'A - - B', '12 %', 'ÅØÆ', '-lead-']) {
      expect(stageIdSchema.safeParse(newStageId(label, [])).success).toBe(true);
    }
  });
});
