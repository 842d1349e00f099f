import { compileEvidenceReader } from './evidenceFormats';
import type { EvidenceFormat } from './types';

const reader = (format?: EvidenceFormat, path = 'metadata.annotations.x/y') =>
  compileEvidenceReader(path, format)!;

describe('compileEvidenceReader', () => {
  it.each<[EvidenceFormat | undefined, unknown, unknown, boolean]>([
    // format, raw, value seen by checks, malformed?
    [{ type: 'flag' }, 'argocd', 'argocd', false],
    [{ type: 'flag' }, 'False', undefined, false],
    [{ type: 'flag' }, ' none ', undefined, false],
    [{ type: 'flag' }, '', undefined, false],
    [{ type: 'flag' }, true, undefined, true],
    // Negations are recognised whatever the case or surrounding white space (even
    // non-ASCII), and values merely starting like one are not negations.
    [{ type: 'flag' }, 'DISABLED', undefined, false],
    [{ type: 'flag' }, '\u00a0off', undefined, false],
    [{ type: 'flag' }, 'nothing-to-see', 'nothing-to-see', false],
    [{ type: 'flag' }, 'd', 'd', false],
    [{ type: 'text' }, '\u00a0', undefined, false],
    [
      { type: 'one-or-more-of', values: ['schedule', 'drift'] },
      ' Schedule ',
      ' Schedule ',
      false,
    ],
    [
      { type: 'one-or-more-of', values: ['schedule', 'drift'] },
      'drift,,schedule',
      undefined,
      true,
    ],
    [{ type: 'non-negative-number' }, '120', '120', false],
    [{ type: 'non-negative-number' }, '0.5', '0.5', false],
    [{ type: 'non-negative-number' }, '-3', undefined, true],
    [{ type: 'non-negative-number' }, 'lots', undefined, true],
    [
      { type: 'one-or-more-of', values: ['schedule', 'drift'] },
      'Drift',
      'Drift',
      false,
    ],
    [
      { type: 'one-or-more-of', values: ['schedule', 'drift'] },
      'schedule,drift',
      'schedule,drift',
      false,
    ],
    [
      { type: 'one-or-more-of', values: ['schedule', 'drift'] },
      'sometimes',
      undefined,
      true,
    ],
    [{ type: 'text' }, '  ', undefined, false],
    [undefined, 'anything', 'anything', false],
    [undefined, 42, undefined, true],
    [undefined, undefined, undefined, false],
  ])('%j reads %j as %j', (format, raw, value, isMalformed) => {
    const read = reader(format);
    expect(read.value(raw)).toEqual(value);
    expect(read.problem(raw) !== undefined).toBe(isMalformed);
  });

  it('reads entity ref lists', () => {
    const read = reader({ type: 'entity-ref-list' }, 'spec.dependsOn');
    expect(read.value(['resource:default/ds'])).toEqual([
      'resource:default/ds',
    ]);
    expect(read.value([])).toBeUndefined();
    expect(read.problem([])).toBeUndefined();
    expect(read.problem('resource:default/ds')).toBe(
      "spec.dependsOn is 'resource:default/ds', expected a list of entity refs (strings)",
    );
    expect(read.problem([1])).toBeDefined();
  });

  it('needs no reader for unformatted paths outside annotations and labels', () => {
    expect(compileEvidenceReader('spec.type', undefined)).toBeUndefined();
  });
});
