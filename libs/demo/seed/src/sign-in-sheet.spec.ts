import { DEMO_PEOPLE } from './demo-company';
import { signInSheet } from './sign-in-sheet';

describe('signInSheet', () => {
  it('names every demo person with the token command for their id, roles and BU', () => {
    const sheet = signInSheet();
    expect(sheet.split('\n')).toHaveLength(DEMO_PEOPLE.length + 1);
    expect(sheet).toContain(
      '吴晓燕（华东事业部，staff）: npm run -s token -- --sub east-s1 --roles staff --bu bu-east --name 吴晓燕',
    );
    expect(sheet).toContain(
      '杨敏（总部，crm_clerk）: npm run -s token -- --sub hq-clerk --roles crm_clerk --name 杨敏',
    );
  });
});
