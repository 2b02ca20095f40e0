import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { batchKeys } from '@/features/outreach/api/keys';
import { submitBatch } from '@/features/outreach/api/mutations';
import type { SubmitBatchValues } from '@/features/outreach/api/types';

const FIELDS = ['seminar', 'participants', 'recordCount'];

interface Props {
  /** The BU's active employees, supplied by the page (the staff directory is another feature). */
  readonly participantOptions: readonly { value: string; label: string }[];
  readonly participantsLoading?: boolean;
}

/** ARC-01: a BU manager submits the forms of a seminar with the employees who took part. */
export const SubmitBatchForm = ({ participantOptions, participantsLoading }: Props) => {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<SubmitBatchValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (values: SubmitBatchValues) => submitBatch(values, keyFor(values)),
    onSuccess: async (batch) => {
      client.setQueryData(batchKeys.detail(batch.batchId), batch);
      await client.invalidateQueries({ queryKey: batchKeys.lists() });
      navigate(`/outreach/${batch.batchId}`);
    },
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS) ? null : error),
  });
  return (
    <ModalForm<SubmitBatchValues>
      title={t('submit.title')}
      form={form}
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          {t('submit.open')}
        </Button>
      }
      submitter={{ searchConfig: { submitText: t('submit.submit') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormText
        name="seminar"
        label={t('fields.seminar')}
        placeholder={t('submit.seminarHint')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 200 }]}
      />
      <ProFormSelect
        name="participants"
        label={t('fields.participants')}
        tooltip={t('submit.participantsHint')}
        mode="multiple"
        options={[...participantOptions]}
        fieldProps={{ loading: participantsLoading ?? false }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormDigit
        name="recordCount"
        label={t('fields.recordCount')}
        min={0}
        fieldProps={{ precision: 0 }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
