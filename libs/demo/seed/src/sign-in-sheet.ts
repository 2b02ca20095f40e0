import { DEMO_BUSINESS_UNITS, DEMO_PEOPLE } from './demo-company';

/** Whom to sign in as, with the `npm run token` line that mints each person's token. */
export const signInSheet = (): string => {
  const buName = new Map(DEMO_BUSINESS_UNITS.map((b) => [b.buId, b.name]));
  const lines = DEMO_PEOPLE.map((p) => {
    const where = p.bu !== undefined ? `${buName.get(p.bu) ?? p.bu}` : '总部';
    const bu = p.bu !== undefined ? ` --bu ${p.bu}` : '';
    return `  ${p.name}（${where}，${p.roles.join(',')}）: npm run -s token -- --sub ${p.id} --roles ${p.roles.join(',')}${bu} --name ${p.name}`;
  });
  return ['Sign in as:', ...lines].join('\n');
};
