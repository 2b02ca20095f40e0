export { deterministicUuid } from '@crm/event-sourcing';
export * from './policy-document';
export * from './policy-registry';
export * from './default-policies';
export * from './time/clock';
export * from './time/timer';
export * from './time/durable-timers';
export * from './time/timer-poller';
export * from './calendar';
