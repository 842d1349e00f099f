import { TeamSummary } from '@landing-zone/plugin-mlops-common';
import { csvCell, teamsCsv } from './csv';

const team: TeamSummary = {
  teamRef: 'group:default/fraud',
  title: 'Fraud, Risk & "Ops"',
  useCases: 3,
  inProduction: 1,
  levels: [1, 2],
  averageLevel: 0.7,
  averageScore: 41.5,
  throughput: 1,
  leadTime: { medianDays: 12.5, p85Days: null, count: 1 },
  flowLoad: 2,
  trend: [],
};

describe('teamsCsv', () => {
  it('writes a header and one quoted row per team', () => {
    expect(teamsCsv([team], ['Manual', 'Automated', 'Self-serve'])).toBe(
      'team,title,use_cases,in_production,level_0,level_1,level_2,average_level,average_score,throughput,lead_time_median_days,lead_time_p85_days,flow_load\r\n' +
        'group:default/fraud,"Fraud, Risk & ""Ops""",3,1,1,2,0,0.7,41.5,1,12.5,,2\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
  });
});
