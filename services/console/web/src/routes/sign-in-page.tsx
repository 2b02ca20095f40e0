import { Flex, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/shared/ui/language-switch';
import { SignInPanel } from '@/features/auth/components/sign-in-panel';

/** Only same-site paths: an open redirect through ?redirect= would be a phishing aid. */
const safeRedirect = (value: string | null): string => (value && /^\/(?!\/)/.test(value) ? value : '/');

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={24}
      style={{ minHeight: '100vh', background: '#f5f7fb' }}
    >
      <main>
        <Flex vertical align="center" gap={16}>
          <Typography.Title level={2}>{t('appName')}</Typography.Title>
          <LanguageSwitch />
          <SignInPanel
            redirect={safeRedirect(params.get('redirect'))}
            onSignedIn={() => navigate(safeRedirect(params.get('redirect')), { replace: true })}
          />
        </Flex>
      </main>
    </Flex>
  );
}
