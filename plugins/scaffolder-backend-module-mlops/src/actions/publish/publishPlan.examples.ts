import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const publishPlanExamples: TemplateExample[] = [
  {
    description: 'Plan, then publish with whichever publisher is configured',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan the repository',
          action: 'mlops:publish:plan',
          input: { name: '${{ parameters.name }}' },
        },
        {
          id: 'publish-github',
          if: "${{ steps.plan.output.target == 'github' }}",
          action: 'publish:github',
          input: { repoUrl: '${{ steps.plan.output.repoUrl }}' },
        },
      ],
    }),
  },
];
