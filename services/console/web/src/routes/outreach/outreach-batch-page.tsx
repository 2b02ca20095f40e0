import { PageContainer } from '@ant-design/pro-components';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BatchDetail } from '@/features/outreach/components/batch-detail';

export default function OutreachBatchPage() {
  const { t } = useTranslation('outreach');
  const { batchId = '' } = useParams();
  const navigate = useNavigate();
  return (
    <PageContainer title={t('detailTitle')} onBack={() => navigate('/outreach')}>
      <BatchDetail batchId={batchId} />
    </PageContainer>
  );
}
