import { PageContainer } from '@ant-design/pro-components';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { CaseDetail } from '@/features/complaints/components/case-detail';

export default function CasePage() {
  const { t } = useTranslation('complaints');
  const { caseId = '' } = useParams();
  const { access, person } = useSession();
  return (
    <PageContainer title={t('caseTitle')}>
      <CaseDetail
        caseId={caseId}
        person={{ employeeId: person?.employeeId ?? '', roles: person?.roles ?? [] }}
        canExplain={access.canExplainCases}
      />
    </PageContainer>
  );
}
