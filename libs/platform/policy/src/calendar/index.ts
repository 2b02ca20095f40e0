export * from './calendar-params';
export * from './working-calendar';
export * from './default-calendar';
export * from './statutory-holidays';
export * from './holiday-cn';
export * from './working-calendars';
