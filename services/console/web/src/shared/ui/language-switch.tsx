import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '@/shared/i18n/i18n';

export const LanguageSwitch = () => {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label="language / 语言"
      value={i18n.language}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => void setLanguage(value as Language)}
    />
  );
};
