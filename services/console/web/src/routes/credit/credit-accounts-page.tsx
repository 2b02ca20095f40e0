import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { AccountTable } from '@/features/credit/components/account-table';

export default function CreditAccountsPage() {
  const { t } = useTranslation('credit');
  return (
    <PageContainer title={t('list.title')}>
      <AccountTable />
    </PageContainer>
  );
}
