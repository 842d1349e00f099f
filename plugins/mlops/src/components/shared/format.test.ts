import { formatDays, formatMoney, levelName } from './format';

describe('format', () => {
  it('shows missing lead times as a dash rather than 0', () => {
    expect(formatDays(null)).toBe('—');
    expect(formatDays(3.25)).toBe('3.3 d');
    expect(formatDays(41.6)).toBe('42 d');
  });

  it('formats money and survives an unknown currency code', () => {
    expect(formatMoney(125000, 'USD')).toBe('$125,000');
    expect(formatMoney(1200, 'not-a-code')).toBe('1,200 not-a-code');
  });

  it('names levels, falling back for levels the model does not name', () => {
    expect(levelName(['Manual', 'Automated'], 1)).toBe('Automated');
    expect(levelName(['Manual'], 3)).toBe('Level 3');
  });
});
