import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LapsedQueue } from '@/features/customers/components/lapsed-queue';

export default function LapsedQueuePage() {
  const { t } = useTranslation('customers');
  return (
    <PageContainer title={t('lapsedTitle')}>
      <LapsedQueue />
    </PageContainer>
  );
}
