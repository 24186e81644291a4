// Employers, vacancies and speed-date recruitment events.
export * from './scheduling';
