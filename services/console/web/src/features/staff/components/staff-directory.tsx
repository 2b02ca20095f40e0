import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Table, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { businessUnitsQuery, staffListQuery } from '@/features/staff/api/queries';
import type { BusinessUnit, EmployeeStatus, StaffMember } from '@/features/staff/api/types';
import { EmployeeActions, type StaffOutcome } from './employee-actions';
import { JoinEmployeeForm } from './join-employee-form';
import { OpenBuForm } from './open-bu-form';
import { RedistributionResult } from './redistribution-result';

const STATUS_COLOURS: Record<EmployeeStatus, string> = {
  active: 'green',
  long_leave: 'orange',
  left: 'default',
};
const ALL = 'all';

const Outcome = ({ outcome }: { outcome: StaffOutcome }) => {
  const { t } = useTranslation('staff');
  const name = outcome.member.displayName;
  if (outcome.error !== undefined) return <ProblemAlert error={outcome.error} />;
  const draw = outcome.result?.redistribution;
  return (
    <Card
      title={t(`done.${outcome.action}`, { name })}
      size="small"
      style={{ marginBottom: 16 }}
      role="status"
    >
      {draw !== undefined ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('draw.title', { count: draw.assignments.length, name })}
          />
          <RedistributionResult draw={draw} />
        </>
      ) : (
        t(outcome.action === 'return' ? 'done.noDrawReturn' : 'done.noDraw')
      )}
    </Card>
  );
};

const StaffTable = ({
  bu,
  businessUnits,
  onOutcome,
}: {
  bu: string | undefined;
  businessUnits: readonly BusinessUnit[];
  onOutcome: (o: StaffOutcome) => void;
}) => {
  const { t } = useTranslation('staff');
  const query = useQuery(staffListQuery(bu));
  return (
    <QueryState query={query} isEmpty={(rows) => rows.length === 0}>
      {(rows) => (
        <Table<StaffMember>
          rowKey="employeeId"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('fields.employeeId'), dataIndex: 'employeeId' },
            { title: t('fields.displayName'), dataIndex: 'displayName' },
            { title: t('fields.bu'), dataIndex: 'bu' },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              render: (s: EmployeeStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`status.${s}`)}</Tag>,
            },
            { title: t('fields.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('fields.changedAt'),
              dataIndex: 'changedAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('fields.actions'),
              key: 'actions',
              render: (_, m) => (
                <EmployeeActions member={m} businessUnits={businessUnits} onOutcome={onOutcome} />
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
};

/** The staff directory by BU (domain §2.8): open a BU, join, long leave, return, transfer, leave. */
export const StaffDirectory = () => {
  const { t } = useTranslation('staff');
  const { person, access } = useSession();
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState<StaffOutcome | undefined>();
  const units = useQuery(businessUnitsQuery());
  const selected = params.get('bu') ?? person?.bu ?? ALL;
  return (
    <QueryState query={units}>
      {(businessUnits) => (
        <>
          <Flex gap="small" justify="flex-end" style={{ marginBottom: 16 }}>
            {access.canOpenBusinessUnits && <OpenBuForm />}
            {businessUnits.length > 0 && (
              <JoinEmployeeForm
                businessUnits={businessUnits}
                {...(selected !== ALL ? { defaultBu: selected } : {})}
              />
            )}
          </Flex>
          {businessUnits.length === 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('noBusinessUnits')} />
          )}
          {outcome !== undefined && <Outcome outcome={outcome} />}
          <Card>
            <Tabs
              activeKey={selected}
              onChange={(key) => {
                setOutcome(undefined);
                setParams(key === ALL ? {} : { bu: key });
              }}
              items={[
                { key: ALL, label: t('allBus') },
                ...businessUnits.map((b) => ({ key: b.buId, label: `${b.name}（${b.buId}）` })),
              ]}
            />
            <StaffTable
              bu={selected === ALL ? undefined : selected}
              businessUnits={businessUnits}
              onOutcome={setOutcome}
            />
          </Card>
        </>
      )}
    </QueryState>
  );
};
