import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { InboxList } from '@/features/inbox/components/inbox-list';

export default function InboxPage() {
  const { t } = useTranslation('inbox');
  return (
    <PageContainer title={t('title')}>
      <InboxList />
    </PageContainer>
  );
}
