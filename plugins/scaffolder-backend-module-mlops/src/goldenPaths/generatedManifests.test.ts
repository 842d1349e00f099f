import fs from 'fs-extra';
import path from 'node:path';
import { TEMPLATE_NAMES, TemplateName } from '../skeleton/testTemplates';
import { GeneratedProject, generate } from './__testUtils__/generatedFiles';
import { validateGenerated } from './__testUtils__/validateGenerated';

const CLUSTER_FOLDERS = ['deploy', 'argocd', 'pipeline'];
const CASES = TEMPLATE_NAMES.flatMap(name =>
  [1, 2].map(level => [name, level] as [TemplateName, 1 | 2]),
);

/** The pod templates of a workload manifest, where kubernetes-id labels must also be. */
function podLabels(document: any): Array<Record<string, string> | undefined> {
  switch (document.kind) {
    case 'Deployment':
      return [document.spec.template.metadata?.labels];
    case 'WorkflowTemplate':
    case 'Workflow':
      return [document.spec.podMetadata?.labels];
    case 'CronWorkflow':
      return document.spec.workflowSpec.workflowTemplateRef
        ? []
        : [document.spec.workflowSpec.podMetadata?.labels];
    default:
      return [];
  }
}

describe.each(CASES)('%s at Level %d', (name, level) => {
  let project: GeneratedProject;
  beforeAll(async () => {
    project = await generate(name, level);
  });
  afterAll(() => project.remove());

  let validation: ReturnType<typeof validateGenerated>;
  beforeAll(() => {
    validation = validateGenerated(project, CLUSTER_FOLDERS);
  });

  it('generates only manifests that validate against their schema', () => {
    expect(validation.manifests.length).toBeGreaterThan(0);
    for (const manifest of validation.manifests) {
      expect(manifest).toEqual({ ...manifest, error: null });
    }
    // Only Argo Events has no schema library; everything else was checked against its schema.
    const unvalidated = validation.manifests.filter(m => !m.validated);
    expect(
      unvalidated.filter(
        m => !/^argoproj\.io\/v1alpha1 (EventSource|Sensor)$/.test(m.kind),
      ),
    ).toEqual([]);
  });

  it('labels every workload and its pods with backstage.io/kubernetes-id and pins images to a tag CI sets', () => {
    for (const { file, document } of project.documents(...CLUSTER_FOLDERS)) {
      expect([
        file,
        document.metadata.labels?.['backstage.io/kubernetes-id'],
      ]).toEqual([file, `sample-${name}`]);
      for (const labels of podLabels(document)) {
        expect([file, labels?.['backstage.io/kubernetes-id']]).toEqual([
          file,
          `sample-${name}`,
        ]);
      }
    }
    const images = project.files
      .filter(file => file.startsWith('deploy/'))
      .flatMap(file =>
        [...project.read(file).matchAll(/image: (\S+)/g)].map(m => m[1]),
      );
    expect(images.length).toBeGreaterThan(0);
    const ours = images.filter(image =>
      image.startsWith(`registry.internal.example/ml/sample-${name}:`),
    );
    expect(ours.length).toBeGreaterThan(0);
    // CI replaces the placeholder tag with the commit SHA (set-image-tag.sh, tested in the project).
    for (const image of ours)
      expect(image).toBe(
        `registry.internal.example/ml/sample-${name}:unreleased`,
      );
    for (const image of images) expect(image).toMatch(/:[\w.-]+$/);
    for (const image of images) expect(image).not.toMatch(/:latest$/);
    expect(project.read('scripts/set-image-tag.sh')).toContain(
      `registry.internal.example/ml/sample-${name}`,
    );
  });

  it('writes GitHub workflows that GitHub accepts, with its expressions and secrets intact', () => {
    const workflows = project.files.filter(file =>
      file.startsWith('.github/workflows/'),
    );
    expect(workflows).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yaml']),
    );
    expect(validation.workflows.map(w => w.file).sort()).toEqual(
      workflows.sort(),
    );
    for (const workflow of validation.workflows)
      expect(workflow).toEqual({ ...workflow, errors: [] });
    for (const file of workflows)
      expect(project.read(file)).not.toMatch(/\{%|%\}/);
    const ci = project.read('.github/workflows/ci.yaml');
    expect(ci).toContain('tags: ${{ env.IMAGE }}:${{ github.sha }}');
    expect(ci).toContain('push: true');
    expect(ci).toContain(
      'LANDING_ZONE_TOKEN: ${{ secrets.LANDING_ZONE_TOKEN }}',
    );
  });

  if (level === 2) {
    it('has an Argo CD Application that syncs a folder holding the workload, from outside it', () => {
      const [app] = project.documents('argocd').map(d => d.document);
      expect(app.kind).toBe('Application');
      expect(app.spec.source.repoURL).toBe(
        `https://github.com/acme-ml/sample-${name}.git`,
      );
      expect(app.spec.destination).toEqual({
        server: 'https://kubernetes.default.svc',
        namespace: `sample-${name}`,
      });
      const synced = app.spec.source.path;
      expect(fs.statSync(path.join(project.dir, synced)).isDirectory()).toBe(
        true,
      );
      expect(project.files.filter(f => f.startsWith('argocd/'))).toEqual([
        'argocd/application.yaml',
      ]);
      const kinds = project.documents(synced).map(d => d.document.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(
          name === 'batch-training'
            ? ['CronWorkflow', 'WorkflowTemplate']
            : ['Deployment'],
        ),
      );
      expect(kinds).toEqual(
        expect.arrayContaining(['PrometheusRule', 'EventSource', 'Sensor']),
      );
    });

    it('alerts on the drift metric the code exports, and retrains on drift with the pipeline', () => {
      const rule = project
        .documents('deploy')
        .find(d => d.document.kind === 'PrometheusRule')!.document;
      const expressions = rule.spec.groups
        .flatMap((g: any) => g.rules.map((r: any) => r.expr))
        .join('\n');
      expect(expressions).toContain(`model_feature_psi{app="sample-${name}"}`);
      expect(project.read('usecase/drift.py')).toContain('model_feature_psi{');
      const sensor = project
        .documents('deploy')
        .find(d => d.document.kind === 'Sensor')!.document;
      const workflow =
        sensor.spec.triggers[0].template.argoWorkflow.source.resource;
      expect(workflow.spec.workflowTemplateRef.name).toBe(
        `sample-${name}-pipeline`,
      );
      expect(workflow.spec.arguments.parameters).toEqual([
        { name: 'trigger', value: 'drift' },
      ]);
      expect(validation.manifests).toContainEqual(
        expect.objectContaining({
          kind: 'argoproj.io/v1alpha1 Workflow',
          validated: true,
          error: null,
        }),
      );
    });
  }
});

describe.each(['batch-training', 'online-inference'] as const)(
  '%s training pipeline',
  name => {
    it('runs validate → train → evaluate → register, weekly and by reference from the drift sensor', async () => {
      const project = await generate(name, 1);
      try {
        const documents = project.documents('deploy').map(d => d.document);
        const template = documents.find(d => d.kind === 'WorkflowTemplate');
        const dag = template.spec.templates.find(
          (t: any) => t.name === template.spec.entrypoint,
        ).dag.tasks;
        expect(dag.map((t: any) => [t.name, t.dependencies ?? []])).toEqual([
          ['validate', []],
          ['train', ['validate']],
          ['evaluate', ['train']],
          ['register', ['evaluate']],
        ]);
        const commands = template.spec.templates
          .filter((t: any) => t.container)
          .map((t: any) => t.container.command.slice(0, 4).join(' '));
        expect(commands).toEqual(
          ['validate', 'train', 'evaluate', 'register'].map(
            step => `python -m usecase.pipeline ${step}`,
          ),
        );
        const schedule = documents.find(
          d =>
            d.kind === 'CronWorkflow' &&
            d.spec.workflowSpec.workflowTemplateRef,
        );
        expect(schedule.spec.workflowSpec.workflowTemplateRef.name).toBe(
          template.metadata.name,
        );
        expect(schedule.spec.workflowSpec.arguments.parameters).toEqual([
          { name: 'trigger', value: 'schedule' },
        ]);
      } finally {
        await project.remove();
      }
    });
  },
);
