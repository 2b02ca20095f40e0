import { customersApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';
import type { Batch, BatchRecord, SubmitBatchValues } from './types';

export const submitBatch = async (values: SubmitBatchValues, key: string) => {
  const { data } = await customersApi.POST('/outreach-batches', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as Batch;
};

export const enterRecords = async (batchId: string, records: BatchRecord[], key: string) => {
  const { data } = await customersApi.POST('/outreach-batches/{batchId}/entries', {
    params: { path: { batchId } },
    body: { records } as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as Batch;
};

export const returnBatch = async (batchId: string, key: string) => {
  const { data } = await customersApi.POST('/outreach-batches/{batchId}/return', {
    params: { path: { batchId } },
    headers: idempotencyHeaders(key),
  });
  return data as unknown as Batch;
};

export const allocateBatch = async (batchId: string, key: string) => {
  const { data } = await customersApi.POST('/outreach-batches/{batchId}/allocation', {
    params: { path: { batchId } },
    headers: idempotencyHeaders(key),
  });
  return data as unknown as Batch;
};
