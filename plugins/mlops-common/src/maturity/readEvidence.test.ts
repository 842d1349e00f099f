import { compileEvidenceReader } from './evidenceFormats';
import { compileReadEvidence, EvidenceField } from './readEvidence';
import { compilePath } from './resolvePath';
import type { EvidenceFormat } from './types';

const formats: Record<string, EvidenceFormat> = {
  'metadata.annotations.x/budget': { type: 'non-negative-number' },
  'spec.dependsOn': { type: 'entity-ref-list' },
};
const fields: EvidenceField[] = [
  'metadata.annotations.x/flag',
  'metadata.annotations.x/budget',
  'metadata.labels.x/team',
  'spec.dependsOn',
].map((path, index) => ({
  index,
  path,
  resolve: compilePath(path),
  reader: compileEvidenceReader(path, formats[path] ?? { type: 'flag' })!,
}));
const read = compileReadEvidence(fields);

describe('compileReadEvidence', () => {
  it('reads every field once into its slot, negated and missing ones as undefined', () => {
    const snapshot = read({
      metadata: {
        annotations: { 'x/flag': 'false', 'x/budget': '12', other: 'ignored' },
        labels: { 'x/team': 'fraud' },
      },
      spec: { dependsOn: ['resource:default/ds'] },
    });
    expect(snapshot.values).toEqual([
      undefined,
      '12',
      'fraud',
      ['resource:default/ds'],
    ]);
    expect(snapshot.problems).toEqual([]);
  });

  it('lists problems in field order whatever the order of the keys', () => {
    const { problems } = read({
      metadata: { annotations: { 'x/budget': 'lots', 'x/flag': 7 } },
      spec: { dependsOn: 'resource:default/ds' },
    });
    expect(problems.map(p => p.path)).toEqual([
      'metadata.annotations.x/flag',
      'metadata.annotations.x/budget',
      'spec.dependsOn',
    ]);
  });

  it('reads own keys only, like getJsonValueAtPath', () => {
    const annotations = Object.create({ 'x/flag': 'inherited' });
    annotations['x/budget'] = '1';
    expect(read({ metadata: { annotations } }).values).toEqual([
      undefined,
      '1',
      undefined,
      undefined,
    ]);
  });

  it('tolerates maps that are not objects', () => {
    for (const annotations of [null, 'text', ['x/flag'], 3]) {
      expect(read({ metadata: { annotations } }).values).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });
});
