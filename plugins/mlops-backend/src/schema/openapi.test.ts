import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is in sync with openapi.yaml (run scripts/generate-openapi.js)', () => {
    // eslint-disable-next-line @backstage/no-relative-monorepo-imports
    const { readSpec } = require('../../scripts/generate-openapi');
    expect(spec).toEqual(readSpec());
  });
});
