import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { CaseQueueTable } from '@/features/complaints/components/case-queue-table';
import { RegisterCaseForm } from '@/features/complaints/components/register-case-form';

export default function CaseQueuePage() {
  const { t } = useTranslation('complaints');
  return (
    <PageContainer title={t('queueTitle')} content={t('queueHint')}>
      <CaseQueueTable toolbar={<RegisterCaseForm />} />
    </PageContainer>
  );
}
