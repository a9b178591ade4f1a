import { formattersFor } from '../../apps/web/src/i18n/format';

describe('Web formatters', () => {
  it('shows a share in the language without rounding to certainty or to nothing', () => {
    const tr = formattersFor('tr-TR');
    const en = formattersFor('en-GB');
    expect(tr.percent(0.9996)).toBe('%99');
    expect(tr.percent(1)).toBe('%100');
    expect(tr.percent(0.858)).toBe('%86');
    expect(tr.percent(0)).toBe('%0');
    expect(tr.percent(0.003)).toBe('%1');
    expect(en.percent(0.9996)).toBe('99%');
    expect(en.percent(0.5)).toBe('50%');
  });
});
