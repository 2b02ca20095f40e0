import { PageContainer } from '@ant-design/pro-components';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { FineDetail } from '@/features/penalties/components/fine-detail';

export default function FinePage() {
  const { t } = useTranslation('penalties');
  const { fineId = '' } = useParams();
  const { person } = useSession();
  return (
    <PageContainer title={t('fineTitle')}>
      <FineDetail
        fineId={fineId}
        roles={person?.roles ?? []}
        {...(person !== undefined ? { employeeId: person.employeeId } : {})}
      />
    </PageContainer>
  );
}
