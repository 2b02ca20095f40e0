import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { formatDateTime } from '@/shared/i18n/i18n';
import { DeadlineTimer } from '@/shared/ui/deadline-timer';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { fileInvitationList } from '@/features/invitations/api/mutations';
import type { FileListValues, JointEvent } from '@/features/invitations/api/types';
import { parseCustomerIds } from '@/features/invitations/utils/customer-ids';
import { cutoffOf } from '@/features/invitations/utils/filing-view';

interface Values {
  day: string;
  confirmed?: string;
  planned?: string;
}

const FIELDS = ['day', 'confirmed', 'planned'];

const toCommand = (v: Values): FileListValues => {
  const planned = parseCustomerIds(v.planned);
  return {
    day: v.day,
    confirmed: parseCustomerIds(v.confirmed),
    ...(planned.length > 0 ? { planned } : {}),
  };
};

/**
 * A BU manager files the day's confirmed list (and, for BUs after the first, the next day's planned
 * list) against the cut-off the service computed (INV-01/02/06); the service judges on time or late.
 */
export const FileListForm = ({
  event,
  day,
  onDayChange,
}: {
  event: JointEvent;
  day: string;
  onDayChange: (day: string) => void;
}) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const [filed, setFiled] = useState<{ onTime: boolean; filedAt: string; cutoffAt: string } | undefined>();
  const cutoff = cutoffOf(event, day);
  const mutation = useMutation({
    mutationFn: (v: FileListValues) => fileInvitationList(event.jointEventId, v, keyFor(v)),
    onSuccess: (answer) => {
      const listed = answer.events.find((e) => e.type === 'InvitationListFiled');
      if (listed) setFiled(listed.data as { onTime: boolean; filedAt: string; cutoffAt: string });
    },
    onSettled: () => client.invalidateQueries({ queryKey: invitationKeys.event(event.jointEventId) }),
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS, refusal) ? null : error),
  });
  return (
    <ProForm<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ day }}
      submitter={{ searchConfig: { submitText: t('lists.submit') }, resetButtonProps: false }}
      onValuesChange={(changed: Partial<Values>) => {
        setFormError(null);
        setFiled(undefined);
        if (changed.day) onDayChange(changed.day);
      }}
      onFinish={async (v) => {
        await mutation.mutateAsync(toCommand(v)).catch(() => undefined);
      }}
    >
      <ProFormSelect
        name="day"
        label={t('fields.day')}
        width="md"
        options={event.cutoffs.map((c) => ({ value: c.day, label: c.day }))}
        rules={[{ required: true, message: tc('validation.required') }]}
        extra={
          cutoff && (
            <Space>
              <Typography.Text type="secondary">
                {t('lists.cutoff', { at: formatDateTime(cutoff.cutoffAt) })}
              </Typography.Text>
              <DeadlineTimer dueAt={cutoff.cutoffAt} warnMs={3 * 3600_000} />
            </Space>
          )
        }
      />
      <ProFormTextArea
        name="confirmed"
        label={t('fields.confirmed')}
        tooltip={t('lists.idsHint')}
        fieldProps={{ rows: 4 }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormTextArea
        name="planned"
        label={t('fields.planned')}
        tooltip={t('lists.plannedHint')}
        fieldProps={{ rows: 3 }}
      />
      {filed && (
        <Alert
          type={filed.onTime ? 'success' : 'warning'}
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={filed.onTime ? t('lists.filedOnTime') : t('lists.filedLate')}
          description={t('lists.filedAt', {
            at: formatDateTime(filed.filedAt),
            cutoff: formatDateTime(filed.cutoffAt),
          })}
        />
      )}
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};
