import { parsePersonalData } from '@crm/customers-domain';
import { customerView, type CustomerRecord } from './customer-view';

const record: CustomerRecord = {
  customerId: 'c-1',
  source: 'walk_in',
  ownerBu: 'bu-1',
  ownerEmployeeId: 'e-1',
  registeredAt: '2025-01-01T00:00:00.000Z',
};
const data = parsePersonalData({ name: '张三', mobile: '13812341234', address: '北京市' });

describe('customerView', () => {
  it('shows everything to the owning BU', () => {
    expect(
      customerView(record, { status: 'available', data }, { id: 'e-2', role: 'staff', bu: 'bu-1' })
        .personalData,
    ).toEqual({
      visibility: 'full',
      name: '张三',
      mobile: '13812341234',
      address: '北京市',
    });
  });

  it('masks name and mobile and hides the address for other BUs', () => {
    const view = customerView(
      record,
      { status: 'available', data },
      { id: 'e-9', role: 'staff', bu: 'bu-2' },
    );
    expect(view.personalData).toEqual({ visibility: 'masked', name: '张*', mobile: '138****1234' });
    expect(JSON.stringify(view)).not.toContain('北京');
  });

  it('says forgotten when the key is gone', () => {
    expect(customerView(record, { status: 'forgotten' }, { id: 'e-2', role: 'staff', bu: 'bu-1' })).toEqual({
      ...record,
      personalData: { visibility: 'forgotten' },
    });
  });
});
