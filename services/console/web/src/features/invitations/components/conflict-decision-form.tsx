import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Form, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { onCustomer } from '@/features/invitations/api/mutations';
import type { Conflict } from '@/features/invitations/api/types';
import type { Can } from '@/features/invitations/utils/conflict-policy';

export type Decision = 'rule' | 'final' | 'escalate';

interface Values {
  winnerBu?: string;
  note?: string;
  reason?: string;
}

const FIELDS = ['winnerBu', 'note', 'reason'];

/**
 * The coordinator's ruling, the escalation to the GM, or the GM's final ruling (INV-08/13) on one
 * conflict. The winner is chosen among the BUs that confirmed the customer.
 */
export const ConflictDecisionForm = ({
  conflict,
  decision,
  can,
}: {
  conflict: Conflict;
  decision: Decision;
  can: Can;
}) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const target = { jointEventId: conflict.jointEventId, customerId: conflict.customerId };
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      decision === 'escalate'
        ? onCustomer(target, 'escalation', { reason: v.reason }, keyFor({ decision, ...v }))
        : onCustomer(
            target,
            'rulings',
            { winnerBu: v.winnerBu, ...(v.note ? { note: v.note } : {}) },
            keyFor({ decision, ...v }),
          ),
    onSuccess: () => void message.success(t(`conflicts.done.${decision}`)),
    onSettled: () => client.invalidateQueries({ queryKey: invitationKeys.all }),
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS, refusal) ? null : error),
  });
  const button = (
    <Button size="small" type={decision === 'escalate' ? 'default' : 'primary'} disabled={!can.can}>
      {t(`conflicts.actions.${decision}`)}
    </Button>
  );
  if (!can.can) return <Tooltip title={can.reason ? t(can.reason) : undefined}>{button}</Tooltip>;
  return (
    <ModalForm<Values>
      title={t(`conflicts.actions.${decision}`)}
      form={form}
      trigger={button}
      submitter={{ searchConfig: { submitText: tc('actions.submit'), resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      {decision === 'escalate' ? (
        <ProFormTextArea
          name="reason"
          label={t('fields.reason')}
          rules={[{ required: true, message: tc('validation.required') }, { max: 2000 }]}
        />
      ) : (
        <>
          <ProFormRadio.Group
            name="winnerBu"
            label={t('fields.winnerBu')}
            options={conflict.claimants.map((c) => ({
              value: c.bu,
              label: t('conflicts.claimant', { bu: c.bu, filing: t(`filing.${c.filing}`) }),
            }))}
            rules={[{ required: true, message: tc('validation.required') }]}
          />
          <ProFormTextArea name="note" label={t('fields.note')} rules={[{ max: 2000 }]} />
        </>
      )}
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
