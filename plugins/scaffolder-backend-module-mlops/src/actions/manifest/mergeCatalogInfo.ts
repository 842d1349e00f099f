import { InputError } from '@backstage/errors';
import { USE_CASE_ANNOTATIONS } from '@landing-zone/plugin-mlops-common';
import yaml from 'yaml';
import { UseCaseRecord, useCaseAnnotations } from './useCaseAnnotations';

/**
 * Merges a use case into the skeleton's `catalog-info.yaml` text, keeping its comments and
 * layout, and returns the new text plus the creation time actually recorded.
 *
 * The skeleton carries the Level-1 evidence (Dockerfile, CI, pipeline…); `level2Fragment` is
 * the Level-2 overlay's `catalog-info.level2.yaml` (annotations + spec.dependsOn), merged only
 * when the use case targets Level 2. Running it twice gives the same file: the first recorded
 * creation time wins, so a retried step does not move it.
 */
export function mergeCatalogInfo(
  catalogInfo: string,
  record: UseCaseRecord,
  level2Fragment?: string,
): { text: string; createdAt: string } {
  const documents = yaml.parseAllDocuments(catalogInfo);
  const doc = documents.find(d => d.get('kind') === 'Component');
  if (!doc || doc.errors.length > 0) {
    throw new InputError(
      `catalog-info.yaml: expected a YAML document with kind: Component${
        doc?.errors.length ? ` (${doc.errors[0].message})` : ''
      }`,
    );
  }

  const existingCreatedAt = doc.getIn([
    'metadata',
    'annotations',
    USE_CASE_ANNOTATIONS.createdAt,
  ]);
  const createdAt =
    typeof existingCreatedAt === 'string'
      ? existingCreatedAt
      : record.createdAt;

  doc.setIn(['metadata', 'name'], record.name);
  // Free text goes in through the YAML library, never through skeleton templating, so a
  // colon or a quote in the objective cannot break the file.
  doc.setIn(['metadata', 'description'], record.businessObjective);
  doc.setIn(['spec', 'type'], record.type);
  doc.setIn(['spec', 'owner'], record.owner);
  if (!doc.hasIn(['spec', 'lifecycle'])) {
    doc.setIn(['spec', 'lifecycle'], 'experimental');
  }

  const annotations = { ...useCaseAnnotations({ ...record, createdAt }) };
  // A retry finds the overlay already merged (and removed): the file says target level 2.
  const alreadyMerged =
    doc.getIn(['metadata', 'annotations', USE_CASE_ANNOTATIONS.targetLevel]) ===
    '2';
  if (
    record.targetLevel >= 2 &&
    !(level2Fragment === undefined && alreadyMerged)
  ) {
    if (level2Fragment === undefined) {
      throw new InputError(
        'targetLevel: 2 needs the Level-2 overlay (catalog-info.level2.yaml) in the workspace; fetch it before this step',
      );
    }
    const fragment = readFragment(level2Fragment);
    Object.assign(annotations, fragment.annotations);
    if (fragment.dependsOn.length > 0) {
      doc.setIn(['spec', 'dependsOn'], fragment.dependsOn);
    }
  }
  for (const [key, value] of Object.entries(annotations)) {
    doc.setIn(['metadata', 'annotations', key], value);
  }

  return {
    text: documents.map(d => d.toString({ lineWidth: 0 })).join(''),
    createdAt,
  };
}

function readFragment(text: string): {
  annotations: Record<string, string>;
  dependsOn: string[];
} {
  const parsed = yaml.parse(text) ?? {};
  const annotations = parsed?.metadata?.annotations ?? {};
  const dependsOn = parsed?.spec?.dependsOn ?? [];
  const validAnnotations =
    typeof annotations === 'object' &&
    Object.values(annotations).every(v => typeof v === 'string');
  if (!validAnnotations || !Array.isArray(dependsOn)) {
    throw new InputError(
      'catalog-info.level2.yaml: expected metadata.annotations with string values and spec.dependsOn as a list',
    );
  }
  return { annotations, dependsOn: dependsOn.map(String) };
}
