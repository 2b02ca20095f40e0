import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  ProFormDateTimePicker,
  ProFormDependency,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { BUSINESS_TIME_ZONE } from '@/shared/i18n/i18n';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { complaintKeys } from '@/features/complaints/api/keys';
import { registerCase } from '@/features/complaints/api/mutations';
import {
  CASE_CHANNELS,
  CASE_KINDS,
  SEVERITIES,
  type RegisterCaseValues,
} from '@/features/complaints/api/types';

const FIELDS = [
  'kind',
  'channel',
  'customerId',
  'subject',
  'description',
  'concernedEmployeeId',
  'concernedBu',
  'severity',
  'promisedBy',
  'receivedAt',
];

type Picked = string | Dayjs | undefined;
type FormValues = Omit<RegisterCaseValues, 'receivedAt' | 'promisedBy'> & {
  receivedAt?: Picked;
  promisedBy?: Picked;
};

/** A picked Beijing wall-clock time → an ISO instant (the browser's own zone does not matter). */
const beijingInstant = (picked: Picked): string | undefined => {
  if (picked === undefined || picked === null || picked === '') return undefined;
  const local = typeof picked === 'string' ? picked : picked.format('YYYY-MM-DD HH:mm:ss');
  return dayjs.tz(local, BUSINESS_TIME_ZONE).toISOString();
};

/** Registering a case; `receivedAt` when it was taken earlier (a call on Saturday entered on Monday). */
export const RegisterCaseForm = () => {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: FormValues) => {
      const receivedAt = beijingInstant(v.receivedAt);
      const promisedBy = beijingInstant(v.promisedBy);
      const body = Object.fromEntries(
        Object.entries({ ...v, receivedAt, promisedBy }).filter(
          ([, value]) => value !== undefined && value !== '',
        ),
      ) as unknown as RegisterCaseValues;
      return registerCase(body, keyFor(body));
    },
    onSuccess: async ({ caseId, number }) => {
      await client.invalidateQueries({ queryKey: complaintKeys.queues() });
      void message.success(t('register.done', { number }));
      navigate(`/complaints/${caseId}`);
    },
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS, refusal) ? null : error),
  });
  const required = { required: true, message: tc('validation.required') };
  return (
    <ModalForm<FormValues>
      title={t('register.title')}
      form={form}
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          {t('register.title')}
        </Button>
      }
      initialValues={{ kind: 'complaint', channel: 'hotline' }}
      submitter={{ searchConfig: { submitText: t('register.submit'), resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormSelect
        name="kind"
        label={t('fields.kind')}
        options={CASE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        rules={[required]}
      />
      <ProFormSelect
        name="channel"
        label={t('fields.channel')}
        options={CASE_CHANNELS.map((k) => ({ value: k, label: t(`channels.${k}`) }))}
        rules={[required]}
      />
      <ProFormText name="customerId" label={t('fields.customerId')} rules={[required, { max: 100 }]} />
      <ProFormText name="subject" label={t('fields.subject')} rules={[required, { max: 200 }]} />
      <ProFormTextArea name="description" label={t('fields.description')} rules={[required, { max: 2000 }]} />
      <ProFormDateTimePicker
        name="receivedAt"
        label={t('fields.receivedAt')}
        tooltip={t('register.receivedAtHint')}
        fieldProps={{
          format: 'YYYY-MM-DD HH:mm',
          showTime: { format: 'HH:mm' },
          placeholder: t('register.receivedAtPlaceholder'),
        }}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }) =>
          kind === 'suggestion' ? (
            <ProFormDateTimePicker
              name="promisedBy"
              label={t('fields.promisedBy')}
              fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' } }}
              rules={[required]}
            />
          ) : null
        }
      </ProFormDependency>
      <ProFormText
        name="concernedEmployeeId"
        label={t('fields.concernedEmployeeId')}
        tooltip={t('register.concernedHint')}
        rules={[{ max: 100 }]}
      />
      <ProFormText name="concernedBu" label={t('fields.concernedBu')} rules={[{ max: 100 }]} />
      <ProFormSelect
        name="severity"
        label={t('fields.severity')}
        tooltip={t('register.severityHint')}
        options={SEVERITIES.map((k) => ({ value: k, label: t(`severities.${k}`) }))}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
