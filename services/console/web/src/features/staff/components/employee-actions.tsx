import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormSelect } from '@ant-design/pro-components';
import { Button, Form, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { refetchUntil } from '@/shared/api/read-your-writes';
import { useSession } from '@/shared/auth/session';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { useProblemMessage } from '@/shared/ui/problem-alert';
import { staffKeys } from '@/features/staff/api/keys';
import { staffListQuery } from '@/features/staff/api/queries';
import { changeEmployee } from '@/features/staff/api/mutations';
import type { BusinessUnit, StaffAction, StaffCommandResult, StaffMember } from '@/features/staff/api/types';
import { actionsFor, redrawsCustomers } from '@/features/staff/utils/staff-actions';
import { canChangeEmployee } from '@/features/staff/utils/staff-policy';

export interface StaffOutcome {
  readonly member: StaffMember;
  readonly action: StaffAction;
  readonly result?: StaffCommandResult;
  readonly error?: unknown;
}

interface Props {
  readonly member: StaffMember;
  readonly businessUnits: readonly BusinessUnit[];
  /** The directory shows each answer (and the draw with its seed) above the table. */
  readonly onOutcome: (outcome: StaffOutcome) => void;
}

const useStaffCommand = (member: StaffMember, onOutcome: Props['onOutcome']) => {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ action, toBu }: { action: StaffAction; toBu?: string }) =>
      changeEmployee(member.employeeId, action, keyFor({ id: member.employeeId, action, toBu }), toBu),
    onSuccess: async (result, { action, toBu }) => {
      const bu = toBu ?? member.bu;
      await refetchUntil(client, staffListQuery(bu), (staff) =>
        staff.some((m) => m.employeeId === member.employeeId && m.status === result.status && m.bu === bu),
      );
      onOutcome({ member, action, result });
    },
    onError: (error, { action }) => onOutcome({ member, action, error }),
    onSettled: () => client.invalidateQueries({ queryKey: staffKeys.lists() }),
  });
};

const TransferButton = ({ member, businessUnits, onOutcome }: Props) => {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const message = useProblemMessage();
  const [form] = Form.useForm<{ toBu: string }>();
  const [failed, setFailed] = useState(false);
  const mutation = useStaffCommand(member, (outcome) => {
    if (outcome.error !== undefined) {
      setFailed(true);
      form.setFields([{ name: 'toBu', errors: [message(outcome.error)] }]);
      return;
    }
    onOutcome(outcome);
  });
  return (
    <ModalForm<{ toBu: string }>
      title={t('transfer.title', { name: member.displayName })}
      form={form}
      trigger={<Button size="small">{t('actions.transfer')}</Button>}
      {...modalCommandProps(
        ({ toBu }: { toBu: string }) => mutation.mutateAsync({ action: 'transfer', toBu }),
        () => setFailed(false),
      )}
    >
      <ProFormSelect
        name="toBu"
        label={t('fields.toBu')}
        extra={failed ? undefined : t('transfer.hint')}
        options={businessUnits
          .filter((b) => b.buId !== member.bu)
          .map((b) => ({ value: b.buId, label: `${b.name}（${b.buId}）` }))}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
    </ModalForm>
  );
};

/** The status changes an employee may go through now; absences warn that customers are redrawn. */
export const EmployeeActions = ({ member, businessUnits, onOutcome }: Props) => {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const { person } = useSession();
  const mutation = useStaffCommand(member, onOutcome);
  const pending = mutation.isPending ? mutation.variables.action : undefined;
  const policy = canChangeEmployee(person, member);
  if (!policy.can) {
    return (
      <Tooltip title={t(`policy.${policy.reason ?? 'noRole'}`)}>
        <Space size="small" wrap>
          {actionsFor(member.status).map((action) => (
            <Button key={action} size="small" disabled>
              {t(`actions.${action}`)}
            </Button>
          ))}
        </Space>
      </Tooltip>
    );
  }
  return (
    <Space size="small" wrap>
      {actionsFor(member.status).map((action) =>
        action === 'transfer' ? (
          <TransferButton key={action} member={member} businessUnits={businessUnits} onOutcome={onOutcome} />
        ) : (
          <Popconfirm
            key={action}
            title={t(`confirm.${action}`, { name: member.displayName })}
            description={redrawsCustomers(action) ? t('confirm.redraw') : undefined}
            okText={t(`actions.${action}`)}
            cancelText={tc('actions.cancel')}
            onConfirm={() => mutation.mutateAsync({ action }).catch(() => undefined)}
          >
            <Button size="small" danger={action === 'leave'} loading={pending === action}>
              {t(`actions.${action}`)}
            </Button>
          </Popconfirm>
        ),
      )}
    </Space>
  );
};
