import { TemplateAnalytics } from '@landing-zone/plugin-mlops-common';
import { StackedLevelBars } from '../shared/StackedLevelBars';

export const TemplateLevelsChart = (props: {
  templates: Array<TemplateAnalytics & { name: string }>;
  levelNames: string[];
}) => (
  <StackedLevelBars
    rows={props.templates.map(template => ({
      label: template.name,
      levels: template.levels,
    }))}
    levelNames={props.levelNames}
    caption="Levels reached by the use cases each template created."
    testId="template-levels-chart"
  />
);
