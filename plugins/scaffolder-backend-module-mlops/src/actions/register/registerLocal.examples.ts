import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const registerLocalExamples: TemplateExample[] = [
  {
    description: 'Register the repository published by the previous step',
    example: yaml.stringify({
      steps: [
        {
          id: 'register-local',
          name: 'Register in the catalog',
          action: 'mlops:catalog:register-local',
          input: { name: '${{ parameters.name }}' },
        },
      ],
    }),
  },
];
