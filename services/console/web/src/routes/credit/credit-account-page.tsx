import { PageContainer } from '@ant-design/pro-components';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AccountDetail } from '@/features/credit/components/account-detail';

export default function CreditAccountPage() {
  const { t } = useTranslation('credit');
  const { accountId = '', orderId } = useParams();
  return (
    <PageContainer title={t('detail.title')}>
      <AccountDetail accountId={accountId} {...(orderId !== undefined ? { orderId } : {})} />
    </PageContainer>
  );
}
