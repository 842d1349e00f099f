import {
  FactCollector,
  MlopsFactCollectorsExtensionPoint,
} from '@landing-zone/plugin-mlops-node';

/** The collectors added by the backend itself and by modules, by id. */
export class FactCollectorRegistry
  implements MlopsFactCollectorsExtensionPoint
{
  private readonly collectors = new Map<string, FactCollector>();

  addCollector(collector: FactCollector): void {
    if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(collector.id)) {
      throw new Error(
        `Fact collector id "${collector.id}": expected lower-case letters, digits, '.', '_' or '-'`,
      );
    }
    if (this.collectors.has(collector.id)) {
      throw new Error(`Fact collector "${collector.id}" is already registered`);
    }
    this.collectors.set(collector.id, collector);
  }

  list(): FactCollector[] {
    return [...this.collectors.values()];
  }

  ids(): string[] {
    return [...this.collectors.keys()];
  }
}
