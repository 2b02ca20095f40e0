import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { QueryState } from '@/shared/ui/query-state';
import { fineQuery } from '@/features/penalties/api/queries';
import type { Fine } from '@/features/penalties/api/types';
import { canAppeal, canDecide, yuan } from '@/features/penalties/utils/fine-view';
import { AppealForm } from './appeal-form';
import { DecisionForm } from './decision-form';
import { FineStatusTag } from './fine-status';

/** A console path opens in the app; an API path (a service without a page yet) as a plain link. */
const CauseLink = ({ fine }: { fine: Fine }) =>
  fine.causeLink.startsWith('/api/') ? (
    <a href={fine.causeLink} target="_blank" rel="noreferrer">
      {fine.causeReference}
    </a>
  ) : (
    <Link to={fine.causeLink}>{fine.causeReference}</Link>
  );

const Payee = ({ fine }: { fine: Fine }) => {
  const { t } = useTranslation('penalties');
  const asIssued =
    fine.issuedEmployeeId ?? t('payee.post', { post: fine.issuedPost ?? '', bu: fine.issuedBu });
  return (
    <Space direction="vertical" size={0}>
      {fine.employeeId === null ? (
        <Tag color="red">{t('payee.unresolved')}</Tag>
      ) : (
        <span data-testid="fine-payee">
          {fine.employeeName ?? fine.employeeId} ({fine.employeeId})
        </span>
      )}
      <span>{t(`payee.method.${fine.payeeMethod}`, { asIssued, at: formatDateTime(fine.payeeAsOf) })}</span>
    </Space>
  );
};

/** One fine: who pays and why, the decision that caused it, the appeal and the GM's decision. */
export const FineDetail = ({
  fineId,
  employeeId,
  roles,
}: {
  fineId: string;
  employeeId?: string;
  roles: readonly string[];
}) => {
  const { t } = useTranslation('penalties');
  const query = useQuery(fineQuery(fineId));
  return (
    <QueryState query={query}>
      {(fine) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card
            title={
              <Space>
                {t('fineTitle')} <FineStatusTag status={fine.status} />
              </Space>
            }
            extra={
              <Space>
                {canAppeal(fine, employeeId, new Date()) && <AppealForm fineId={fine.fineId} />}
                {canDecide(fine, roles) && <DecisionForm fineId={fine.fineId} />}
              </Space>
            }
          >
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('fields.employee')}>
                <Payee fine={fine} />
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.bu')}>{fine.issuedBu}</Descriptions.Item>
              <Descriptions.Item label={t('fields.amount')}>
                {t('money.yuan', { amount: yuan(fine.amountFen) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.rule')}>
                <Tag>{fine.rule}</Tag> {t('fields.policyVersion')} {fine.policyVersion}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.reason')}>{fine.reason}</Descriptions.Item>
              <Descriptions.Item label={t('fields.cause')}>
                {t(`source.${fine.sourceService}`, { defaultValue: fine.sourceService })} ·{' '}
                <CauseLink fine={fine} />
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.issuedAt')}>
                {formatDateTime(fine.issuedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.appealDeadline')}>
                {formatDateTime(fine.appealDeadline)}
              </Descriptions.Item>
              {fine.appealGrounds !== null && (
                <Descriptions.Item label={t('fields.grounds')}>
                  {fine.appealGrounds} ({formatDateTime(fine.appealedAt)})
                </Descriptions.Item>
              )}
              {fine.decisionReason !== null && (
                <Descriptions.Item label={t('fields.decisionReason')}>
                  {t(`status.${fine.status}`)}: {fine.decisionReason} — {fine.decidedBy} (
                  {formatDateTime(fine.decidedAt)})
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Space>
      )}
    </QueryState>
  );
};
