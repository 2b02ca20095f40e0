export * from './calendar-params';
export * from './working-calendar';
export * from './default-calendar';
export * from './working-calendars';
