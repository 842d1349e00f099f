/**
 * Which files in a repository are evidence of an ML practice, by category. The patterns
 * cover the golden paths' layout and the common conventions of other tools, so an
 * existing repository gets observed without a template.
 */
export const EVIDENCE_CATEGORIES = {
  /** A CI workflow: GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, CircleCI, Tekton. */
  ci: [
    /^\.github\/workflows\/[^/]+\.ya?ml$/,
    /^\.gitlab-ci\.ya?ml$/,
    /^Jenkinsfile$/,
    /^azure-pipelines\.ya?ml$/,
    /^\.circleci\/config\.ya?ml$/,
    /^\.tekton\/[^/]+\.ya?ml$/,
  ],
  /** A container build. */
  container: [/(^|\/)Dockerfile(\.[\w-]+)?$/, /(^|\/)Containerfile$/],
  /** An orchestrated training or batch pipeline definition. */
  pipeline: [
    /^pipelines?\/[^/]+\.(ya?ml|py|json)$/,
    /(^|\/)[\w-]*pipeline[\w-]*\.ya?ml$/,
    /^dvc\.yaml$/,
    /^MLproject$/,
    /^(argo|kubeflow|airflow\/dags)\/.+\.(ya?ml|py)$/,
  ],
  /** Tests. */
  tests: [
    /^tests?\/.+\.\w+$/,
    /(^|\/)test_[^/]+\.py$/,
    /(^|\/)[^/]+_test\.(py|go)$/,
    /(^|\/)[^/]+\.(test|spec)\.[jt]sx?$/,
  ],
  /** A model card. */
  modelCard: [/(^|\/)model[-_ ]?card\.md$/i],
  /** Monitoring and alerting rules. */
  monitoring: [
    /^monitoring\/.+\.(ya?ml|json)$/,
    /(^|\/)[^/]*(alerts?|rules)\.ya?ml$/,
    /(^|\/)prometheus[^/]*\.ya?ml$/,
  ],
} as const;

export type EvidenceCategory = keyof typeof EVIDENCE_CATEGORIES;

/** Files listed per category; one file may prove several (e.g. a test of the pipeline). */
export function classifyEvidence(paths: string[]): {
  files: string[];
  evidence: Record<EvidenceCategory, string[]>;
} {
  const evidence = Object.fromEntries(
    Object.keys(EVIDENCE_CATEGORIES).map(c => [c, [] as string[]]),
  ) as Record<EvidenceCategory, string[]>;
  const files = new Set<string>();
  for (const file of [...paths].sort()) {
    for (const [category, patterns] of Object.entries(EVIDENCE_CATEGORIES)) {
      if (patterns.some(p => p.test(file))) {
        evidence[category as EvidenceCategory].push(file);
        files.add(file);
      }
    }
  }
  return { files: [...files], evidence };
}

/** Whether the repository collector needs the file at all (readTree's filter). */
export const isEvidenceFile = (file: string) =>
  Object.values(EVIDENCE_CATEGORIES).some(patterns =>
    patterns.some(p => p.test(file)),
  );
