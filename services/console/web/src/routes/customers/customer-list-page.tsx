import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { CustomerTable } from '@/features/customers/components/customer-table';

export default function CustomerListPage() {
  const { t } = useTranslation('customers');
  return (
    <PageContainer title={t('listTitle')}>
      <CustomerTable />
    </PageContainer>
  );
}
