import '@testing-library/jest-dom';

// recharts' ResponsiveContainer measures its parent with ResizeObserver, which jsdom lacks.
// A no-op observer is enough: the charts render at zero size and tests assert on text.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  (globalThis as any).ResizeObserver = NoopResizeObserver;
}
