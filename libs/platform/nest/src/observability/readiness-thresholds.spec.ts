import { lagReport, type ReadinessThresholds } from './readiness-thresholds';

const thresholds: ReadinessThresholds = {
  maxLagEvents: 10,
  maxLagSeconds: 60,
  logStallSeconds: 30,
  crashWindowSeconds: 60,
};

describe('lagReport', () => {
  it('is up within both limits and reports the figures', () => {
    expect(lagReport({ events: 10, capped: false, seconds: 59.94 }, thresholds, { role: 'active' })).toEqual({
      up: true,
      details: { role: 'active', lagEvents: 10, lagSeconds: 59.9 },
    });
  });

  it('fails past the event limit, saying when the count is only a lower bound', () => {
    const report = lagReport({ events: 1000, capped: true, seconds: 2 }, thresholds);
    expect(report.up).toBe(false);
    expect(report.reason).toBe('behind by more than 1000 events / 2 s (limits 10 events, 60 s)');
    expect(report.details).toMatchObject({ lagEvents: 1000, lagEventsAtLeast: true });
  });

  it('fails past the age limit with few events', () => {
    const report = lagReport({ events: 1, capped: false, seconds: 180 }, thresholds);
    expect(report).toMatchObject({
      up: false,
      reason: 'behind by 1 events / 180 s (limits 10 events, 60 s)',
    });
  });
});
