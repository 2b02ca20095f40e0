import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';

/** A refusal in the person's language: our translation of the stable code, the service's detail as fallback. */
export const useProblemMessage = () => {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (!isProblem(error)) return t('state.error');
    const key = `rules.${error.code}`;
    if (error.status === 403 && Array.isArray(error.body['requiredRoles'])) {
      const roles = (error.body['requiredRoles'] as string[]).map((r) => t(`roles.${r}`)).join('、');
      return t('state.forbiddenDetail', { roles });
    }
    if (i18n.exists(key))
      return error.detail && i18n.language === 'en' ? `${t(key)}: ${error.detail}` : t(key);
    return error.detail || error.title || error.code;
  };
};

export const ProblemAlert = ({ error }: { error: unknown }) => {
  const message = useProblemMessage();
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const correlationId = isProblem(error) ? error.correlationId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message(error)}
      description={correlationId ? t('state.correlation', { id: correlationId }) : undefined}
    />
  );
};
