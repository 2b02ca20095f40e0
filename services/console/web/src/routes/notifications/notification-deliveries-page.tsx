import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { TroubledDeliveries } from '@/features/notifications/components/troubled-deliveries';

export default function NotificationDeliveriesPage() {
  const { t } = useTranslation('notifications');
  return (
    <PageContainer title={t('deliveries.title')}>
      <TroubledDeliveries />
    </PageContainer>
  );
}
