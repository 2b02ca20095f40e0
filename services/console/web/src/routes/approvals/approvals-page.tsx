import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { ApprovalsList } from '@/features/approvals/components/approvals-list';

export default function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  return (
    <PageContainer title={t('title')}>
      <ApprovalsList />
    </PageContainer>
  );
}
