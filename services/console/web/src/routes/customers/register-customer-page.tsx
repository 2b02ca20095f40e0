import { PageContainer } from '@ant-design/pro-components';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegisterCustomerForm } from '@/features/customers/components/register-customer-form';

export default function RegisterCustomerPage() {
  const { t } = useTranslation('customers');
  return (
    <PageContainer title={t('registerTitle')}>
      <Card>
        <RegisterCustomerForm />
      </Card>
    </PageContainer>
  );
}
