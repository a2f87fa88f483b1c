import { MAX_LABELLED_BARS, axisLayout } from './dashboard-series';

describe('axisLayout', () => {
  it.each([1, 2, 6, MAX_LABELLED_BARS])(
    'keeps every x label of %i bars, wrapped to the bar width',
    (bars) => {
      expect(axisLayout(bars)).toMatchObject({ wrapXAxisLables: true, hideTickOverlap: false });
    },
  );

  // A y margin of fixed width showed 52.88k as "2.88k", so the forecast's axis read 70.5k, 2.88k, 5.25k…
  it('measures the y labels so none loses its first digits', () => {
    expect(axisLayout(6).showYAxisLables).toBe(true);
  });

  it('lets the chart thin out the labels of more bars than that', () => {
    expect(axisLayout(MAX_LABELLED_BARS + 1).hideTickOverlap).toBe(true);
  });
});
