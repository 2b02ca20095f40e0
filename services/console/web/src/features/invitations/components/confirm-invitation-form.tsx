import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { confirmInvitation } from '@/features/invitations/api/mutations';
import type { InvitationWarning } from '@/features/invitations/api/types';

interface Values {
  customerId: string;
}

/**
 * ConfirmInvitation (domain §3.2): refused beside the field when another BU holds the customer
 * (INV-09, `details.holdingBu`) or the customer is not the BU's to invite; a blocked credit account
 * is only a warning.
 */
export const ConfirmInvitationForm = ({ jointEventId }: { jointEventId: string }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<readonly InvitationWarning[]>([]);
  const mutation = useMutation({
    mutationFn: (v: Values) => confirmInvitation(jointEventId, v.customerId.trim(), keyFor(v)),
    onSuccess: async (answer, v) => {
      setWarnings(answer.warnings);
      void message.success(t('confirm.done', { customerId: v.customerId.trim() }));
      await client.invalidateQueries({ queryKey: invitationKeys.event(jointEventId) });
    },
    onError: (error) => {
      if (isProblem(error) && error.code === 'invitation.customer_held') {
        const details = error.body['details'] as { holdingBu?: string } | undefined;
        form.setFields([
          { name: 'customerId', errors: [t('confirm.held', { bu: details?.holdingBu ?? '—' })] },
        ]);
        return;
      }
      if (isProblem(error) && error.status !== 400 && error.status < 500) {
        form.setFields([{ name: 'customerId', errors: [refusal(error)] }]);
        return;
      }
      setFormError(showProblemOnFields(form, error, ['customerId'], refusal) ? null : error);
    },
  });
  return (
    <ProForm<Values>
      form={form}
      layout="inline"
      submitter={{ searchConfig: { submitText: t('confirm.submit') }, resetButtonProps: false }}
      onValuesChange={() => {
        setFormError(null);
        setWarnings([]);
      }}
      onFinish={async (v) => {
        await mutation.mutateAsync(v).catch(() => undefined);
      }}
    >
      <ProFormText
        name="customerId"
        label={t('fields.customerId')}
        width="md"
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          style={{ marginTop: 8, width: '100%' }}
          title={tc(`rules.${w.code}`, { defaultValue: w.code })}
        />
      ))}
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};
