import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/shared/ui/query-state';
import { signInModeQuery } from '@/features/auth/api/sign-in';
import { DevSignInForm } from './dev-sign-in-form';

/** The company's identity provider in production; the directory picker in development and tests. */
export const SignInPanel = ({ redirect, onSignedIn }: { redirect: string; onSignedIn: () => void }) => {
  const { t } = useTranslation('auth');
  const mode = useQuery(signInModeQuery);
  return (
    <QueryState query={mode}>
      {({ mode: m }) =>
        m === 'oidc' ? (
          <Card title={t('title')} style={{ width: 440 }}>
            <Button
              type="primary"
              block
              href={`/api/auth/oidc/start?redirect=${encodeURIComponent(redirect)}`}
            >
              {t('withCompanyAccount')}
            </Button>
          </Card>
        ) : (
          <DevSignInForm onSignedIn={onSignedIn} />
        )
      }
    </QueryState>
  );
};
