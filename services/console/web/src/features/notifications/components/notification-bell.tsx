import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { unreadCountQuery } from '@/features/notifications/api/queries';

/** The header's bell: my unread count, opening the notification centre. */
export const NotificationBell = () => {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const unread = useQuery(unreadCountQuery());
  const count = unread.data ?? 0;
  return (
    <Tooltip title={t('bell.tooltip')}>
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={t('bell.label', { count })}
        onClick={() => navigate('/notifications')}
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
};
