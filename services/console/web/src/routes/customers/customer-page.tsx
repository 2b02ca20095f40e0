import { PageContainer } from '@ant-design/pro-components';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CustomerDetail } from '@/features/customers/components/customer-detail';

export default function CustomerPage() {
  const { t } = useTranslation('customers');
  const { customerId = '' } = useParams();
  return (
    <PageContainer title={t('detailTitle')}>
      <CustomerDetail customerId={customerId} />
    </PageContainer>
  );
}
