import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App, Badge, Button, Form, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { recordDispute, resolveDispute, type DisputeParty } from '@/features/invitations/api/mutations';
import type { Dispute, JointEvent } from '@/features/invitations/api/types';

const partyKey = (p: DisputeParty) => `${p.employeeId}@${p.bu}`;

/** The modal state every dispute command shares: key, refusal beside the fields or in the alert. */
const useDisputeCommand = <V,>(
  jointEventId: string,
  fields: string[],
  run: (v: V, key: string) => Promise<unknown>,
) => {
  const { message } = App.useApp();
  const { t } = useTranslation('invitations');
  const [form] = Form.useForm();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: V) => run(v, keyFor(v)),
    onSuccess: () => void message.success(t('disputes.done')),
    onSettled: () => client.invalidateQueries({ queryKey: invitationKeys.event(jointEventId) }),
    onError: (error) => setFormError(showProblemOnFields(form, error, fields, refusal) ? null : error),
  });
  const submit = (v: V) => mutation.mutateAsync(v);
  return { form, formError, modal: modalCommandProps(submit, () => setFormError(null)) };
};

interface RecordValues {
  customerId?: string;
  parties: DisputeParty[];
  description: string;
}

/** INV-12: a dispute at the event is recorded with its parties (two or more). */
const RecordDisputeForm = ({ jointEventId }: { jointEventId: string }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { form, formError, modal } = useDisputeCommand<RecordValues>(
    jointEventId,
    ['customerId', 'parties', 'description'],
    (v, key) =>
      recordDispute(
        jointEventId,
        {
          parties: v.parties,
          description: v.description,
          ...(v.customerId ? { customerId: v.customerId } : {}),
        },
        key,
      ),
  );
  return (
    <ModalForm<RecordValues>
      title={t('disputes.record')}
      form={form}
      trigger={<Button icon={<PlusOutlined />}>{t('disputes.record')}</Button>}
      initialValues={{ parties: [{}, {}] }}
      submitter={{ searchConfig: { submitText: tc('actions.submit'), resetText: tc('actions.cancel') } }}
      {...modal}
    >
      <ProFormText name="customerId" label={t('fields.customerId')} rules={[{ max: 100 }]} />
      <ProFormList
        name="parties"
        label={t('fields.parties')}
        min={2}
        creatorButtonProps={{ creatorButtonText: t('disputes.addParty') }}
        rules={[
          {
            validator: async (_, v?: unknown[]) =>
              (v?.length ?? 0) >= 2 ? undefined : Promise.reject(new Error(t('disputes.twoParties'))),
          },
        ]}
      >
        <Space>
          <ProFormText
            name="employeeId"
            placeholder={t('fields.employeeId')}
            rules={[{ required: true, message: tc('validation.required') }]}
          />
          <ProFormText
            name="bu"
            placeholder={t('fields.bu')}
            rules={[{ required: true, message: tc('validation.required') }]}
          />
        </Space>
      </ProFormList>
      <ProFormTextArea
        name="description"
        label={t('fields.description')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 2000 }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

interface ResolveValues {
  resolution: string;
  managerIds: string[];
  quarrelled: string[];
}

/** Settled afterwards by both BU managers with the coordinator; those who quarrelled are fined. */
const ResolveDisputeForm = ({ jointEventId, dispute }: { jointEventId: string; dispute: Dispute }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { form, formError, modal } = useDisputeCommand<ResolveValues>(
    jointEventId,
    ['resolution', 'managerIds', 'quarrelled'],
    (v, key) =>
      resolveDispute(
        { jointEventId, disputeId: dispute.disputeId },
        {
          resolution: v.resolution,
          managerIds: v.managerIds,
          quarrelled: dispute.parties.filter((p) => (v.quarrelled ?? []).includes(partyKey(p))),
        },
        key,
      ),
  );
  return (
    <ModalForm<ResolveValues>
      title={t('disputes.resolve')}
      form={form}
      trigger={
        <Button size="small" type="primary">
          {t('disputes.resolve')}
        </Button>
      }
      initialValues={{ quarrelled: [] }}
      submitter={{ searchConfig: { submitText: tc('actions.submit'), resetText: tc('actions.cancel') } }}
      {...modal}
    >
      <ProFormTextArea
        name="resolution"
        label={t('fields.resolution')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 2000 }]}
      />
      <ProFormSelect
        name="managerIds"
        label={t('fields.managerIds')}
        tooltip={t('disputes.managersHint')}
        mode="tags"
        fieldProps={{ tokenSeparators: [',', '，', ' '] }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormSelect
        name="quarrelled"
        label={t('fields.quarrelled')}
        tooltip={t('disputes.quarrelledHint')}
        mode="multiple"
        options={dispute.parties.map((p) => ({ value: partyKey(p), label: `${p.employeeId}（${p.bu}）` }))}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

/** The event's disputes (INV-12): record one at the event, resolve it afterwards. */
export const EventDisputes = ({
  event,
  canRecord,
  canResolve,
}: {
  event: JointEvent;
  canRecord: boolean;
  canResolve: boolean;
}) => {
  const { t } = useTranslation('invitations');
  return (
    <Table<Dispute>
      size="small"
      rowKey="disputeId"
      pagination={false}
      title={() => (canRecord ? <RecordDisputeForm jointEventId={event.jointEventId} /> : null)}
      dataSource={Object.values(event.disputes)}
      columns={[
        { title: t('fields.customerId'), key: 'customerId', render: (_, d) => d.customerId ?? '—' },
        {
          title: t('fields.parties'),
          key: 'parties',
          render: (_, d) => d.parties.map((p) => <Tag key={partyKey(p)}>{`${p.employeeId}（${p.bu}）`}</Tag>),
        },
        {
          title: t('fields.conflictStatus'),
          key: 'status',
          render: (_, d) =>
            d.resolved ? (
              <Badge status="success" text={t('disputes.resolved')} />
            ) : (
              <Badge status="warning" text={t('disputes.open')} />
            ),
        },
        {
          title: t('fields.actions'),
          key: 'actions',
          render: (_, d) =>
            canResolve && !d.resolved ? (
              <ResolveDisputeForm jointEventId={event.jointEventId} dispute={d} />
            ) : null,
        },
      ]}
    />
  );
};
