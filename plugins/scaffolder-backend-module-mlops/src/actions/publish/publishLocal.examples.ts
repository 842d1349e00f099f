import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const publishLocalExamples: TemplateExample[] = [
  {
    description:
      'Publish the workspace as a local repository named after the use case',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish-local',
          name: 'Publish to a local repository',
          action: 'mlops:publish:local',
          input: { name: '${{ parameters.name }}' },
        },
      ],
    }),
  },
  {
    description:
      'Publish a sub-directory of the workspace with its own commit message',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish-local',
          action: 'mlops:publish:local',
          input: {
            name: 'churn-forecast',
            sourcePath: 'project',
            gitCommitMessage:
              'Churn forecast from the batch-training golden path',
          },
        },
      ],
    }),
  },
];
