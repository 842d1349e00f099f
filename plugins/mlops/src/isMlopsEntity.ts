import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_ML_TYPES,
  ECOSYSTEM_ML_TYPES,
} from '@landing-zone/plugin-mlops-common';

const ML_TYPES: readonly string[] = [
  ...DEFAULT_ML_TYPES,
  ...ECOSYSTEM_ML_TYPES,
];

/**
 * Whether an entity is an ML use case (a Component of an ML `spec.type`), for `EntitySwitch`.
 *
 * @public
 */
export function isMlopsEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    typeof entity.spec?.type === 'string' &&
    ML_TYPES.includes(entity.spec.type)
  );
}
