import { DEMO_BUSINESS_UNITS, DEMO_HEAD_OFFICE_UNIT, DEMO_PEOPLE } from './demo-company';

/** Whom to sign in as, with the `npm run token` line that mints each person's token. */
export const signInSheet = (): string => {
  const buName = new Map([...DEMO_BUSINESS_UNITS, DEMO_HEAD_OFFICE_UNIT].map((b) => [b.buId, b.name]));
  const lines = DEMO_PEOPLE.map((p) => {
    const where = buName.get(p.bu) ?? p.bu;
    // Head-office people act for no BU: their token carries none (the directory knows them in hq).
    const bu = p.bu !== DEMO_HEAD_OFFICE_UNIT.buId ? ` --bu ${p.bu}` : '';
    return `  ${p.name}（${where}，${p.roles.join(',')}）: npm run -s token -- --sub ${p.id} --roles ${p.roles.join(',')}${bu} --name ${p.name}`;
  });
  return ['Sign in as:', ...lines].join('\n');
};
