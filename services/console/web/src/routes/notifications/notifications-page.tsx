import { PageContainer } from '@ant-design/pro-components';
import { Button } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NotificationList } from '@/features/notifications/components/notification-list';

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return (
    <PageContainer
      title={t('title')}
      extra={
        <Link to="/notifications/preferences">
          <Button icon={<SettingOutlined />}>{t('preferences.title')}</Button>
        </Link>
      }
    >
      <NotificationList />
    </PageContainer>
  );
}
