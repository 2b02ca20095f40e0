import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { PreferencesForm } from '@/features/notifications/components/preferences-form';

export default function NotificationPreferencesPage() {
  const { t } = useTranslation('notifications');
  return (
    <PageContainer title={t('preferences.title')}>
      <PreferencesForm />
    </PageContainer>
  );
}
