/** Display helpers shared by tiles, tables and the CSV-free views. */

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) {
    return '—';
  }
  return days < 10 ? `${days.toFixed(1)} d` : `${Math.round(days)} d`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US').format(Math.round(value));
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    // An unknown ISO code from config must not break the page.
    return `${formatNumber(amount)} ${currency}`;
  }
}

export function levelName(levelNames: string[], level: number): string {
  return levelNames[level] ?? `Level ${level}`;
}
