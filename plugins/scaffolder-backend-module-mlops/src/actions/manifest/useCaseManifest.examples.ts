import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const useCaseManifestExamples: TemplateExample[] = [
  {
    description:
      'Write mlops.yaml and the catalog annotations after fetching the skeleton',
    example: yaml.stringify({
      steps: [
        {
          id: 'manifest',
          name: 'Write the use-case manifest',
          action: 'mlops:usecase:manifest',
          input: {
            name: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            type: 'ml-pipeline',
            businessObjective: '${{ parameters.businessObjective }}',
            kpis: ['Churn reduced by 5% within two quarters'],
            dataClassification: '${{ parameters.dataClassification }}',
            dataResidency: '${{ parameters.dataResidency }}',
            computeTier: '${{ parameters.computeTier }}',
            gpuBudget: '${{ parameters.gpuBudget }}',
            targetLevel: '${{ parameters.targetLevel }}',
            templateVersion: '1.0.0',
            sourceLocation: '${{ steps.plan.output.sourceLocation }}',
          },
        },
      ],
    }),
  },
];
