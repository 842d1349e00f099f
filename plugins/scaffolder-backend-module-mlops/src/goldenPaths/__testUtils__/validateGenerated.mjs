// Validates what a golden path generated, with maintained libraries, and prints the result as
// JSON: every Kubernetes / Argo Workflows / Argo CD / Prometheus Operator manifest against its
// schema (kubernetes-models and @kubernetes-models/*: validate() checks the OpenAPI / CRD
// schema), every GitHub workflow with GitHub's own parser (@actions/workflow-parser).
// A separate Node process: these libraries ship as ES modules only, which jest's CommonJS
// runtime cannot load. Usage: node validateGenerated.mjs <manifest files> -- <workflow files>
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow,
} from '@actions/workflow-parser';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  CronWorkflow,
  Workflow,
  WorkflowTemplate,
} from '@kubernetes-models/argo-workflows/argoproj.io/v1alpha1';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import {
  Role,
  RoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Service, ServiceAccount } from 'kubernetes-models/v1';
import fs from 'node:fs';
import yaml from 'yaml';

const SCHEMAS = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'v1 ServiceAccount': ServiceAccount,
  'rbac.authorization.k8s.io/v1 Role': Role,
  'rbac.authorization.k8s.io/v1 RoleBinding': RoleBinding,
  'argoproj.io/v1alpha1 WorkflowTemplate': WorkflowTemplate,
  'argoproj.io/v1alpha1 CronWorkflow': CronWorkflow,
  'argoproj.io/v1alpha1 Workflow': Workflow,
  'argoproj.io/v1alpha1 Application': Application,
  'monitoring.coreos.com/v1 PrometheusRule': PrometheusRule,
};
// Argo Events has no maintained schema library on npm; these kinds are reported, not validated.
const WITHOUT_SCHEMA_LIBRARY = new Set([
  'argoproj.io/v1alpha1 EventSource',
  'argoproj.io/v1alpha1 Sensor',
]);

const args = process.argv.slice(2);
const split = args.indexOf('--');
const manifestFiles = split < 0 ? args : args.slice(0, split);
const workflowFiles = split < 0 ? [] : args.slice(split + 1);

const manifests = [];
for (const file of manifestFiles) {
  for (const document of yaml.parseAllDocuments(fs.readFileSync(file, 'utf8'), {
    merge: true,
  })) {
    const data = document.toJS();
    if (data === null) continue;
    const kind = `${data.apiVersion} ${data.kind}`;
    const entry = {
      file,
      kind,
      name: data.metadata?.name,
      validated: false,
      error: null,
    };
    if (document.errors.length) {
      entry.error = document.errors[0].message;
    } else if (SCHEMAS[kind]) {
      try {
        new SCHEMAS[kind](data).validate();
        entry.validated = true;
      } catch (error) {
        entry.error = String(error);
      }
    } else if (!WITHOUT_SCHEMA_LIBRARY.has(kind)) {
      entry.error = `no schema for ${kind}`;
    }
    manifests.push(entry);
    // A Sensor submits a Workflow: that one has a schema.
    for (const trigger of data.kind === 'Sensor'
      ? data.spec?.triggers ?? []
      : []) {
      const workflow = trigger.template?.argoWorkflow?.source?.resource;
      if (!workflow) continue;
      const nested = {
        file,
        kind: `${workflow.apiVersion} ${workflow.kind}`,
        name: `${data.metadata?.name} trigger`,
        validated: false,
        error: null,
      };
      try {
        new SCHEMAS[nested.kind](workflow).validate();
        nested.validated = true;
      } catch (error) {
        nested.error = String(error);
      }
      manifests.push(nested);
    }
  }
}

async function validateWorkflows() {
  const workflows = [];
  for (const file of workflowFiles) {
    const parsed = parseWorkflow(
      { name: file, content: fs.readFileSync(file, 'utf8') },
      new NoOperationTraceWriter(),
    );
    const errors = parsed.context.errors.getErrors().map(e => e.message);
    if (parsed.value) {
      const template = await convertWorkflowTemplate(
        parsed.context,
        parsed.value,
      );
      errors.push(...(template.errors ?? []).map(e => e.Message));
    }
    workflows.push({
      file,
      jobs: Object.keys(yaml.parse(fs.readFileSync(file, 'utf8'))?.jobs ?? {}),
      errors: [...new Set(errors)],
    });
  }
  return workflows;
}

validateWorkflows().then(workflows =>
  process.stdout.write(JSON.stringify({ manifests, workflows })),
);
