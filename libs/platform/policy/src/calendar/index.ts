export * from './calendar-params';
export * from './working-calendar';
export * from './default-calendar';
