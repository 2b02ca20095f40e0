import { useQuery } from '@tanstack/react-query';
import { ProDescriptions } from '@ant-design/pro-components';
import { Badge, Card, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { QueryState } from '@/shared/ui/query-state';
import { customerQuery, ownershipQuery } from '@/features/customers/api/queries';
import type { Customer } from '@/features/customers/api/types';
import { RecordServiceForm } from './record-service-form';

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/** The customer as this person may see it (masked for other BUs), with who owns them and why. */
export const CustomerDetail = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation('customers');
  const customer = useQuery(customerQuery(customerId));
  const ownership = useQuery(ownershipQuery(customerId));
  return (
    <QueryState query={customer}>
      {(c: Customer) => (
        <>
          <Card title={c.personalData.name ?? t('forgotten')} style={{ marginBottom: 16 }}>
            <ProDescriptions<Customer>
              column={2}
              dataSource={c}
              columns={[
                { title: t('fields.mobile'), key: 'mobile', render: () => c.personalData.mobile ?? '—' },
                {
                  title: t('fields.visibility'),
                  key: 'visibility',
                  render: () => <Tag>{t(`visibility.${c.personalData.visibility}`)}</Tag>,
                },
                { title: t('fields.address'), key: 'address', render: () => c.personalData.address ?? '—' },
                { title: t('fields.source'), key: 'source', render: () => t(`sources.${c.source}`) },
                { title: t('fields.ownerBu'), key: 'ownerBu', dataIndex: 'ownerBu' },
                { title: t('fields.owner'), key: 'owner', dataIndex: 'ownerEmployeeId' },
                {
                  title: t('fields.registeredAt'),
                  key: 'registeredAt',
                  render: () => formatDateTime(c.registeredAt),
                },
                {
                  title: t('fields.status'),
                  key: 'status',
                  render: () =>
                    c.lapsed ? (
                      <Badge status="warning" text={t('lapsed')} />
                    ) : (
                      <Badge status="success" text={t('served')} />
                    ),
                },
                { title: t('fields.tier'), key: 'tier', render: () => (c.tier ? t(`tiers.${c.tier}`) : '—') },
              ]}
            />
          </Card>
          <Card title={t('detail.recordService')} style={{ marginBottom: 16 }}>
            <RecordServiceForm customerId={customerId} />
          </Card>
          <Card title={t('detail.ownership')}>
            <QueryState query={ownership} isEmpty={(d) => d.length === 0}>
              {(decisions) => (
                <Timeline
                  items={decisions.map((d, i) => ({
                    key: i,
                    content: (
                      <>
                        <Typography.Text strong>
                          {t(`decisions.${str(d['type'] ?? d['decision'])}`, {
                            defaultValue: str(d['type'] ?? d['decision']),
                          })}
                        </Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {formatDateTime(str(d['recordedAt'] ?? d['at'] ?? d['businessTime']))}
                        </Typography.Text>
                        <div>
                          {t('detail.ownerNow', {
                            bu: str(d['ownerBu'] ?? d['toBu']),
                            employee: str(d['ownerEmployeeId'] ?? d['toEmployeeId']),
                          })}
                        </div>
                        {d['rule'] !== undefined && <Tag>{str(d['rule'])}</Tag>}
                        {d['policyVersion'] !== undefined && (
                          <Tag>{t('detail.policy', { version: str(d['policyVersion']) })}</Tag>
                        )}
                        {d['basis'] !== undefined && <div>{str(d['basis'])}</div>}
                      </>
                    ),
                  }))}
                />
              )}
            </QueryState>
          </Card>
        </>
      )}
    </QueryState>
  );
};
