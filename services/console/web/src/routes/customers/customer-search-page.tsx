import { PageContainer } from '@ant-design/pro-components';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchByMobile } from '@/features/customers/components/search-by-mobile';

export default function CustomerSearchPage() {
  const { t } = useTranslation('customers');
  return (
    <PageContainer title={t('searchTitle')}>
      <Card>
        <SearchByMobile />
      </Card>
    </PageContainer>
  );
}
