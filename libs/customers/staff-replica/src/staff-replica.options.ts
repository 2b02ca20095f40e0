/** Where the replica lives in the host; default: the host's read schema (`SERVICE_INFO.readSchema`). */
export interface StaffReplicaOptions {
  readonly readSchema: string;
}

export const STAFF_REPLICA_OPTIONS = Symbol('STAFF_REPLICA_OPTIONS');
