import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const useCaseRecordExamples: TemplateExample[] = [
  {
    description: 'Record the use case registered by the previous step',
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          name: 'Record the new use case',
          action: 'mlops:usecase:record',
          input: {
            entityRef: "${{ steps['register-local'].output.entityRef }}",
            templateRef: 'template:default/batch-training',
            teamRef: '${{ parameters.owner }}',
          },
        },
      ],
    }),
  },
];
