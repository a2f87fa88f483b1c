import { MAX_LABELLED_BARS, xLabelLayout } from './dashboard-series';

describe('xLabelLayout', () => {
  it.each([1, 2, 6, MAX_LABELLED_BARS])(
    'keeps every x label of %i bars, wrapped to the bar width',
    (bars) => {
      expect(xLabelLayout(bars)).toEqual({ wrapXAxisLables: true, hideTickOverlap: false });
    },
  );

  it('lets the chart thin out the labels of more bars than that', () => {
    expect(xLabelLayout(MAX_LABELLED_BARS + 1).hideTickOverlap).toBe(true);
  });
});
