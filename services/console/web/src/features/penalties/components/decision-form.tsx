import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { penaltyKeys } from '@/features/penalties/api/keys';
import { decideFineAppeal } from '@/features/penalties/api/mutations';

interface Values {
  outcome: 'upheld' | 'waived';
  reason: string;
}

/** The GM upholds or waives an appealed fine, always with a reason (CMP-APR-05/08/10). */
export const DecisionForm = ({ fineId }: { fineId: string }) => {
  const { t } = useTranslation('penalties');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => decideFineAppeal(fineId, v, keyFor(v)),
    onSuccess: (_, v) => void message.success(t(`decision.done.${v.outcome}`)),
    onSettled: () => client.invalidateQueries({ queryKey: penaltyKeys.all }),
    onError: (error) =>
      setFormError(showProblemOnFields(form, error, ['outcome', 'reason'], refusal) ? null : error),
  });
  return (
    <ModalForm<Values>
      title={t('decision.title')}
      form={form}
      trigger={<Button type="primary">{t('decision.action')}</Button>}
      submitter={{ searchConfig: { submitText: tc('actions.submit'), resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormRadio.Group
        name="outcome"
        label={t('fields.outcome')}
        options={[
          { value: 'upheld', label: t('decision.upheld') },
          { value: 'waived', label: t('decision.waived') },
        ]}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormTextArea
        name="reason"
        label={t('fields.decisionReason')}
        rules={[{ required: true, whitespace: true, message: tc('validation.required') }, { max: 2000 }]}
      />
      <ProblemAlert error={formError} />
    </ModalForm>
  );
};
