import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** One warning per service a federated list (inbox, approvals) could not reach this time. */
export const UnavailableSources = ({
  sources,
}: {
  sources: readonly { readonly service: string; readonly ok: boolean }[];
}) => {
  const { t } = useTranslation();
  return (
    <>
      {sources
        .filter((s) => !s.ok)
        .map((s) => (
          <Alert
            key={s.service}
            type="warning"
            showIcon
            title={t('state.unavailable', { service: t(`services.${s.service}`) })}
          />
        ))}
    </>
  );
};
