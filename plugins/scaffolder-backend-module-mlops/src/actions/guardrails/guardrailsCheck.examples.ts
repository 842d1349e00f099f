import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const guardrailsCheckExamples: TemplateExample[] = [
  {
    description:
      'Check the form values before anything is fetched or published',
    example: yaml.stringify({
      steps: [
        {
          id: 'guardrails',
          name: 'Check guardrails',
          action: 'mlops:guardrails:check',
          input: {
            name: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            dataClassification: '${{ parameters.dataClassification }}',
            dataResidency: '${{ parameters.dataResidency }}',
            computeTier: '${{ parameters.computeTier }}',
            gpuBudget: '${{ parameters.gpuBudget }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'An LLM use case also checks the model provider against the classification',
    example: yaml.stringify({
      steps: [
        {
          id: 'guardrails',
          action: 'mlops:guardrails:check',
          input: {
            name: 'claims-assistant',
            owner: 'group:default/claims-ai',
            dataClassification: 'health',
            dataResidency: 'ca',
            computeTier: 'gpu-small',
            gpuBudget: 120,
            modelProvider: 'self-hosted',
          },
        },
      ],
    }),
  },
];
