export * from './projection';
export { type BatchOutcome } from './apply-batch';
export { ProjectionRunner, type ProjectionRunnerOptions, type ProjectionLag } from './projection-runner';
export {
  rebuildProjection,
  RebuildInProgressError,
  type RebuildOptions,
  type RebuildResult,
} from './projection-rebuild';
export { checkpointTable, SHADOW_SUFFIX } from './projection-sql';
export * from './work-items/work-items-table';
