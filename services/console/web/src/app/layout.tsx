import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ProLayout } from '@ant-design/pro-components';
import { Button, Dropdown, Skeleton, Space, Tag } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROUTES } from '@/routes/route-table';
import { consoleFetch } from '@/shared/api/clients';
import { isProblem } from '@/shared/api/problem';
import { useSession } from '@/shared/auth/session';
import { LanguageSwitch } from '@/shared/ui/language-switch';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

/** ProLayout with the menu filtered by the session's access flags; a signed-out visitor goes to sign-in. */
export const ConsoleLayout = ({ children }: { children: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession();

  useEffect(() => {
    if (session.error && isProblem(session.error) && session.error.status === 401) {
      navigate(`/login?redirect=${encodeURIComponent(location.pathname + location.search)}`, {
        replace: true,
      });
    }
  }, [session.error, location, navigate]);

  if (session.isPending || session.error) return <Skeleton active style={{ padding: 48 }} />;
  const person = session.person;
  const menu = ROUTES.filter((r) => r.menuKey && (!r.access || session.access[r.access])).map((r) => ({
    path: r.path,
    name: t(`menu.${r.menuKey}`),
    icon: r.icon,
  }));

  const signOut = async () => {
    await consoleFetch('/api/auth/sign-out', { method: 'POST' });
    client.clear();
    navigate('/login');
  };

  return (
    <ProLayout
      // ProLayout memoises its menu: a new language must rebuild it.
      key={i18n.language}
      title={t('appName')}
      logo={false}
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes: menu }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      actionsRender={() => [
        <NotificationBell key="bell" />,
        <LanguageSwitch key="lang" />,
        <Dropdown
          key="me"
          menu={{
            items: [
              {
                key: 'out',
                icon: <LogoutOutlined />,
                label: t('header.signOut'),
                onClick: () => void signOut(),
              },
            ],
          }}
        >
          <Button type="text" data-testid="current-person">
            <Space size={4}>
              <span>{person?.name}</span>
              {person?.bu && <Tag>{person.bu}</Tag>}
              {person?.roles.map((r) => (
                <Tag key={r} color="blue">
                  {t(`roles.${r}`)}
                </Tag>
              ))}
            </Space>
          </Button>
        </Dropdown>,
      ]}
    >
      {children}
    </ProLayout>
  );
};
