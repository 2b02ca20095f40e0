import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  ProFormDatePicker,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { scheduleJointEvent } from '@/features/invitations/api/mutations';
import type { ScheduleValues } from '@/features/invitations/api/types';

const FIELDS = ['date', 'slot', 'venue', 'businessUnits', 'coordinatorId'];

/** "Schedule a joint event" (domain §3.1): the service computes the window and cut-offs. */
export const ScheduleEventForm = ({ coordinatorId }: { coordinatorId?: string }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: ScheduleValues) => scheduleJointEvent(v, keyFor(v)),
    onSuccess: async ({ jointEventId }) => {
      await client.invalidateQueries({ queryKey: invitationKeys.events() });
      void message.success(t('schedule.done'));
      navigate(`/invitations/events/${jointEventId}`);
    },
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS, refusal) ? null : error),
  });
  return (
    <ModalForm<ScheduleValues>
      title={t('schedule.title')}
      form={form}
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          {t('schedule.title')}
        </Button>
      }
      initialValues={{ slot: 'afternoon', ...(coordinatorId ? { coordinatorId } : {}) }}
      submitter={{ searchConfig: { submitText: t('schedule.submit'), resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormDatePicker
        name="date"
        label={t('fields.date')}
        fieldProps={{ format: 'YYYY-MM-DD' }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormRadio.Group
        name="slot"
        label={t('fields.slot')}
        radioType="button"
        options={(['afternoon', 'evening'] as const).map((s) => ({ value: s, label: t(`slots.${s}`) }))}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormText
        name="venue"
        label={t('fields.venue')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 200 }]}
      />
      <ProFormSelect
        name="businessUnits"
        label={t('fields.businessUnits')}
        tooltip={t('schedule.businessUnitsHint')}
        mode="tags"
        fieldProps={{ tokenSeparators: [',', '，', ' '] }}
        rules={[
          { required: true, message: tc('validation.required') },
          { type: 'array', min: 2, message: t('schedule.minTwo') },
        ]}
      />
      <ProFormText
        name="coordinatorId"
        label={t('fields.coordinatorId')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
