import { ConfigReader } from '@backstage/config';
import { readMlopsBackendConfig } from './config';

describe('readMlopsBackendConfig', () => {
  it('applies defaults when the section is missing', () => {
    const config = readMlopsBackendConfig(new ConfigReader({}));
    expect(config.mlTypes).toEqual([
      'ml-model',
      'ml-pipeline',
      'ml-service',
      'llm-app',
      'model-server',
    ]);
    expect(config.levelNames).toEqual([
      'Manual',
      'Automated',
      'Continuous / self-serve',
    ]);
    expect(config.retentionDays).toBe(730);
    expect(config.value).toEqual({
      manualOnboardingHours: 80,
      selfServeHours: 4,
      hourlyCost: 100,
      currency: 'USD',
    });
  });

  it('reads every key', () => {
    const config = readMlopsBackendConfig(
      new ConfigReader({
        mlops: {
          maturity: { entityFilter: { types: ['model'] } },
          history: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            retentionDays: 30,
          },
          value: {
            manualOnboardingHours: 40,
            selfServeHours: 2,
            hourlyCost: 120,
            currency: 'CAD',
          },
        },
      }),
    );
    expect(config.mlTypes).toEqual(['model']);
    expect(config.schedule.frequency).toEqual({ hours: 1 });
    expect(config.retentionDays).toBe(30);
    expect(config.value.currency).toBe('CAD');
    expect(config.value.hourlyCost).toBe(120);
  });

  it('names the key of an empty list of ML types', () => {
    expect(() =>
      readMlopsBackendConfig(
        new ConfigReader({
          mlops: { maturity: { entityFilter: { types: [] } } },
        }),
      ),
    ).toThrow(/mlops\.maturity\.entityFilter\.types/);
  });

  it('names the key of a bad retention', () => {
    expect(() =>
      readMlopsBackendConfig(
        new ConfigReader({ mlops: { history: { retentionDays: 0 } } }),
      ),
    ).toThrow(/mlops\.history\.retentionDays.*positive whole number/);
  });

  it('names the key of a negative value setting', () => {
    expect(() =>
      readMlopsBackendConfig(
        new ConfigReader({ mlops: { value: { hourlyCost: -1 } } }),
      ),
    ).toThrow(/mlops\.value\.hourlyCost.*non-negative/);
  });
});
