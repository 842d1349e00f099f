import yaml from 'yaml';
import { GeneratedProject, generate } from './__testUtils__/generatedFiles';

/**
 * The same template rendered for two use cases that differ in what the platform must enforce:
 * the requests, the GPU, the region and the runners must differ accordingly.
 */
describe('online-inference rendered for different classification, residency and tier', () => {
  let internalEu: GeneratedProject;
  let healthCa: GeneratedProject;
  beforeAll(async () => {
    internalEu = await generate('online-inference', 2, {
      dataClassification: 'internal',
      dataResidency: 'eu',
      computeTier: 'cpu-small',
      gpuBudget: 0,
    });
    healthCa = await generate('online-inference', 2, {
      dataClassification: 'health',
      dataResidency: 'ca',
      computeTier: 'gpu-small',
      gpuBudget: 40,
    });
  });
  afterAll(async () => {
    await internalEu.remove();
    await healthCa.remove();
  });

  const server = (project: GeneratedProject) =>
    project.documents('deploy').find(d => d.document.kind === 'Deployment')!
      .document.spec.template.spec;
  const pipelinePods = (project: GeneratedProject) =>
    project
      .documents('deploy')
      .find(d => d.document.kind === 'WorkflowTemplate')!.document.spec;
  const runners = (project: GeneratedProject) =>
    project.files
      .filter(file => file.startsWith('.github/workflows/'))
      .flatMap(file =>
        Object.values(yaml.parse(project.read(file)).jobs).map(
          (job: any) => job['runs-on'],
        ),
      );

  it('requests the resources of the chosen tier, and a GPU only on a GPU tier', () => {
    expect(server(internalEu).containers[0].resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { cpu: '1', memory: '2Gi' },
    });
    expect(server(healthCa).containers[0].resources).toEqual({
      requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
      limits: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1' },
    });
    expect(server(internalEu).tolerations).toBeUndefined();
    expect(server(healthCa).tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const trainingRequests = (project: GeneratedProject) =>
      pipelinePods(project)
        .templates.filter((t: any) => t.container)
        .map((t: any) => t.container.resources.requests);
    expect(
      new Set(
        trainingRequests(internalEu).map((r: any) => r['nvidia.com/gpu']),
      ),
    ).toEqual(new Set([undefined]));
    expect(
      new Set(trainingRequests(healthCa).map((r: any) => r['nvidia.com/gpu'])),
    ).toEqual(new Set(['1']));
  });

  it('pins serving, training and retraining events to the residency region', () => {
    for (const [project, region] of [
      [internalEu, 'eu-central-1'],
      [healthCa, 'ca-central-1'],
    ] as const) {
      expect(server(project).nodeSelector).toEqual({
        'topology.kubernetes.io/region': region,
      });
      expect(pipelinePods(project).nodeSelector).toEqual({
        'topology.kubernetes.io/region': region,
      });
      for (const kind of ['EventSource', 'Sensor']) {
        const events = project
          .documents('deploy')
          .find(d => d.document.kind === kind)!.document;
        expect(events.spec.template.nodeSelector).toEqual({
          'topology.kubernetes.io/region': region,
        });
      }
      expect(yaml.parse(project.read('config/platform.yaml')).region).toBe(
        region,
      );
    }
  });

  it('keeps health data off hosted CI runners, and lets internal data use them', () => {
    expect(runners(internalEu)).toEqual(
      expect.arrayContaining(['ubuntu-latest']),
    );
    expect(runners(healthCa).length).toBeGreaterThan(1);
    for (const labels of runners(healthCa))
      expect(labels).toEqual(['self-hosted', 'linux', 'lz-ca']);
    // Retraining is submitted from the region's runner whatever the classification.
    expect(
      yaml.parse(internalEu.read('.github/workflows/retrain.yaml')).jobs.submit[
        'runs-on'
      ],
    ).toEqual(['self-hosted', 'linux', 'lz-eu']);
    expect(
      yaml.parse(internalEu.read('config/platform.yaml')).hostedRunnersAllowed,
    ).toBe(true);
    expect(
      yaml.parse(healthCa.read('config/platform.yaml')).hostedRunnersAllowed,
    ).toBe(false);
  });
});
