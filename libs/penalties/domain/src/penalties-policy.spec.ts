import { DEFAULT_PENALTIES_POLICY, readPenaltiesPolicy } from './penalties-policy';

describe('readPenaltiesPolicy', () => {
  it('reads the appeal window of a version', () => {
    expect(readPenaltiesPolicy(DEFAULT_PENALTIES_POLICY, 'v1')).toEqual({ appealWorkingDays: 5 });
  });

  it.each([[{}], [{ appealWorkingDays: 0 }], [{ appealWorkingDays: 2.5 }], [null]])(
    'refuses an unusable version %j as a named conflict',
    (params) => {
      expect(() => readPenaltiesPolicy(params, 'v2')).toThrow(
        expect.objectContaining({ kind: 'conflict', code: 'policy.unusable' }),
      );
    },
  );
});
