import { PageContainer } from '@ant-design/pro-components';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

export default function PlaceholderPage() {
  const { t } = useTranslation();
  return (
    <PageContainer>
      <Empty description={t('state.empty')} />
    </PageContainer>
  );
}
