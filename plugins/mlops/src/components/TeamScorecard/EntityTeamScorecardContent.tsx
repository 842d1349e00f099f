import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamScorecard } from './TeamScorecard';
import { useWindowParam } from '../shared/useWindowParam';
import { WindowPicker } from '../shared/WindowPicker';

/** The "MLOps" tab of a Group entity page. */
export const EntityTeamScorecardContent = () => {
  const { entity } = useEntity();
  const [window, setWindow] = useWindowParam();
  return (
    <TeamScorecard
      namespace={entity.metadata.namespace ?? 'default'}
      name={entity.metadata.name}
      window={window}
      windowPicker={<WindowPicker value={window} onChange={setWindow} />}
    />
  );
};
