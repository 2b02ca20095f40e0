import { specFor } from '@crm/decider-testing';
import type { CorrectCustomerData } from './customer.commands';
import type { CustomerDataCorrected, CustomerEvent } from './customer.events';
import { customerDecider } from './customer.decide';
import { evolveCustomer, initialCustomer, type RegisteredCustomer } from './customer';
import type { PersonalData } from './personal-data';
import { decisionContext, fakeSeal, NOW, staffOf } from './testing/fixtures';
import { lapsedEvent, registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);

const CURRENT: PersonalData = { name: '王小明', mobile: '13812341234' as never, address: '上海市浦东新区' };

const correct = (
  changes: CorrectCustomerData['data']['changes'],
  reason = '客户来电更正',
): CorrectCustomerData => ({ type: 'CorrectCustomerData', data: { customerId: 'c-1', changes, reason } });

const context = (overrides: Parameters<typeof decisionContext>[0] = {}) =>
  decisionContext({ currentPersonalData: CURRENT, ...overrides });

const corrected = (
  fields: CustomerDataCorrected['data']['fields'],
  data: PersonalData,
  reason = '客户来电更正',
  correctedBy = 'e-001',
): CustomerDataCorrected => ({
  type: 'CustomerDataCorrected',
  data: {
    customerId: 'c-1',
    fields,
    reason,
    personalData: fakeSeal(data),
    rule: 'CUS-06',
    correctedBy,
    correctedAt: NOW.toISOString(),
  },
});

describe('CorrectCustomerData (CUS-05/06)', () => {
  it('records only the changed fields with the reason, the whole new data sealed', () => {
    spec
      .given([registeredEvent()])
      .when(correct({ mobile: '+86 139-0000-1111', name: '王小明' }, '  换号了  '), context())
      .then([corrected(['mobile'], { ...CURRENT, mobile: '13900001111' as never }, '换号了')]);
  });

  it('keeps untouched fields and removes the address when it is corrected to empty', () => {
    spec
      .given([registeredEvent()])
      .when(correct({ name: '王晓明', address: ' ' }), context())
      .then([corrected(['name', 'address'], { name: '王晓明', mobile: CURRENT.mobile })]);
  });

  it('never puts the plain values into the event', () => {
    const events = customerDecider.decide(
      correct({ name: '李四', address: '北京市朝阳区' }),
      evolveCustomer(initialCustomer(), registeredEvent()),
      context({ sealPersonalData: () => ({ alg: 'opaque', keyId: 'k', ciphertext: 'AAAA' }) }),
    );
    const json = JSON.stringify(events);
    for (const plain of ['李四', '北京市', '13812341234']) expect(json).not.toContain(plain);
  });

  it('lets the bu_manager of the owner BU correct', () => {
    spec
      .given([registeredEvent()])
      .when(correct({ name: '王晓明' }), context({ actor: { id: 'm-1', role: 'bu_manager', bu: 'bu-1' } }))
      .then([corrected(['name'], { ...CURRENT, name: '王晓明' }, '客户来电更正', 'm-1')]);
  });

  it.each([
    ['staff of another BU', staffOf('bu-2', 'e-201')],
    ['another BU even when the customer is lapsed and open to it', staffOf('bu-2', 'e-201')],
    ['a crm_clerk of the owner BU', { id: 'k-1', role: 'crm_clerk', bu: 'bu-1' }],
    ['an admin without BU', { id: 'a-1', role: 'admin' }],
  ])('refuses %s with 403 naming the rule', (label, actor) => {
    const history: CustomerEvent[] = label.includes('lapsed')
      ? [registeredEvent(), lapsedEvent()]
      : [registeredEvent()];
    spec
      .given(history)
      .when(correct({ name: '王晓明' }), context({ actor }))
      .thenRefused({
        kind: 'forbidden',
        code: 'customer.not_owner_bu',
        rule: 'CUS-06',
        details: { customerId: 'c-1', ownerBu: 'bu-1' },
      });
  });

  it('requires a reason and at least one field, and validates the new values like a registration', () => {
    spec
      .given([registeredEvent()])
      .when(correct({ name: '王晓明' }, ' '), context())
      .thenRefused({
        kind: 'invalid',
        code: 'customer.invalid_reason',
        details: { field: 'reason' },
      });
    spec.given([registeredEvent()]).when(correct({}), context()).thenRefused({
      kind: 'invalid',
      code: 'customer.correction_empty',
    });
    spec
      .given([registeredEvent()])
      .when(correct({ mobile: '12345' }), context())
      .thenRefused({
        kind: 'invalid',
        code: 'customer.invalid_mobile',
      });
  });

  it('records nothing when the values are already so (a repeated request)', () => {
    spec
      .given([registeredEvent()])
      .when(correct({ mobile: '138 1234 1234' }), context())
      .then([]);
  });

  it('refuses a forgotten or unknown customer', () => {
    spec
      .given([
        registeredEvent(),
        {
          type: 'CustomerForgotten',
          data: { customerId: 'c-1', forgottenAt: NOW.toISOString(), decidedBy: 'a-1' },
        },
      ])
      .when(correct({ name: '王晓明' }), context())
      .thenRefused({ kind: 'rule', code: 'customer.forgotten' });
    spec
      .given([])
      .when(correct({ name: '王晓明' }), context())
      .thenRefused({
        kind: 'not_found',
        code: 'customer.not_found',
      });
  });

  it('evolves to the new sealed data and remembers when', () => {
    const event = corrected(['name'], { ...CURRENT, name: '王晓明' });
    const state = [registeredEvent(), event].reduce(evolveCustomer, initialCustomer()) as RegisteredCustomer;
    expect(state.personalData).toEqual(event.data.personalData);
    expect(state.correctedAt).toBe(NOW.toISOString());
  });
});
